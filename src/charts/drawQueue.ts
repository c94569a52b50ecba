/**
 * One queue of chart draws for the page, spread over animation frames: each frame runs queued
 * draws in the order they were asked for until `budgetMs` is spent, and leaves the rest (first
 * in line) to the next frame. While a run streams every chart asks for a draw every frame; drawn
 * all in one frame they add up to a long task, drawn in turn each chart still updates at 20 to
 * 60 Hz and a frame holds about one chart's draw.
 */

import { animationFrameScheduler, type FrameScheduler } from '../shared/frameScheduler';

/** What the charts draw in one frame before the rest waits for the next (ms). */
export const DRAW_BUDGET_MS = 6;

export function createDrawQueue(
  frames: FrameScheduler = animationFrameScheduler(),
  budgetMs = DRAW_BUDGET_MS,
  now: () => number = () => performance.now(),
): FrameScheduler {
  const queue = new Map<number, () => void>();
  let next = 1;
  let handle = 0;

  function run(): void {
    handle = 0;
    const start = now();
    // Draws asked for while this frame runs wait for the next one, as with requestAnimationFrame.
    const due = [...queue.keys()];
    try {
      for (let i = 0; i < due.length; i++) {
        if (i > 0 && now() - start >= budgetMs) break;
        const cb = queue.get(due[i]);
        if (!cb) continue; // cancelled by an earlier draw
        queue.delete(due[i]);
        cb();
      }
    } finally {
      if (queue.size > 0 && handle === 0) handle = frames.request(run);
    }
  }

  return {
    request(cb) {
      const h = next++;
      queue.set(h, cb);
      if (handle === 0) handle = frames.request(run);
      return h;
    },
    cancel(h) {
      queue.delete(h);
      if (queue.size === 0 && handle !== 0) {
        frames.cancel(handle);
        handle = 0;
      }
    },
  };
}

let shared: FrameScheduler | null = null;

/** The page's queue, which every chart created without its own scheduler draws through. */
export function sharedDrawQueue(): FrameScheduler {
  shared ??= createDrawQueue();
  return shared;
}
