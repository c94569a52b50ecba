/**
 * The criticality lab (lazy-loaded: its charts and the sweep code stay out of the entry
 * bundle): a grid of shocks against another parameter, over N seeds per cell, run on the
 * report pool from the current scenario. The phase diagram or the curves against the shock
 * fill in as cells finish; a cell opens its scenario in the main view.
 */

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PARAMS, PARAM_KEYS, type Scenario } from '../../scenario';
import type { NumericKey } from '../../scenario/analysis/grid';
import { planLab } from '../../scenario/analysis/labGrid';
import { DEFAULT_CASCADE_SHARE } from '../../scenario/analysis/sweepRows';
import { useApp, useAppStore } from '../../state/react';
import { headerButton } from '../teach/Dialog';
import { CellLegend, CurvesChart, PhaseChart } from './LabCharts';
import { curvesModel, describeCell, phaseModel, type ColourBy } from './labModel';
import { LabStatus } from './LabStatus';
import { useLabSweep } from './useLabSweep';

const field = 'rounded border border-slate-600 bg-slate-800 px-1.5 py-1 text-sm text-slate-100';

/** Every numeric parameter but the seed and the shock itself. */
const Y_KEYS = PARAM_KEYS.filter((k) => {
  const spec = PARAMS[k];
  return (spec.kind === 'int' || spec.kind === 'float') && k !== 'seed' && k !== 'shock';
}) as NumericKey[];

/** Five values around the current one, within the parameter's range. */
function valuesAround(key: NumericKey, scenario: Scenario): string {
  if (key === 'leverage') return '5,10,15,20,25';
  const spec = PARAMS[key];
  if (spec.kind !== 'int' && spec.kind !== 'float') return '';
  const now = scenario[key] as number;
  const values = [0.5, 0.75, 1, 1.25, 1.5].map((f) => {
    const v = Math.min(spec.max, Math.max(spec.min, now === 0 ? f : now * f));
    return spec.kind === 'int' ? Math.round(v) : Number(v.toPrecision(3));
  });
  return [...new Set(values)].join(',');
}

