/**
 * Runs many scenarios report-only (`runReport`) on `worker_threads`, for `sim sweep` and
 * `sim compare`. Jobs go to whichever worker is free; each report is stored at its job's index,
 * so the result is the same whatever the thread count or the order runs finish in.
 */

import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { PopulationCache } from '../engine/populationCache';
import type { RunReport } from '../engine/report';
import type { Scenario } from '../engine/types';

/** A message from a pool worker: one job's report, or why it failed. */
export type PoolReply = { index: number; report: RunReport } | { index: number; error: string };

const WORKER_URL = new URL('./poolWorker.ts', import.meta.url);

/**
 * Starts one worker. Run from source (`tsx`, Vitest) the worker is a .ts file, and a worker
 * does not inherit the parent's loader hooks: a two-line bootstrap registers tsx's first.
 */
function startWorker(workerData: PoolWorkerData): Worker {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL, { workerData });
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(WORKER_URL.href);
  const bootstrap = `import(${api}).then((tsx) => { tsx.register(); return import(${entry}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** What a pool worker is started with. */
export interface PoolWorkerData {
  reusePopulations: boolean;
}

/** Default thread count: every core the machine has. */
export const defaultThreads = () => Math.max(1, os.availableParallelism?.() ?? os.cpus().length);

export interface PoolOptions {
  threads: number;
  /** Called after each finished run with the count done so far. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Keep each thread's drawn populations for the runs that share them (populationCache.ts);
   * default true. Off only to check that the cache changes nothing.
   */
  reusePopulations?: boolean;
}

export async function runReports(
  scenarios: readonly Scenario[],
  options: PoolOptions,
): Promise<RunReport[]> {
  const total = scenarios.length;
  const threads = Math.min(options.threads, total);
  const reusePopulations = options.reusePopulations ?? true;
  if (threads <= 1) {
    // In this thread: no worker start-up for a small job, and usable where workers are not.
    const { runReport } = await import('../engine/run');
    const populations = reusePopulations ? new PopulationCache() : undefined;
    return scenarios.map((s, i) => {
      const report = runReport(s, populations);
      options.onProgress?.(i + 1, total);
      return report;
    });
  }
  const reports: RunReport[] = new Array(total);
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (w: Worker) => {
        if (next < total) {
          w.postMessage({ index: next, scenario: scenarios[next] });
          next++;
        }
      };
      for (let t = 0; t < threads; t++) {
        const w = startWorker({ reusePopulations });
        workers.push(w);
        w.on('message', (reply: PoolReply) => {
          if ('error' in reply) {
            reject(new Error(`run ${reply.index + 1} failed: ${reply.error}`));
            return;
          }
          reports[reply.index] = reply.report;
          done++;
          options.onProgress?.(done, total);
          if (done === total) resolve();
          else feed(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (done < total && code !== 0) reject(new Error(`a worker stopped (exit ${code})`));
        });
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return reports;
}
