/** The seed: typed in (a slider over four billion values would be useless) or drawn anew. */

import { useId, useState } from 'react';
import type { NumberParam } from '../../scenario';
import { ParamRow } from './ParamRow';

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
  return (
    <ParamRow id={id} spec={spec}>
      <span className="flex items-center gap-2">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          name="seed"
          value={text}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setText(next);
            if (/^\d{1,10}$/.test(next)) onChange(Math.min(spec.max, Number(next)));
          }}
          className="w-28 rounded border border-slate-600 bg-slate-800 px-2 py-1 text-right text-sm text-slate-100 tabular-nums"
        />
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
