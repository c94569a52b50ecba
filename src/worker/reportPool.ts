/**
 * A pool of simulation workers running scenarios report-only, for the criticality lab and
 * compare mode's paired runs: the browser's side of the CLI's pool (src/cli/pool.ts). Reports
 * come back in scenario order whatever order they finish in, so a sweep reads the same on any
 * number of workers, and the same as `sim sweep`.
 *
 * Each worker is the app's simulation worker (the `reports` request of protocol.ts), kept for
 * the pool's life so its population cache serves every later run. Where there are no module
 * workers the run loop runs on this thread instead, one scenario per task.
 */

import type { RunReport } from '../engine/report';
import type { Scenario } from '../engine/types';
import { errorMessage } from '../shared/errorMessage';
import { createWorkerClient } from './client';
import { checkResponse, type SimRequest, type SimResponse } from './protocol';
import type { SimClient, SimClientEvents } from './simClient';

export interface RunOptions {
  onProgress?: (done: number, total: number) => void;
  /**
   * Each report as it arrives (in finishing order, with its index): a caller that reads the
   * results as they come (the lab's cells) needs no pool call per chunk, so the workers never
   * wait at a chunk's end for its last run.
   */
  onReport?: (index: number, report: RunReport) => void;
  /**
   * Keep no report: the caller reads them through onReport, and the run resolves with an empty
   * list (a lab grid of 64 seeds holds tens of thousands of reports it has no more use for).
   */
  discard?: boolean;
  signal?: AbortSignal;
}

export interface ReportPool {
  run(scenarios: readonly Scenario[], options?: RunOptions): Promise<RunReport[]>;
  dispose(): void;
}

/** Starts one pool member: a worker client, or the in-process loop (async: imported on demand). */
export type MemberFactory = (events: SimClientEvents) => SimClient | Promise<SimClient>;

/** Jobs a member holds at once: one running, one queued, so it never waits on a round trip. */
const DEPTH = 2;

const abortError = () => new DOMException('The sweep was cancelled', 'AbortError');

interface Member {
  client: Promise<SimClient>;
  /** Job indices sent and not yet answered. */
  pending: Set<number>;
}

interface ActiveRun {
  runId: string;
  onResponse(member: Member, message: SimResponse): void;
  onFailure(message: string): void;
}

export function createReportPoolWith(factory: MemberFactory, size: number): ReportPool {
  const members: Member[] = [];
  let active: ActiveRun | null = null;
  let tail: Promise<unknown> = Promise.resolve();
  let runs = 0;
  let disposed = false;

  function member(): Member {
    const m = { pending: new Set<number>() } as Member;
    const events: SimClientEvents = {
      onMessage(message) {
        const problem = checkResponse(message);
        if (problem) active?.onFailure(`A worker sent a malformed message: ${problem}`);
        else if (message.runId === active?.runId) active.onResponse(m, message);
      },
      onError: (message) => active?.onFailure(message),
    };
    m.client = Promise.resolve().then(() => factory(events));
    return m;
  }

  async function runNow(
    scenarios: readonly Scenario[],
    { onProgress, onReport, discard, signal }: RunOptions,
  ): Promise<RunReport[]> {
    if (signal?.aborted) throw abortError();
    if (disposed) throw new Error('The report pool was disposed');
    const total = scenarios.length;
    if (total === 0) return [];
    while (members.length < Math.min(size, total)) members.push(member());
    const used = members.slice(0, Math.min(size, total));
    const clients = await Promise.all(used.map((m) => m.client));
    const runId = `reports-${++runs}`;
    const reports: RunReport[] = discard ? [] : new Array(total);
    let next = 0;
    let done = 0;
    const send = (m: Member, i: number, count: number) => {
      const jobs = [];
      for (; count > 0 && next < total; count--, next++) {
        jobs.push({ index: next, scenario: scenarios[next] });
        m.pending.add(next);
      }
      if (jobs.length > 0) clients[i].post({ type: 'reports', runId, jobs } satisfies SimRequest);
    };
    const stop = () => {
      for (const [i, m] of used.entries()) {
        m.pending.clear();
        clients[i].post({ type: 'dispose', runId });
      }
    };
    let onAbort = () => {};
    try {
      return await new Promise<RunReport[]>((resolve, reject) => {
        const fail = (error: unknown) => {
          stop();
          reject(error);
        };
        onAbort = () => fail(abortError());
        signal?.addEventListener('abort', onAbort, { once: true });
        active = {
          runId,
          onResponse(m, message) {
            if (message.type === 'error') {
              fail(new Error(message.message));
              return;
            }
            if (message.type !== 'report' || !m.pending.delete(message.index)) return;
            if (!discard) reports[message.index] = message.report;
            done++;
            onReport?.(message.index, message.report);
            onProgress?.(done, total);
            if (done === total) resolve(reports);
            else send(m, used.indexOf(m), 1);
          },
          onFailure: (message) => fail(new Error(message)),
        };
        used.forEach((m, i) => send(m, i, DEPTH));
      });
    } finally {
      signal?.removeEventListener('abort', onAbort);
      active = null;
    }
  }

  return {
    run(scenarios, options = {}) {
      // One run at a time: a second waits for the first, so each has every worker.
      const result = tail.then(() => runNow(scenarios, options));
      tail = result.catch(() => undefined);
      return result;
    },
    dispose() {
      disposed = true;
      active?.onFailure('The report pool was disposed');
      for (const m of members.splice(0))
        void m.client.then(
          (c) => c.terminate(),
          () => {},
        );
    },
  };
}

/** The in-process loop, imported on demand so the engine stays out of the page's bundle. */
async function inProcessMember(events: SimClientEvents): Promise<SimClient> {
  const { createInProcessClient } = await import('./inProcess');
  return createInProcessClient(events);
}

const hasWorkers = () => typeof Worker === 'function';

/**
 * A pool of `size` workers (default: the cores the browser reports, at least one); one
 * in-process member where there are no workers.
 */
export function createReportPool(options: { size?: number } = {}): ReportPool {
  if (!hasWorkers()) return createReportPoolWith(inProcessMember, 1);
  const cores = typeof navigator === 'object' ? navigator.hardwareConcurrency : 1;
  const size = Math.max(1, Math.floor(options.size ?? cores ?? 1) || 1);
  return createReportPoolWith(async (events) => {
    try {
      return createWorkerClient(events);
    } catch (error) {
      // A browser that refuses module workers: this member runs on the page instead.
      console.warn(`Report worker unavailable (${errorMessage(error)}); running in process.`);
      return inProcessMember(events);
    }
  }, size);
}
