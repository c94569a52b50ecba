/** Whether a chart's update starts a new run, so incremental drawing can start over. */

import type { FrameBatch, RunInfo } from '../engine/frame';

/** Tracks which run a chart shows: a different info object or fewer rows means a new run. */
export function createRunTracker(): { isNewRun(frames: FrameBatch, info: RunInfo): boolean } {
  let seen: RunInfo | null = null;
  let rows = 0;
  return {
    isNewRun(frames, info) {
      const fresh = info !== seen || frames.count < rows;
      seen = info;
      rows = frames.count;
      return fresh;
    },
  };
}
