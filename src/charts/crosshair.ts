/** The minute under the pointer on a time axis where step s covers [s, s + 1) of `steps`. */

import type { Rect } from './scales';

/**
 * The step at x (px) in `plot`, clamped to the `rows` drawn so far; null when x is outside the
 * plot or nothing is drawn.
 */
export function stepAtX(plot: Rect, steps: number, rows: number, x: number): number | null {
  if (rows <= 0 || plot.width <= 0 || x < plot.x || x > plot.x + plot.width) return null;
  const step = Math.floor(((x - plot.x) / plot.width) * steps);
  return Math.max(0, Math.min(rows - 1, step));
}
