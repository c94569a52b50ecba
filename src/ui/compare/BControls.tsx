/**
 * Scenario B by hand: pick any parameter, set B's value with the same control the sidebar uses
 * (labelled "B ·", so A's and B's controls never share a name). The seed is A's, always.
 */

import { useState } from 'react';
import { PARAMS, PARAM_KEYS, type ParamKey, type Scenario } from '../../scenario';
import { useAppStore, useController } from '../../state/react';
import { Select, Toggle } from '../controls/Choice';
import { Slider } from '../controls/Slider';

const EDITABLE = PARAM_KEYS.filter((k) => k !== 'seed');

export function BControls({ b }: { b: Scenario }) {
  const controller = useController();
  const a = useAppStore((s) => s.scenario);
  // Start on a parameter B already sets apart, else leverage.
  const [name, setName] = useState<ParamKey>(
    () => EDITABLE.find((k) => b[k] !== a[k]) ?? 'leverage',
  );
  const spec = PARAMS[name];
  const labelled = { ...spec, label: `B · ${spec.label}` };
  const set = (v: number | string | boolean) => controller.setCompare({ ...b, [name]: v });
  const differs = EDITABLE.filter((k) => b[k] !== a[k]);
  return (
    <div className="space-y-1" data-testid="b-controls">
      <label className="flex items-center gap-2 text-sm text-slate-300">
        B’s parameter
        <select
          className="min-w-0 flex-1 rounded border border-slate-600 bg-slate-900 px-1 py-0.5 text-slate-100"
          value={name}
          onChange={(e) => setName(e.target.value as ParamKey)}
        >
          {EDITABLE.map((k) => (
            <option key={k} value={k}>
              {PARAMS[k].label}
            </option>
          ))}
        </select>
      </label>
      {labelled.kind === 'bool' ? (
        <Toggle name={`b-${name}`} spec={labelled} value={!!b[name]} onChange={set} />
      ) : labelled.kind === 'enum' ? (
        <Select name={`b-${name}`} spec={labelled} value={String(b[name])} onChange={set} />
      ) : (
        <Slider
          name={`b-${name}`}
          spec={labelled}
          value={Number(b[name])}
          max={name === 'shockStep' ? b.steps - 1 : undefined}
          onChange={set}
        />
      )}
      <p className="text-xs text-slate-400">
        B differs in: {differs.map((k) => PARAMS[k].label).join(', ') || 'nothing'}.
      </p>
    </div>
  );
}
