/** The contract between the charts and the UI: what every chart returns and takes. */

import type { FrameBatch, RunInfo } from '../engine/frame';
import type { FrameScheduler } from '../shared/frameScheduler';

/** What every chart returns; ChartHost calls these. */
export interface Chart {
  /** The run's frames so far (rows 0..count-1). A new `info` or a smaller count is a new run. */
  update(frames: FrameBatch, info: RunInfo): void;
  /**
   * The run's state before step 0 (one row, not a step), for the charts that show it while no
   * frame has arrived yet: where the fuel sits, the makers' first book. Null: none.
   */
  setOpening?(opening: FrameBatch | null): void;
  /** The container changed size (call from a ResizeObserver). */
  resize(): void;
  /** Removes everything the chart added and cancels a pending draw. */
  destroy(): void;
}

/** Options every chart takes. */
export interface BaseChartOptions {
  /** Where redraws are queued (default requestAnimationFrame); tests pass a manual one. */
  scheduler?: FrameScheduler;
  /**
   * Called with an error thrown while drawing (inside the animation frame, where no caller could
   * catch it). Without it, the error is thrown from the frame callback as before.
   */
  onError?: (error: unknown) => void;
}
