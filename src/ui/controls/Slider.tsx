/**
 * A labelled range input for one number parameter: its label is the accessible name, the value
 * with its unit is shown beside it (and given as aria-valuetext, since a log slider's position is
 * not the value), and log scales and "off" at zero come from the parameter table.
 */

import { useId } from 'react';
import type { NumberParam } from '../../scenario';
import { formatParamValue } from './paramFormat';
import { sliderScale } from './sliderScale';

export interface SliderProps {
  name: string;
  spec: NumberParam;
  value: number;
  /** A narrower maximum than the table's (e.g. the shock must start within the run). */
  max?: number;
  /** Shown dimmed with this note when the parameter has no effect in the current scenario. */
  inactive?: string;
  /** Said (politely, as a status) below the slider: what moving it changed elsewhere. */
  note?: string | null;
  onChange(value: number): void;
}

export function Slider({ name, spec, value, max, inactive, note, onChange }: SliderProps) {
  const id = useId();
  const scale = sliderScale(spec, max);
  const shown = formatParamValue(spec, value);
  return (
    <div className={`py-1.5 ${inactive ? 'opacity-60' : ''}`} title={spec.help}>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm text-slate-200">
          {spec.label}
        </label>
        <output
          htmlFor={id}
          className="text-sm font-medium text-sky-200 tabular-nums"
          data-param={name}
        >
          {shown}
        </output>
      </div>
      <input
        id={id}
        type="range"
        name={name}
        className="mt-1 block h-6 w-full cursor-pointer accent-sky-400"
        min={scale.min}
        max={scale.max}
        step={scale.step}
        value={scale.toPosition(value)}
        aria-valuetext={shown}
        aria-describedby={`${id}-help`}
        onChange={(e) => onChange(scale.fromPosition(Number(e.currentTarget.value)))}
      />
      <span id={`${id}-help`} className="sr-only">
        {spec.help}
        {inactive ? ` ${inactive}` : ''}
      </span>
      {inactive && <p className="text-xs text-slate-400">{inactive}</p>}
      <p role="status" className="text-xs text-amber-200 empty:hidden">
        {note ?? ''}
      </p>
    </div>
  );
}
