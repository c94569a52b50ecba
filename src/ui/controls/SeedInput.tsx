/** The seed: typed in (a slider over four billion values would be useless) or drawn anew. */

import { useId, useState } from 'react';
import type { NumberParam } from '../../scenario';
import { ParamRow } from './ParamRow';

/** A whole number in 0..max, typed with plain digits. */
function isSeedText(text: string, max: number): boolean {
  return /^\d{1,10}$/.test(text) && Number(text) <= max;
}

export function SeedInput({
  spec,
  value,
  onChange,
}: {
  spec: NumberParam;
  value: number;
  onChange(value: number): void;
}) {
  const id = useId();
  // The text being typed; it follows the scenario whenever that changes from elsewhere.
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(String(value));
  }
  // Text that is not the seed in use is marked invalid, and goes back to the seed on blur.
  const invalid = text !== String(value) && !isSeedText(text, spec.max);
  return (
    <ParamRow id={id} spec={spec}>
      <span className="flex items-center gap-2">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          name="seed"
          value={text}
          aria-invalid={invalid}
          aria-errormessage={invalid ? `${id}-error` : undefined}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setText(next);
            if (isSeedText(next, spec.max)) onChange(Number(next));
          }}
          onBlur={() => setText(String(value))}
          className={`w-28 rounded border bg-slate-800 px-2 py-1 text-right text-sm text-slate-100 tabular-nums ${invalid ? 'border-rose-400 outline-rose-400' : 'border-slate-600'}`}
        />
        {invalid && (
          <span id={`${id}-error`} role="status" className="sr-only">
            A seed is a whole number from 0 to {spec.max}; the run keeps {value}.
          </span>
        )}
        <button
          type="button"
          onClick={() => onChange(Math.floor(Math.random() * (spec.max + 1)))}
          className="rounded border border-slate-600 px-2 py-1 text-sm text-slate-200 hover:bg-slate-800"
        >
          New seed
        </button>
      </span>
    </ParamRow>
  );
}
