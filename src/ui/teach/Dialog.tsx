/**
 * A header button that opens a modal <dialog>: the browser keeps focus inside it, Escape and
 * Close close it, and focus returns to the button.
 */

import { useId, useRef, type ReactNode } from 'react';

export const headerButton =
  'rounded-md border border-slate-600 px-3 py-1.5 text-sm font-medium text-slate-100 hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400';

export function DialogButton({
  label,
  title,
  children,
}: {
  label: string;
  title: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <button type="button" className={headerButton} onClick={() => ref.current?.showModal()}>
        {label}
      </button>
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        className="m-auto max-h-[85vh] w-[min(40rem,92vw)] overflow-y-auto rounded-lg border border-slate-700 bg-slate-900 p-4 text-slate-100 backdrop:bg-black/60"
        onClick={(e) => {
          if (e.target === e.currentTarget) e.currentTarget.close(); // a click on the backdrop
        }}
      >
        <div className="mb-2 flex items-baseline justify-between gap-2">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <button type="button" className={headerButton} onClick={() => ref.current?.close()}>
            Close
          </button>
        </div>
        {children}
      </dialog>
    </>
  );
}
