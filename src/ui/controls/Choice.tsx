/** A labelled select for an enum parameter and a switch for a boolean one. */

import { useId } from 'react';
import type { BoolParam, EnumParam } from '../../scenario';
import { optionLabel } from './paramFormat';

export function Select({
  name,
  spec,
  value,
  onChange,
}: {
  name: string;
  spec: EnumParam;
  value: string;
  onChange(value: string): void;
}) {
  const id = useId();
  return (
    <div className="flex items-center justify-between gap-2 py-1.5" title={spec.help}>
      <label htmlFor={id} className="text-sm text-slate-200">
        {spec.label}
      </label>
      <select
        id={id}
        name={name}
        value={value}
        aria-describedby={`${id}-help`}
        onChange={(e) => onChange(e.currentTarget.value)}
        className="min-w-0 rounded border border-slate-600 bg-slate-800 px-2 py-1 text-sm text-slate-100"
      >
        {spec.options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
      <span id={`${id}-help`} className="sr-only">
        {spec.help}
      </span>
    </div>
  );
}

export function Toggle({
  name,
  spec,
  value,
  onChange,
}: {
  name: string;
  spec: BoolParam;
  value: boolean;
  onChange(value: boolean): void;
}) {
  const id = useId();
  return (
    <div className="flex items-center justify-between gap-2 py-1.5" title={spec.help}>
      <label htmlFor={id} className="text-sm text-slate-200">
        {spec.label}
      </label>
      <span className="flex items-center gap-2">
        <span className="text-sm font-medium text-sky-200">{value ? 'on' : 'off'}</span>
        <input
          id={id}
          type="checkbox"
          role="switch"
          name={name}
          checked={value}
          aria-describedby={`${id}-help`}
          onChange={(e) => onChange(e.currentTarget.checked)}
          className="h-5 w-5 accent-sky-400"
        />
      </span>
      <span id={`${id}-help`} className="sr-only">
        {spec.help}
      </span>
    </div>
  );
}