export default function LabView({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { controller } = useApp();
  const scenario = useAppStore((s) => s.scenario);
  const dialog = useRef<HTMLDialogElement>(null);
  const [oneD, setOneD] = useState(false);
  const [yKey, setYKey] = useState<NumericKey>('leverage');
  const [yText, setYText] = useState(() => valuesAround('leverage', scenario));
  const [shockText, setShockText] = useState('-1:-20:1');
  const [seeds, setSeeds] = useState('8');
  const [colourBy, setColourBy] = useState<ColourBy>('pCascade');
  const [highlight, setHighlight] = useState<number | null>(null);
  const { sweep, start, cancel } = useLabSweep(DEFAULT_CASCADE_SHARE);

  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);

  const plan = useMemo(
    () => planLab(shockText, oneD ? null : yKey, yText, Number(seeds)),
    [shockText, oneD, yKey, yText, seeds],
  );
  const runs = plan.ok ? plan.value.points.length * plan.value.seeds.length : 0;
  const shown = sweep.plan;
  const phase = useMemo(
    () => (shown?.other ? phaseModel(shown, sweep.rows, sweep.critical, colourBy) : null),
    [shown, sweep.rows, sweep.critical, colourBy],
  );
  const curves = useMemo(
    () => (shown && !shown.other ? curvesModel(shown, sweep.rows, sweep.critical) : null),
    [shown, sweep.rows, sweep.critical],
  );
  const openCell = useCallback(
    (index: number) => {
      if (!sweep.plan || !sweep.base) return;
      controller.setScenario({ ...sweep.base, ...sweep.plan.points[index] });
      onClose();
    },
    [controller, sweep.plan, sweep.base, onClose],
  );

  return (
    <dialog
      ref={dialog}
      aria-labelledby="lab-title"
      className="m-auto max-h-[96vh] w-[min(72rem,98vw)] overflow-y-auto rounded-lg border border-slate-700 bg-slate-900 p-3 text-slate-100 backdrop:bg-black/60 sm:p-4"
      onClose={onClose}
    >
      <div className="mb-2 flex items-baseline justify-between gap-2">
        <h2 id="lab-title" className="text-lg font-semibold">
          Criticality lab
        </h2>
        <button type="button" className={headerButton} onClick={onClose}>
          Close
        </button>
      </div>
      <p className="mb-2 text-sm text-slate-300">
        The current market over a grid of shocks{oneD ? '' : ' and another parameter'}, each cell
        run on the same seeds: where a cascade becomes likely, and how sure that is. A run cascades
        when its endogenous liquidations reach {DEFAULT_CASCADE_SHARE * 100} % of open interest.
      </p>
      <form
        className="flex flex-wrap items-end gap-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          if (plan.ok) void start(scenario, plan.value);
        }}
      >
        <fieldset className="flex gap-2">
          <legend className="sr-only">View</legend>
          {(['Phase diagram', 'Against the shock'] as const).map((label, i) => (
            <label key={label} className="flex items-center gap-1">
              <input
                type="radio"
                name="lab-view"
                checked={oneD === (i === 1)}
                onChange={() => setOneD(i === 1)}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <label className="flex flex-col">
          Shock (%, from:to:step or a,b,c)
          <input
            className={`${field} w-32`}
            value={shockText}
            onChange={(e) => setShockText(e.target.value)}
          />
        </label>
        {!oneD && (
          <>
            <label className="flex flex-col">
              Against
              <select
                className={field}
                value={yKey}
                onChange={(e) => {
                  const key = e.target.value as NumericKey;
                  setYKey(key);
                  setYText(valuesAround(key, scenario));
                }}
              >
                {Y_KEYS.map((k) => (
                  <option key={k} value={k}>
                    {PARAMS[k].label}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col">
              Its values
              <input
                className={`${field} w-36`}
                value={yText}
                onChange={(e) => setYText(e.target.value)}
              />
            </label>
          </>
        )}
        <label className="flex flex-col">
          Seeds per cell
          <input
            className={`${field} w-16`}
            inputMode="numeric"
            value={seeds}
            onChange={(e) => setSeeds(e.target.value)}
          />
        </label>
        {!oneD && (
          <label className="flex flex-col">
            Colour by
            <select
              className={field}
              value={colourBy}
              onChange={(e) => setColourBy(e.target.value as ColourBy)}
            >
              <option value="pCascade">P(cascade)</option>
              <option value="liquidatedShare">mean liquidated share</option>
            </select>
          </label>
        )}
        <button type="submit" className={headerButton} disabled={!plan.ok}>
          Run {runs > 0 ? `${runs.toLocaleString('en-US')} runs` : ''}
        </button>
        <button
          type="button"
          className={headerButton}
          disabled={sweep.status !== 'running'}
          onClick={cancel}
        >
          Cancel
        </button>
      </form>
      {!plan.ok && (
        <p role="alert" className="mt-1 text-sm text-rose-300">
          {plan.message}
        </p>
      )}
      <LabStatus sweep={sweep} />
      {phase && shown && (
        <div className="mt-2 space-y-2">
          <CellLegend label={colourBy === 'pCascade' ? 'P(cascade)' : 'mean liquidated share'} />
          <PhaseChart model={phase} onHighlight={setHighlight} onOpen={openCell} />
          <p
            aria-live="polite"
            className="min-h-10 text-sm text-slate-200"
            data-testid="lab-readout"
          >
            {highlight !== null && highlight < shown.points.length
              ? `${describeCell(shown, highlight, sweep.rows[highlight] ?? null)}. Click or Enter opens it.`
              : 'Hover or focus a cell (arrow keys move) to read it; click or Enter opens it in the main view.'}
          </p>
        </div>
      )}
      {curves && <div className="mt-2">{<CurvesChart model={curves} />}</div>}
    </dialog>
  );
}
