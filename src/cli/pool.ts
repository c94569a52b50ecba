/**
 * Runs many scenarios report-only (`runReport`) on `worker_threads`, for `sim sweep` and
 * `sim compare`. Jobs go to whichever worker is free; each report is stored at its job's index,
 * so the result is the same whatever the thread count or the order runs finish in.
 */

import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PopulationCache } from '../engine/populationCache';
import type { RunReport } from '../engine/report';
import type { Scenario } from '../engine/types';

/** A message from a pool worker: one job's report, or why it failed. */
export type PoolReply = { index: number; report: RunReport } | { index: number; error: string };

const WORKER_URL = new URL('./poolWorker.ts', import.meta.url);

/**
 * Starts one worker. Run from source (`tsx`, Vitest) the worker is a .ts file, and a worker
 * does not inherit the parent's loader hooks; rather than have each worker load tsx and
 * transform every module through it (a second or more of CPU per worker), the parent bundles
 * the worker once with esbuild (tsx's own compiler) and each worker evaluates that script.
 */
function startWorker(workerData: PoolWorkerData, source: string | null): Worker {
  if (source === null) return new Worker(WORKER_URL, { workerData });
  return new Worker(source, { eval: true, workerData });
}

let bundled: Promise<string> | undefined;

/** The worker as one CommonJS script, built on first use (null: run the built file itself). */
function workerSource(): Promise<string | null> {
  if (!WORKER_URL.pathname.endsWith('.ts')) return Promise.resolve(null);
  bundled ??= import('esbuild').then(async ({ build }) => {
    const result = await build({
      entryPoints: [fileURLToPath(WORKER_URL)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: `node${process.versions.node.split('.')[0]}`,
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0].text;
  });
  return bundled;
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
  const source = await workerSource();
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
        const w = startWorker({ reusePopulations }, source);
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
