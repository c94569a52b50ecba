/**
 * Compare mode's entry on the page: the "Compare…" button, and once comparing, the compare panel.
 * The panel loads when compare mode first opens (bundle budget: most visits never compare);
 * the paired run's analysis is loaded on demand too.
 */

import { lazy, Suspense } from 'react';
import { selectIsComparing } from '../../state/selectors';
import { useAppStore, useController } from '../../state/react';

const ComparePanel = lazy(() =>
  import('./ComparePanel').then((m) => ({ default: m.ComparePanel })),
);
import { VARIANTS } from './variants';

/** The variant Compare… opens with: half the leverage, the question asked most. */
const FIRST = VARIANTS.find((v) => v.key === 'leverage') ?? VARIANTS[0];

export function CompareEntry() {
  const controller = useController();
  const comparing = useAppStore(selectIsComparing);
  const a = useAppStore((s) => s.scenario);
  // Presentation mode keeps its controls minimal: no Compare… button (a compare link still shows).
  const present = useAppStore((s) => s.present);
  if (!comparing && present) return null;
  if (!comparing) {
    return (
      <button
        type="button"
        className="rounded-md border border-pink-400/60 px-3 py-1 text-sm text-pink-100 hover:bg-pink-500/10"
        onClick={() => controller.setCompare(FIRST.make(a))}
      >
        Compare…
      </button>
    );
  }
  return (
    <Suspense fallback={<p className="text-sm text-slate-400">Opening compare mode…</p>}>
      <ComparePanel />
    </Suspense>
  );
}
