/**
 * The figures in compare mode: A, B and Δ (B − A), as of the step both runs show. On a phone the
 * table shows the key three (drawdown, amplification, liquidated) with a toggle for the rest, so
 * the charts are not pushed a screen down; from `sm` up every row shows.
 */

import { useId, useState } from 'react';
import type { AppState } from '../../state/store';
import { lockstepCount, COMPARE_RUN } from '../../state/slices';
import { useThrottledAppStore } from '../../state/react';
import { viewReport } from '../../state/viewReport';
import { compareRows, type CompareRow } from './compareFigures';

/**
 * The rows as of the shown step (held by the scrubber, else the newest both runs have), as JSON:
 * a string is a stable snapshot for the throttled subscription.
 */
function rowsOf(s: AppState): string {
  const b = s.runs[COMPARE_RUN];
  const step = s.viewStep ?? lockstepCount(s) - 1;
  const at = (frames: typeof s.frames, info: typeof s.info, fund: number) =>
    frames && info && step >= 0 ? viewReport(frames, info, fund, step) : null;
  const fundB = s.compare?.insuranceFund ?? s.scenario.insuranceFund;
  return JSON.stringify(
    compareRows(
      at(s.frames, s.info, s.scenario.insuranceFund),
      b ? at(b.frames, b.info, fundB) : null,
    ),
  );
}

/** The rows a phone shows before "All figures". */
const KEY_ROWS: ReadonlySet<string> = new Set([
  'maxDrawdown',
  'amplification',
  'liquidatedNotional',
]);

export function CompareFigures() {
  const rows = JSON.parse(useThrottledAppStore(rowsOf, 150)) as CompareRow[];
  const [all, setAll] = useState(false);
  const id = useId();
  const more = rows.filter((r) => !KEY_ROWS.has(r.key)).length;
  return (
    <div>
      <table id={id} className="w-full text-sm tabular-nums" data-testid="compare-figures">
        <caption className="sr-only">Figures of A and B, and their difference</caption>
        <thead>
          <tr className="text-xs text-slate-400">
            <th className="text-left font-normal">Figure</th>
            <th className="text-right font-normal">A</th>
            <th className="text-right font-normal text-pink-300">B</th>
            <th className="text-right font-normal">Δ (B − A)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.key}
              className={`border-t border-slate-800 ${all || KEY_ROWS.has(r.key) ? '' : 'hidden sm:table-row'}`}
            >
              <th className="py-0.5 text-left font-normal text-slate-300">{r.label}</th>
              <td className="text-right" data-figure-a={r.key}>
                {r.a}
              </td>
              <td className="text-right" data-figure-b={r.key}>
                {r.b}
              </td>
              <td className="text-right font-semibold" data-figure-delta={r.key}>
                {r.delta}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 && (
        <button
          type="button"
          className="mt-1 rounded px-1 text-xs text-sky-300 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-400 sm:hidden"
          aria-expanded={all}
          aria-controls={id}
          onClick={() => setAll((x) => !x)}
        >
          {all ? 'Key figures only' : `All figures (${more} more)`}
        </button>
      )}
    </div>
  );
}
