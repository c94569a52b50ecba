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
  /** Drops whatever is queued for run `runId` (a new run started), or for every run. */
  clear(runId?: string): void;
  /** Applies what is queued now. */
  flush(): void;
  dispose(): void;
}

/** What is queued for one run (runs are keyed by id: compare mode has two). */
interface Queue {
  generation: number;
  batches: FrameBatch[];
  report: RunReport | null;
  done: boolean;
}

export function createFrameSink(store: AppStore, scheduler: FrameScheduler): FrameSink {
  const queues = new Map<string, Queue>();
  let handle = 0;

  function clear(runId?: string): void {
    if (runId === undefined) queues.clear();
    else queues.delete(runId);
    if (queues.size === 0 && handle !== 0) {
      scheduler.cancel(handle);
      handle = 0;
    }
  }

  function flush(): void {
    handle = 0;
    const queued = [...queues];
    queues.clear();
    for (const [runId, q] of queued) {
      if (q.batches.length === 0 && !q.report && !q.done) continue;
      store.getState().applyFrames(q.generation, q.batches, q.report, q.done, runId);
    }
  }

  return {
    push(message) {
      const current = store.getState().runs[message.runId]?.generation;
      if (current === undefined || message.generation !== current) return;
      let q = queues.get(message.runId);
      if (!q || q.generation !== current) {
        q = { generation: current, batches: [], report: null, done: false };
        queues.set(message.runId, q);
      }
      if (message.type === 'frames') q.batches.push(message.batch);
      else q.done = true;
      q.report = message.report;
      if (handle === 0) handle = scheduler.request(flush);
    },
    clear,
    flush,
    dispose: () => clear(),
  };
}
