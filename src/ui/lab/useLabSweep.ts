/**
 * Runs the lab's grid on the report pool, a few cells per pool call so the cells fill in as
 * they finish, with the run count for the progress bar and the time left, and Cancel. The pool
 * lives as long as the lab (its workers keep their population caches between sweeps).
 */

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Scenario } from '../../scenario';
import { labRows, labScenarios, type LabPlan } from '../../scenario/analysis/labGrid';
import type { SweepRow } from '../../scenario/analysis/sweepRows';
import { errorMessage } from '../../shared/errorMessage';
import { createReportPool, type ReportPool } from '../../worker/reportPool';

export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface LabSweep {
  status: SweepStatus;
  plan: LabPlan | null;
  base: Scenario | null;
  /** One per grid point, null until all its seeds are done. */
  rows: (SweepRow | null)[];
  done: number;
  total: number;
  /** performance.now() at the start, and at the end once finished. */
  startedAt: number;
  endedAt: number;
  message: string;
}

const IDLE: LabSweep = {
  status: 'idle',
  plan: null,
  base: null,
  rows: [],
  done: 0,
  total: 0,
  startedAt: 0,
  endedAt: 0,
  message: '',
};

/** Runs per pool call and worker: enough that a chunk's tail leaves the workers idle briefly. */
const RUNS_PER_WORKER = 16;

const poolSize = () => Math.max(1, navigator.hardwareConcurrency || 1);

export function useLabSweep(share: number) {
  const [sweep, setSweep] = useState<LabSweep>(IDLE);
  const pool = useRef<ReportPool | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      abort.current?.abort();
      pool.current?.dispose();
      pool.current = null;
    },
    [],
  );

  const start = useCallback(
    async (base: Scenario, plan: LabPlan) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      pool.current ??= createReportPool();
      const points = plan.points.length;
      const seeds = plan.seeds.length;
      const total = points * seeds;
      const rows: (SweepRow | null)[] = new Array(points).fill(null);
      const startedAt = performance.now();
      setSweep({ ...IDLE, status: 'running', plan, base, rows: [...rows], total, startedAt });
      const chunk = Math.max(1, Math.ceil((RUNS_PER_WORKER * poolSize()) / seeds));
      let shownAt = 0;
      const runChunk = (from: number) => {
        const before = from * seeds;
        return pool.current!.run(labScenarios(base, plan, from, Math.min(points, from + chunk)), {
          signal: controller.signal,
          onProgress: (done, count) => {
            // At most ten renders a second: a report arrives every few ms on a fast grid, and
            // a busy main thread would leave the workers waiting for their next job.
            const now = performance.now();
            if (done < count && now - shownAt < 100) return;
            shownAt = now;
            setSweep((s) => ({ ...s, done: before + done }));
          },
        });
      };
      try {
        let next = runChunk(0);
        for (let from = 0; from < points; from += chunk) {
          const reports = await next;
          // The next chunk goes to the workers before this one's cells render, so they never
          // wait for the page to draw.
          if (from + chunk < points) next = runChunk(from + chunk);
          labRows(plan, reports, share, from).forEach((row, i) => (rows[from + i] = row));
          setSweep((s) => ({ ...s, rows: [...rows] }));
        }
        const endedAt = performance.now();
        setSweep((s) => ({ ...s, status: 'done', endedAt }));
      } catch (error) {
        if (abort.current !== controller) return; // a newer sweep took over
        const cancelled = controller.signal.aborted;
        setSweep((s) => ({
          ...s,
          status: cancelled ? 'cancelled' : 'failed',
          endedAt: performance.now(),
          message: cancelled ? '' : errorMessage(error),
        }));
      }
    },
    [share],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);
  return { sweep, start, cancel };
}

/** Seconds left at the pace so far, or null before the first run is done. */
export function secondsLeft(s: LabSweep, now: number): number | null {
  if (s.status !== 'running' || s.done === 0) return null;
  return (((now - s.startedAt) / s.done) * (s.total - s.done)) / 1000;
}
