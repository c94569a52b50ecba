/** A labelled select for an enum parameter and a switch for a boolean one. */

import { useId } from 'react';
import type { BoolParam, EnumParam } from '../../scenario';
import { optionLabel } from './paramFormat';
import { ParamRow } from './ParamRow';

interface ChoiceProps<S, V> {
  name: string;
  spec: S;
  value: V;
  onChange(value: V): void;
}

export function Select({ name, spec, value, onChange }: ChoiceProps<EnumParam, string>) {
  const id = useId();
  return (
    <ParamRow id={id} spec={spec}>
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
    </ParamRow>
  );
}

export function Toggle({ name, spec, value, onChange }: ChoiceProps<BoolParam, boolean>) {
  const id = useId();
  return (
    <ParamRow id={id} spec={spec}>
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
    </ParamRow>
  );
}
