/**
 * How a slider's position maps to a parameter's value. Linear parameters slide in their own
 * steps; log parameters (those spanning orders of magnitude) slide over 1,000 positions and snap
 * to two significant figures. A parameter whose range starts at 0 but spans many orders of
 * magnitude (a fund, a flow, a limit that 0 turns off) gets a stop at 0 and a log scale above it.
 */

import type { NumberParam } from '../../scenario';

export const LOG_POSITIONS = 1000;

/** Linear sliders with more positions than this are unusable by hand: they slide on a log scale. */
const MAX_LINEAR_POSITIONS = 5000;

export type SliderKind = 'linear' | 'log' | 'log-with-zero';

export interface SliderScale {
  kind: SliderKind;
  /** The range input's own attributes. */
  min: number;
  max: number;
  step: number;
  toPosition(value: number): number;
  fromPosition(position: number): number;
  /**
   * The next distinct value from `value` in a direction: an arrow key's move (`big` for the page
   * keys, about a tenth of the slider). Never the same value unless at the end of the range,
   * so a keyboard reaches every value a drag can.
   */
  nextValue(value: number, direction: 1 | -1, big?: boolean): number;
}

/** Positions a page key moves on a log slider: a tenth of the slider. */
export const PAGE_POSITIONS = LOG_POSITIONS / 10;

export function sliderKind(spec: NumberParam): SliderKind {
  if (spec.scale === 'log') return spec.min > 0 ? 'log' : 'log-with-zero';
  return (spec.max - spec.min) / spec.step > MAX_LINEAR_POSITIONS ? 'log-with-zero' : 'linear';
}

/** Decimals of a step (0.05 -> 2), to keep float noise out of stepped values. */
function decimalsOf(step: number): number {
  const text = String(step);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function roundTo(value: number, step: number): number {
  return Number((Math.round(value / step) * step).toFixed(decimalsOf(step)));
}

/** Two significant figures, then the parameter's own step. */
function snap(value: number, spec: NumberParam): number {
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
  const nice = Math.round(value / magnitude) * magnitude;
  const stepped = roundTo(nice, spec.kind === 'int' ? Math.max(1, spec.step) : spec.step);
  return Math.min(spec.max, Math.max(spec.min, stepped));
}

/** The scale of a parameter's slider; `max` narrows the range (e.g. the shock within the run). */
export function sliderScale(spec: NumberParam, max = spec.max): SliderScale {
  const kind = sliderKind(spec);
  const hi = Math.min(spec.max, max);
  if (kind === 'linear') {
    return {
      kind,
      min: spec.min,
      max: hi,
      step: spec.step,
      toPosition: (v) => Math.min(hi, Math.max(spec.min, v)),
      fromPosition: (p) => Math.min(hi, Math.max(spec.min, roundTo(p, spec.step))),
      nextValue(v, direction, big = false) {
        const steps = big ? Math.max(1, Math.round((hi - spec.min) / 10 / spec.step)) : 1;
        return Math.min(
          hi,
          Math.max(spec.min, roundTo(v + direction * steps * spec.step, spec.step)),
        );
      },
    };
  }
  const lo = kind === 'log' ? spec.min : Math.max(spec.step, hi * 1e-5);
  const first = kind === 'log' ? 0 : 1; // position of `lo`; 0 is the zero stop
  const span = Math.log(hi / lo);
  const positions = LOG_POSITIONS - first;
  const scale: SliderScale = {
    kind,
    min: 0,
    max: LOG_POSITIONS,
    step: 1,
    nextValue(v, direction, big = false) {
      const beyond = (candidate: number) => (direction > 0 ? candidate > v : candidate < v);
      const from = scale.toPosition(v);
      if (big) {
        const p = Math.min(LOG_POSITIONS, Math.max(0, from + direction * PAGE_POSITIONS));
        const candidate = scale.fromPosition(p);
        if (beyond(candidate)) return candidate;
      }
      // Positions snap to two significant figures, so a neighbour may read back as `v` itself:
      // walk on until the value changes. (Starting at `from`: `v` may sit between two positions.)
      for (let p = from; p >= 0 && p <= LOG_POSITIONS; p += direction) {
        const candidate = scale.fromPosition(p);
        if (beyond(candidate)) return candidate;
      }
      return v;
    },
    toPosition(v) {
      if (kind === 'log-with-zero' && v <= 0) return 0;
      const t = Math.log(Math.max(v, lo) / lo) / span;
      return Math.min(LOG_POSITIONS, first + Math.round(Math.min(1, t) * positions));
    },
    fromPosition(p) {
      if (p < first) return 0;
      if (p >= LOG_POSITIONS) return hi;
      return snap(lo * Math.exp(((p - first) / positions) * span), { ...spec, max: hi });
    },
  };
  return scale;
}
