/**
 * Charts that mark one minute of the run (the scrubber's) over everything drawn so far, rather
 * than being cut off at it: the heatmap marks its column.
 */

import type { Chart } from './chart';

export interface CursorChart extends Chart {
  /** Marks step `step`, or nothing with null. */
  setCursor(step: number | null): void;
}

export function hasCursor(chart: Chart): chart is CursorChart {
  return typeof (chart as Partial<CursorChart>).setCursor === 'function';
}
