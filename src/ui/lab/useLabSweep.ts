/**
 * Runs the lab's grid on the report pool as one call, reading each report as it arrives
 * (labProgress): the cells fill in as they finish, with the run count for the progress bar and
 * the time left, and Cancel. The pool lives as long as the lab (its workers keep their
 * population caches between sweeps).
 *
 * The page renders at most a few times a second, whatever the pace of the reports: each render
 * costs main-thread time that two busy workers on two cores would otherwise have.
 */

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Scenario } from '../../scenario';
import { labScenarios, type LabPlan } from '../../scenario/analysis/labGrid';
import type { CriticalEntry, SweepRow } from '../../scenario/analysis/sweepRows';
import { errorMessage } from '../../shared/errorMessage';
import { createReportPool, type ReportPool } from '../../worker/reportPool';
import { createLabProgress } from './labProgress';

export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface LabSweep {
  status: SweepStatus;
  plan: LabPlan | null;
  base: Scenario | null;
  /** One per grid point, null until all its seeds are done. */
  rows: readonly (SweepRow | null)[];
  /** The critical shocks of the rows whose cells are all done, in grid order. */
  critical: readonly CriticalEntry[];
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
  critical: [],
  done: 0,
  total: 0,
  startedAt: 0,
  endedAt: 0,
  message: '',
};

/** The least time between two renders of a running sweep (ms). */
const RENDER_EVERY_MS = 250;

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
      const progress = createLabProgress(plan, share);
      const total = plan.points.length * plan.seeds.length;
      const startedAt = performance.now();
      setSweep({
        ...IDLE,
        status: 'running',
        plan,
        base,
        rows: [...progress.rows],
        total,
        startedAt,
      });
      let done = 0;
      let timer: ReturnType<typeof setTimeout> | null = null;
      // What is in so far, as one render: the reports that came since the last are batched.
      const show = () => {
        if (timer !== null) clearTimeout(timer);
        timer = null;
        if (abort.current !== controller) return;
        const rows = [...progress.rows];
        const critical = progress.critical();
        setSweep((s) => ({ ...s, rows, critical, done }));
      };
      try {
        await pool.current.run(labScenarios(base, plan), {
          signal: controller.signal,
          discard: true, // labProgress keeps what the cells need
          onReport: (index, report) => {
            done++;
            progress.add(index, report);
            timer ??= setTimeout(show, RENDER_EVERY_MS);
          },
        });
        show();
        const endedAt = performance.now();
        setSweep((s) => ({ ...s, status: 'done', endedAt }));
      } catch (error) {
        if (abort.current !== controller) return; // a newer sweep took over
        show();
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
