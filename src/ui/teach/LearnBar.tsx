/** The header's teaching controls: the glossary, the assumptions and presentation mode. */

import { useAppStore } from '../../state/react';
import { AssumptionsDialog } from './AssumptionsDialog';
import { headerButton } from './Dialog';
import { GlossaryDialog } from './GlossaryDialog';

export function LearnBar() {
  const present = useAppStore((s) => s.present);
  const setPresent = useAppStore((s) => s.setPresent);
  return (
    <div role="group" aria-label="Learn" className="flex flex-wrap items-center gap-2">
      <GlossaryDialog />
      <AssumptionsDialog />
      <button
        type="button"
        aria-pressed={present}
        className={`${headerButton} aria-pressed:bg-sky-900`}
        onClick={() => setPresent(!present)}
      >
        Present
      </button>
    </div>
  );
}
