/** The lab's colour scale for 0..1 figures (P(cascade), liquidated share): viridis, as a CSS gradient too. */

import { interpolateViridis } from './viridis';

/** A cell's colour: dark at 0, yellow at 1. */
export const cellColor = (v: number): string => interpolateViridis(Math.max(0, Math.min(1, v)));

/** The same scale as a left-to-right CSS gradient, for the legend. */
export function cellGradient(): string {
  const stops = Array.from({ length: 9 }, (_, i) => `${cellColor(i / 8)} ${(i / 8) * 100}%`);
  return `linear-gradient(to right, ${stops.join(', ')})`;
}
