/**
 * The report-only side of the run loop: `reports` batches queue here and run one scenario per
 * task, so a `dispose` posted while a batch runs is read before the next scenario starts (that
 * is how a cancelled sweep stops its queued work). Each report goes back as a `report` message.
 *
 * One population cache for the queue's life: a grid at one population (a shock axis, a
 * safeguard axis) draws each seed's positions once, as the CLI's pool threads do.
 */

import { PopulationCache } from '../engine/populationCache';
import { runReport } from '../engine/run';
import { errorMessage } from '../shared/errorMessage';
import type { PostResponse, ReportJob, ReportsRequest } from './protocol';
import { checkReportsRequest } from './protocol';

/** A browser worker holds less than a CLI thread: 64 MB is 16 seeds of 10⁵ positions. */
const CACHE_BYTES = 64 * 1024 * 1024;

/** Runs a callback as a new task. A MessageChannel, not setTimeout(0): no 4 ms clamp per run. */
export type YieldTask = (callback: () => void) => void;

function defaultYield(): YieldTask {
  if (typeof MessageChannel !== 'function') return (cb) => setTimeout(cb, 0);
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return (cb) => {
    waiting.push(cb);
    channel.port2.postMessage(null);
  };
}

export interface ReportQueue {
  add(request: ReportsRequest): void;
  /** Drops the jobs still queued under `runId` (the one running, if any, finishes). */
  cancel(runId: string): void;
  dispose(): void;
}

export function createReportQueue(post: PostResponse, yieldTask?: YieldTask): ReportQueue {
  const queue: (ReportJob & { runId: string })[] = [];
  let cache: PopulationCache | null = null;
  let scheduled = false;
  let disposed = false;
  let nextTask: YieldTask | undefined = yieldTask;

  function schedule(): void {
    if (scheduled || disposed || queue.length === 0) return;
    scheduled = true;
    nextTask ??= defaultYield();
    nextTask(runOne);
  }

  function runOne(): void {
    scheduled = false;
    if (disposed) return;
    const job = queue.shift();
    if (job) {
      const { runId, index } = job;
      try {
        cache ??= new PopulationCache(CACHE_BYTES);
        const report = runReport(job.scenario, cache);
        post({ type: 'report', runId, generation: 0, index, report }, []);
      } catch (error) {
        // The batch failed: its other jobs would only be thrown away by the caller.
        cancel(runId);
        post({ type: 'error', runId, generation: 0, message: errorMessage(error) }, []);
      }
    }
    schedule();
  }

  function cancel(runId: string): void {
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i].runId === runId) queue.splice(i, 1);
  }

  return {
    add(request) {
      const problem = checkReportsRequest(request);
      if (problem) throw new Error(`A malformed reports request: ${problem}`);
      for (const job of request.jobs) queue.push({ ...job, runId: request.runId });
      schedule();
    },
    cancel,
    dispose() {
      disposed = true;
      queue.length = 0;
      cache = null;
    },
  };
}
