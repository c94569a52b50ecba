/**
 * Compare mode's panel (loaded on demand): the one-click variants of B, B's parameters by hand,
 * the paired run over 32 seeds, who pays under ADL, and the way out. A is the sidebar's
 * scenario; B is "A, with …", on A's seed, in lockstep with it.
 */

import { useMemo } from 'react';
import type { AppState } from '../../state/store';
import { selectCompare, selectRun } from '../../state/selectors';
import { COMPARE_RUN, PRIMARY_RUN } from '../../state/slices';
import { useAppStore, useController, useThrottledAppStore } from '../../state/react';
import { AdlChart } from './AdlChart';
import { BControls } from './BControls';
import { PairedPanel } from './PairedPanel';
import { VARIANTS, variantLabel, variantOf } from './variants';

const selectA = selectRun(PRIMARY_RUN);
const selectB = selectRun(COMPARE_RUN);
const selectReportA = (s: AppState) => selectA(s)?.report ?? null;
const selectReportB = (s: AppState) => selectB(s)?.report ?? null;

export function ComparePanel() {
  const controller = useController();
  const a = useAppStore((s) => s.scenario);
  const b = useAppStore(selectCompare);
  const reportA = useThrottledAppStore(selectReportA, 250);
  const reportB = useThrottledAppStore(selectReportB, 250);
  const current = useMemo(() => (b ? variantOf(a, b) : null), [a, b]);
  if (!b) return null;
  return (
    <section
      aria-labelledby="compare-title"
      className="space-y-3 rounded-lg border border-pink-400/40 bg-slate-900/60 p-3"
      data-testid="compare-panel"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="compare-title" className="text-base font-semibold">
          Compare: <span className="text-slate-100">A</span> (the sidebar) with{' '}
          <span className="text-pink-300">B</span>
        </h2>
        <button
          type="button"
          className="rounded-md border border-slate-600 px-2 py-0.5 text-sm"
          onClick={() => controller.setCompare(null)}
        >
          Exit compare
        </button>
      </div>
      <div role="group" aria-label="B is the same market with" className="flex flex-wrap gap-1.5">
        <span className="text-sm text-slate-400">B = the same market with</span>
        {VARIANTS.map((v) => (
          <button
            key={v.key}
            type="button"
            aria-pressed={current?.key === v.key}
            className={`rounded-md border px-2 py-0.5 text-sm ${current?.key === v.key ? 'border-pink-400 bg-pink-500/20 text-pink-100' : 'border-slate-600 text-slate-200'}`}
            onClick={() => controller.setCompare(v.make(a))}
          >
            {variantLabel(v, a)}
          </button>
        ))}
      </div>
      <BControls key={current?.key ?? 'hand'} b={b} />
      <PairedPanel a={a} b={b} />
      <AdlChart a={reportA} b={reportB} />
    </section>
  );
}
