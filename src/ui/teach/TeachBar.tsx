/** Teaching: start a guided tour, or build a link for a class. */

import { lazy, Suspense, useRef, useState } from 'react';
import { TOURS } from '../../scenario/tours';
import { useApp } from '../../state/react';
import { openStage } from '../../state/tour';
import { menuButton, menuPanel, menuSummary } from '../share/styles';

// The class dialog loads when first opened (bundle budget): a student's visit never opens it.
const ClassLinkDialog = lazy(() =>
  import('./ClassLinkDialog').then((m) => ({ default: m.ClassLinkDialog })),
);

export function TeachBar() {
  const { store, controller } = useApp();
  const menu = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState(false);
  return (
    <div role="group" aria-label="Teach" className="flex flex-wrap items-center gap-2">
      <details
        ref={menu}
        className="relative"
        open={open}
        onToggle={(e) => setOpen(e.currentTarget.open)}
      >
        <summary className={menuSummary}>Tours</summary>
        {open && (
          <ul className={`${menuPanel} w-80`} aria-label="Guided tours">
            {TOURS.map((tour) => (
              <li key={tour.name}>
                <button
                  type="button"
                  className="w-full rounded-md px-2 py-1 text-left hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400"
                  onClick={() => {
                    openStage(store, controller, tour.name, 1);
                    setOpen(false);
                    menu.current?.querySelector('summary')?.focus();
                  }}
                >
                  <span className="block font-medium text-slate-100">{tour.title}</span>
                  <span className="block text-xs text-slate-400">{tour.summary}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </details>
      <button type="button" className={menuButton} onClick={() => setDialog(true)}>
        Share for a class
      </button>
      {dialog && (
        <Suspense fallback={null}>
          <ClassLinkDialog onClose={() => setDialog(false)} />
        </Suspense>
      )}
    </div>
  );
}
