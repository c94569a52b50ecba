/**
 * The lifecycle the three charts share: hold the run's latest frames, redraw at most once per
 * animation frame when they or the container's size change, and tear down on destroy.
 */

import type { FrameBatch, RunInfo } from '../engine/frame';
import type { BaseChartOptions, Chart } from './chart';
import type { Shell } from './shell';
import { createRedraw } from '../shared/frameScheduler';

/** What the chart was last given: null before the first update and after destroy. */
export interface ChartInput {
  readonly frames: FrameBatch | null;
  readonly info: RunInfo | null;
}

/**
 * Wraps a chart's `draw` in the Chart interface. Each draw first re-measures the shell if
 * `resize()` was called since the last one (and on the first draw), then calls `draw` once
 * there are frames. `cleanup` runs on destroy, after the pending draw is dropped and before the
 * shell is removed. `input` lets the chart read the frames outside a draw (e.g. on hover).
 * `options` are the chart's: where redraws are queued, and where draw errors go (`onError`).
 */
export function chartLifecycle(
  shell: Shell,
  draw: (frames: FrameBatch, info: RunInfo) => void,
  options: BaseChartOptions = {},
  cleanup?: () => void,
): { chart: Chart; input: ChartInput } {
  const input: { frames: FrameBatch | null; info: RunInfo | null } = { frames: null, info: null };
  let needsMeasure = true;

  const redraw = createRedraw(
    () => {
      if (needsMeasure) {
        shell.measure();
        needsMeasure = false;
      }
      if (input.frames && input.info) draw(input.frames, input.info);
    },
    options.scheduler,
    options.onError,
  );

  const chart: Chart = {
    update(frames, info) {
      input.frames = frames;
      input.info = info;
      redraw.request();
    },
    resize() {
      needsMeasure = true;
      redraw.request();
    },
    destroy() {
      redraw.cancel();
      cleanup?.();
      shell.destroy();
      input.frames = null;
      input.info = null;
    },
  };
  return { chart, input };
}
