/**
 * A labelled range input for one number parameter: its label is the accessible name, the value
 * with its unit is shown beside it (and given as aria-valuetext, since a log slider's position is
 * not the value), and log scales and "off" at zero come from the parameter table.
 */

import { useId } from 'react';
import type { NumberParam } from '../../scenario';
import { LabelTerm } from '../teach/LabelTerm';
import { formatParamValue } from './paramFormat';
import { sliderScale, type SliderScale } from './sliderScale';

/**
 * The value a key moves the slider to, or null for other keys. Handled here rather than by the
 * browser: on a log slider one native step is a position, which often snaps back to the same
 * value, so the arrows would be stuck.
 */
function keyedValue(key: string, value: number, scale: SliderScale): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return scale.nextValue(value, 1);
    case 'ArrowLeft':
    case 'ArrowDown':
      return scale.nextValue(value, -1);
    case 'PageUp':
      return scale.nextValue(value, 1, true);
    case 'PageDown':
      return scale.nextValue(value, -1, true);
    case 'Home':
      return scale.fromPosition(scale.min);
    case 'End':
      return scale.fromPosition(scale.max);
    default:
      return null;
  }
}

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
        <LabelTerm id={id} label={spec.label} />
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
        // A log slider's position is not its value: give assistive technology the value.
        aria-valuenow={scale.kind === 'linear' ? undefined : value}
        aria-valuemin={scale.kind === 'linear' ? undefined : scale.fromPosition(scale.min)}
        aria-valuemax={scale.kind === 'linear' ? undefined : scale.fromPosition(scale.max)}
        aria-describedby={`${id}-help`}
        onKeyDown={(e) => {
          if (e.altKey || e.ctrlKey || e.metaKey) return;
          const next = keyedValue(e.key, value, scale);
          if (next === null) return;
          e.preventDefault();
          if (next !== value) onChange(next);
        }}
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
