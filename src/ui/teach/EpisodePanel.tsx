/**
 * Model against reported: for an episode preset (or a what-if of one with a few values changed),
 * each figure the sources give beside this run's, with the source and a verdict in words — close,
 * an order of magnitude only, or a miss. The reported figures are data (scenario/episodes.ts).
 */

import { formatPct, formatUsd } from '../../charts';
import { PARAMS } from '../../scenario';
import {
  measureOf,
  nearestEpisode,
  verdictOf,
  type EpisodeMeasure,
  type ReportedFigure,
  type Verdict,
} from '../../scenario/episodes';
import { selectReport, selectScenario } from '../../state/selectors';
import { useAppStore, useThrottledAppStore } from '../../state/react';
import { Term } from './Term';

const MEASURE_LABEL: Record<EpisodeMeasure, string> = {
  drawdown: 'Drawdown',
  minutesToBottom: 'Minutes from shock to bottom',
  liquidated: 'Liquidated',
  longShare: 'Long share of liquidations',
  oiShare: 'Share of open interest liquidated',
  adl: 'ADL fired',
};

const VERDICT: Record<Verdict, { text: string; className: string }> = {
  close: { text: 'close', className: 'text-emerald-300' },
  order: { text: 'order of magnitude only', className: 'text-amber-300' },
  miss: { text: 'miss', className: 'text-rose-300' },
};

function format(measure: EpisodeMeasure, v: number): string {
  if (measure === 'minutesToBottom') return `${Math.round(v)} min`;
  if (measure === 'liquidated') return formatUsd(v);
  if (measure === 'adl') return v > 0 ? 'yes' : 'no';
  return formatPct(v);
}

function Source({ f }: { f: ReportedFigure }) {
  return f.url ? (
    <a className="text-sky-300 underline" href={f.url} target="_blank" rel="noreferrer">
      {f.source}
    </a>
  ) : (
    <>{f.source}</>
  );
}

export function EpisodePanel({ collapsed = false }: { collapsed?: boolean }) {
  const scenario = useAppStore(selectScenario);
  const report = useThrottledAppStore(selectReport, 250);
  const near = nearestEpisode(scenario);
  if (!near) return null;
  const { episode, preset, changed } = near;
  const done = report !== null && report.stepsRun >= scenario.steps;
  return (
    <details
      open={!collapsed}
      className="rounded-lg border border-slate-800 bg-slate-900/60 px-3 py-2 text-sm"
      data-testid="episode-panel"
    >
      <summary className="cursor-pointer font-semibold text-slate-100">
        Model against reported: {preset.title}
      </summary>
      {changed.length > 0 && (
        <p className="mt-1 text-amber-300">
          You changed {changed.map((k) => PARAMS[k].label.toLowerCase()).join(', ')}: the reported
          figures are the episode’s, the model’s are your scenario’s.
        </p>
      )}
      <div className="overflow-x-auto">
        <table className="mt-1 w-full text-left">
          <thead className="text-xs text-slate-400 [&_th]:pr-2 [&_th]:font-medium">
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">This run{done ? '' : ' (so far)'}</th>
              <th scope="col">Reported</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {episode.figures.map((f) => {
              const value = report ? measureOf(f.measure, report, scenario) : null;
              const verdict = value === null ? null : VERDICT[verdictOf(f, value)];
              return (
                <tr
                  key={f.measure}
                  className="border-t border-slate-800 align-top"
                  data-measure={f.measure}
                >
                  <th scope="row" className="py-1 pr-2 font-medium">
                    {f.measure === 'adl' ? (
                      <Term k="adl">{MEASURE_LABEL.adl}</Term>
                    ) : (
                      MEASURE_LABEL[f.measure]
                    )}
                  </th>
                  <td className="pr-2 tabular-nums">
                    {value === null ? '–' : format(f.measure, value)}
                    {verdict && (
                      <span className={`block text-xs ${verdict.className}`} data-verdict>
                        {verdict.text}
                      </span>
                    )}
                  </td>
                  <td className="pr-2">
                    {f.reported}
                    {f.note && <span className="block text-xs text-slate-400">{f.note}</span>}
                  </td>
                  <td className="text-xs text-slate-300">
                    <Source f={f} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="mt-1 text-xs text-slate-400" data-testid="model-only">
        Model only: <Term k="branching-ratio" /> {report ? report.branchingRatio.toFixed(2) : '–'},{' '}
        <Term k="endogenous-share" /> {report ? formatPct(report.endogenousShare) : '–'}. One coin,
        one venue, isolated margin, no new positions: see Assumptions.
      </p>
    </details>
  );
}
