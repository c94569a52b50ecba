/**
 * A word that explains itself: hover, keyboard focus or a tap opens its definition from the
 * glossary; Escape, moving away or tapping elsewhere closes it. The definition is the button's
 * accessible description (`aria-describedby`), so a screen reader reads it with the word. The
 * popover is drawn in a portal at a fixed place, so no scrolling or clipping panel cuts it off.
 */

import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { GLOSSARY, type TermKey } from './glossary';

const WIDTH = 288;

export function Term({
  k,
  children,
  extra,
  label,
}: {
  k: TermKey;
  /** What is shown: the word (default: the glossary's term). */
  children?: ReactNode;
  /** A sentence about this use of the word (a figure's own meaning), after the definition. */
  extra?: string;
  /** An accessible name when `children` is only a mark. */
  label?: string;
}) {
  const id = useId();
  const ref = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [at, setAt] = useState({ left: 0, top: 0 });
  const entry = GLOSSARY[k];

  useLayoutEffect(() => {
    const el = ref.current;
    if (!open || !el) return;
    const r = el.getBoundingClientRect();
    const left = Math.max(8, Math.min(r.left, window.innerWidth - WIDTH - 8));
    // Below the word, or above it near the bottom of the screen.
    const top = r.bottom + 160 > window.innerHeight ? Math.max(8, r.top - 160) : r.bottom + 4;
    setAt({ left, top });
  }, [open]);

  return (
    <>
      <button
        ref={ref}
        type="button"
        aria-describedby={id}
        aria-label={label}
        aria-expanded={open}
        data-term={k}
        className="cursor-help text-left underline decoration-dotted decoration-1 underline-offset-2 focus-visible:outline-2 focus-visible:outline-sky-400"
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => setOpen(false)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={(e) => {
          e.preventDefault(); // inside a label: not the control's click
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation(); // closes the word, not the dialog around it
            setOpen(false);
          }
        }}
      >
        {children ?? entry.term}
      </button>
      {createPortal(
        <span
          id={id}
          role="tooltip"
          hidden={!open}
          style={{ left: at.left, top: at.top, width: WIDTH }}
          className="fixed z-50 rounded-md border border-slate-600 bg-slate-800 p-2 text-left text-sm font-normal text-slate-100 normal-case shadow-xl"
        >
          <strong className="block">{entry.term}</strong>
          {entry.text}
          {extra && <span className="mt-1 block text-slate-300">{extra}</span>}
        </span>,
        document.body,
      )}
    </>
  );
}
