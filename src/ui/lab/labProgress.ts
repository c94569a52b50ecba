/**
 * The lab's results as the runs come in, in any order: a grid point's row once all its seeds
 * are done, and a band's critical shocks (one value of the other parameter across the shocks)
 * once all its cells are. Each piece is computed once, when it completes, so the page's work
 * per report is small and a render reads what is there (the bootstrap of a critical shock took
 * most of the main thread when it was recomputed on every render).
 *
 * The same functions as `sim sweep` (sweepRow, criticalShocks) over the same reports, so the
 * rows and critical shocks equal the CLI's; bands are kept in grid order, as the CLI lists them.
 */

import type { RunReport } from '../../engine/report';
import type { LabPlan } from '../../scenario/analysis/labGrid';
import {
  criticalShocks,
  sweepRow,
  type CriticalEntry,
  type SweepRow,
} from '../../scenario/analysis/sweepRows';

export interface LabProgress {
  /** Takes the report of run `index` (point-major, seeds inner: labScenarios' order). */
  add(index: number, report: RunReport): void;
  /** One per grid point, null until all its seeds are done. */
  readonly rows: readonly (SweepRow | null)[];
  /** The critical shocks of the complete bands, in grid order. */
  critical(): CriticalEntry[];
}

export function createLabProgress(plan: LabPlan, share: number): LabProgress {
  const seeds = plan.seeds.length;
  const columns = plan.shocks.length;
  const points = plan.points.length;
  const rows: (SweepRow | null)[] = new Array(points).fill(null);
  const reports: (RunReport | undefined)[][] = Array.from({ length: points }, () => []);
  const missing = new Array<number>(points).fill(seeds);
  const bands = Math.ceil(points / columns);
  const bandMissing = Array.from({ length: bands }, (_, b) =>
    Math.min(columns, points - b * columns),
  );
  const bandCritical: (CriticalEntry[] | null)[] = new Array(bands).fill(null);
  // A rise's critical shock is shown only when the whole grid rises (as the lab always did).
  const keepUp = plan.shocks.every((s) => s > 0);

  return {
    add(index, report) {
      const point = Math.floor(index / seeds);
      const seed = index % seeds;
      if (point >= points || rows[point] || reports[point][seed]) return;
      reports[point][seed] = report;
      if (--missing[point] > 0) return;
      rows[point] = sweepRow(plan.points[point], reports[point] as RunReport[], share);
      reports[point] = []; // the row holds what the page needs; the reports can go
      const band = Math.floor(point / columns);
      if (--bandMissing[band] > 0) return;
      const complete = rows.slice(band * columns, (band + 1) * columns) as SweepRow[];
      bandCritical[band] = criticalShocks(complete, plan.names).filter(
        (c) => c.direction === 'down' || keepUp,
      );
    },
    rows,
    critical: () => bandCritical.flatMap((c) => c ?? []),
  };
}
