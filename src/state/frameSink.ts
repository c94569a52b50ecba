/**
 * Coalesces the worker's frames into at most one store update per animation frame: the worker
 * may send a batch per tick (or several at max speed); charts and figures see one change per
 * screen refresh, never a flood, and never fall behind (every batch queued is applied at the
 * next frame). Messages of any generation but the current one are dropped on arrival and again
 * when applied.
 */

import type { FrameBatch } from '../engine/frame';
import type { RunReport } from '../engine/report';
import type { DoneResponse, FramesResponse } from '../worker/protocol';
import type { FrameScheduler } from '../shared/frameScheduler';
import type { AppStore } from './store';

export interface FrameSink {
  push(message: FramesResponse | DoneResponse): void;
  /** Drops whatever is queued (a new run started). */
  clear(): void;
  /** Applies what is queued now. */
  flush(): void;
  dispose(): void;
}

export function createFrameSink(store: AppStore, scheduler: FrameScheduler): FrameSink {
  let generation = -1;
  let batches: FrameBatch[] = [];
  let report: RunReport | null = null;
  let done = false;
  let handle = 0;

  function clear(): void {
    batches = [];
    report = null;
    done = false;
    if (handle !== 0) scheduler.cancel(handle);
    handle = 0;
  }

  function flush(): void {
    handle = 0;
    if (batches.length === 0 && !report && !done) return;
    const queued = { batches, report, done };
    batches = [];
    report = null;
    done = false;
    store.getState().applyFrames(generation, queued.batches, queued.report, queued.done);
  }

  return {
    push(message) {
      const current = store.getState().generation;
      if (message.generation !== current) return;
      if (generation !== current) clear();
      generation = current;
      if (message.type === 'frames') batches.push(message.batch);
      else done = true;
      report = message.report;
      if (handle === 0) handle = scheduler.request(flush);
    },
    clear,
    flush,
    dispose: clear,
  };
}
