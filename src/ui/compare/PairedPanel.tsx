/** The "Paired over 32 seeds" button and its table: each figure's Δ (B − A) with its 95 % interval. */

import { useEffect, useRef, useState } from 'react';
import type { Scenario } from '../../scenario';
import type { Comparison } from '../../scenario/analysis/paired';
import { PAIRED_ROWS, formatDelta, formatFigure } from './compareFigures';

/** Seeds 1..32, as `sim compare` pairs them by default. */
const PAIRED_SEEDS = 32;

type State =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; result: Comparison; key: string }
  | { kind: 'error'; message: string };

export function PairedPanel({ a, b }: { a: Scenario; b: Scenario }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const key = JSON.stringify([a, b]);
  // A new A or B makes the last result another comparison's: stop and forget it.
  useEffect(() => {
    return () => abort.current?.abort();
  }, [key]);
  const stale = state.kind === 'done' && state.key !== key;

  const start = () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: 'running', done: 0, total: 2 * PAIRED_SEEDS });
    // Loaded on demand: the analysis stays out of the page's bundle; the runs go to the report
    // pool's workers (the engine only in process where there are none).
    import('../../worker/pairedRun')
      .then(({ pairedComparison }) =>
        pairedComparison(a, b, {
          signal: controller.signal,
          onProgress: (done, total) => setState({ kind: 'running', done, total }),
        }),
      )
      .then(
        (result) => setState({ kind: 'done', result, key }),
        (error: unknown) => {
          if (controller.signal.aborted) setState({ kind: 'idle' });
          else setState({ kind: 'error', message: String(error) });
        },
      );
  };

  return (
    <div className="space-y-1" data-testid="paired">
      <div className="flex flex-wrap items-center gap-2">
        {state.kind === 'running' ? (
          <>
            <progress value={state.done} max={state.total} aria-label="Paired runs done" />
            <span className="text-xs text-slate-400" role="status">
              {state.done} / {state.total} runs
            </span>
            <button
              type="button"
              className="rounded-md border border-slate-600 px-2 py-0.5 text-sm"
              onClick={() => abort.current?.abort()}
            >
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            className="rounded-md border border-sky-500 px-2 py-0.5 text-sm text-sky-200"
            onClick={start}
          >
            Paired over {PAIRED_SEEDS} seeds
          </button>
        )}
        {state.kind === 'error' && <span className="text-sm text-red-300">{state.message}</span>}
      </div>
      {state.kind === 'done' && !stale && (
        <table className="w-full text-xs tabular-nums" data-testid="paired-table">
          <caption className="text-left text-slate-400">
            Mean over seeds 1–{state.result.seeds}; Δ = B − A with its 95 % interval.
          </caption>
          <thead>
            <tr className="text-slate-400">
              <th className="text-left font-normal">Figure</th>
              <th className="text-right font-normal">A</th>
              <th className="text-right font-normal">B</th>
              <th className="text-right font-normal">Δ [95 %]</th>
            </tr>
          </thead>
          <tbody>
            {PAIRED_ROWS.map(({ key: k, label, kind }) => {
              const m = state.result.metrics[k];
              if (!m) return null;
              return (
                <tr key={k}>
                  <th className="text-left font-normal text-slate-300">{label}</th>
                  <td className="text-right">{formatFigure(m.a, kind)}</td>
                  <td className="text-right">{formatFigure(m.b, kind)}</td>
                  <td className="text-right" data-interval={k}>
                    {formatDelta(m.diff, kind)} [{formatDelta(m.ciLow, kind)},{' '}
                    {formatDelta(m.ciHigh, kind)}]
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
