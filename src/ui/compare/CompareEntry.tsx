/**
 * Compare mode's entry on the page: the "Compare…" button, and once comparing, the compare panel.
 * Small enough to be in the page's bundle (a lazy chunk would split React out of it and cost
 * more); the paired run's analysis and the engine it runs are loaded on demand.
 */

import { selectIsComparing } from '../../state/selectors';
import { useAppStore, useController } from '../../state/react';
import { ComparePanel } from './ComparePanel';
import { VARIANTS } from './variants';

/** The variant Compare… opens with: half the leverage, the question asked most. */
const FIRST = VARIANTS.find((v) => v.key === 'leverage') ?? VARIANTS[0];

export function CompareEntry() {
  const controller = useController();
  const comparing = useAppStore(selectIsComparing);
  const a = useAppStore((s) => s.scenario);
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
  return <ComparePanel />;
}
