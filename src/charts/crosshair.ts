/**
 * The time axis under the pointer: the minute at a point, and zooming the span of minutes
 * shown (wheel in and out around the pointer, never past the run, never under a few minutes).
 */

import type { Rect } from './scales';

/** A span of steps on the x axis, [from, to). */
export type TimeSpan = readonly [number, number];

/**
 * The step at x (px) in `plot` showing `span`, clamped to the `rows` drawn so far; null when x
 * is outside the plot or nothing is drawn.
 */
export function stepAtX(plot: Rect, span: TimeSpan, rows: number, x: number): number | null {
  if (rows <= 0 || plot.width <= 0 || x < plot.x || x > plot.x + plot.width) return null;
  const step = Math.floor(span[0] + ((x - plot.x) / plot.width) * (span[1] - span[0]));
  return Math.max(0, Math.min(rows - 1, step));
}

/** The fewest minutes a zoom shows. */
export const MIN_SPAN = 10;

/**
 * `span` zoomed by `factor` (< 1 in, > 1 out) around step `at`, kept inside [0, steps): null
 * when that is the whole run again (not zoomed).
 */
export function zoomSpan(
  span: TimeSpan,
  at: number,
  factor: number,
  steps: number,
): TimeSpan | null {
  const width = Math.min(steps, Math.max(Math.min(MIN_SPAN, steps), (span[1] - span[0]) * factor));
  if (width >= steps) return null;
  const share = (at - span[0]) / (span[1] - span[0]);
  let from = at - share * width;
  from = Math.max(0, Math.min(steps - width, from));
  return [from, from + width];
}
