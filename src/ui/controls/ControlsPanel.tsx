/**
 * Every scenario parameter, grouped as the parameter table groups them, each control subscribed
 * to its own value only (moving one slider re-renders that slider).
 */

import { PARAMS, PARAM_KEYS, type ParamGroup, type ParamKey, type Scenario } from '../../scenario';
import { useAppStore, useController } from '../../state/react';
import { shownControls } from '../../state/tour';
import { Locked } from '../teach/Locked';
import { useNarrowAtStart } from '../useNarrow';
import { Select, Toggle } from './Choice';
import { SeedInput } from './SeedInput';
import { Slider } from './Slider';

/** Every group of the table, in the order shown (a Record, so a new group is a type error here). */
const GROUP_TITLES: Record<ParamGroup, string> = {
  traders: 'Traders',
  market: 'Market',
  shock: 'Shock',
  exchange: 'Exchange rules',
  run: 'Run',
};
const GROUPS = Object.entries(GROUP_TITLES).map(([group, title]) => ({
  group: group as ParamGroup,
  title,
}));

/** Why a parameter has no effect in this scenario, if it has none. */
function inactiveNote(key: ParamKey, s: Scenario): string | undefined {
  if ((key === 'markEma' || key === 'basisClamp') && s.mark !== 'smoothed') {
    return 'Only with the smoothed mark price.';
  }
  if ((key === 'breakerWindow' || key === 'breakerHalt') && s.breaker === 0) {
    return 'Only with the circuit breaker on.';
  }
  return undefined;
}

function ParamControl({ name }: { name: ParamKey }) {
  const controller = useController();
  const value = useAppStore((s) => s.scenario[name]);
  const steps = useAppStore((s) => s.scenario.steps);
  const inactive = useAppStore((s) => inactiveNote(name, s.scenario));
  // The run's length is what moves the shock: say so where the user is.
  const note = useAppStore((s) => (name === 'steps' ? s.adjustment : null));
  const spec = PARAMS[name];
  const set = (v: number | string | boolean) => controller.setParam(name, v as Scenario[ParamKey]);
  if (spec.kind === 'bool')
    return <Toggle name={name} spec={spec} value={!!value} onChange={set} />;
  if (spec.kind === 'enum') {
    return <Select name={name} spec={spec} value={String(value)} onChange={set} />;
  }
  if (name === 'seed') return <SeedInput spec={spec} value={Number(value)} onChange={set} />;
  return (
    <Slider
      name={name}
      spec={spec}
      value={Number(value)}
      max={name === 'shockStep' ? steps - 1 : undefined}
      inactive={inactive}
      note={note}
      onChange={set}
    />
  );
}

export function ControlsPanel() {
  // On a phone the groups start collapsed, so the sheet shows what there is at a glance.
  const collapsed = useNarrowAtStart();
  // A teacher's link (or a tour stage) may show only some controls, and lock some.
  const teach = useAppStore((s) => s.teach);
  const shown = shownControls(teach);
  const keysOf = (group: ParamGroup) =>
    PARAM_KEYS.filter((k) => PARAMS[k].group === group && (!shown || shown.has(k)));
  return (
    <div className="space-y-2 sm:space-y-3">
      {shown && (
        <p className="text-xs text-slate-400" data-testid="controls-limited">
          {shown.size === 0 ? 'This link shows no controls.' : 'This link shows some controls.'}
        </p>
      )}
      {GROUPS.filter(({ group }) => keysOf(group).length > 0).map(({ group, title }) => (
        <details
          key={group}
          open={!collapsed}
          className="rounded-lg border border-slate-800 bg-slate-900/60"
        >
          <summary className="cursor-pointer px-3 py-1.5 text-sm sm:py-2 font-semibold tracking-wide text-slate-100 uppercase select-none">
            {title}
          </summary>
          <div className="px-3 pb-2">
            {keysOf(group).map((k) =>
              teach.lock?.includes(k) ? (
                <Locked key={k}>
                  <ParamControl name={k} />
                </Locked>
              ) : (
                <ParamControl key={k} name={k} />
              ),
            )}
          </div>
        </details>
      ))}
    </div>
  );
}
