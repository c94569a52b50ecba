/**
 * The criticality lab's grid, built exactly as `sim sweep` builds its own: the same `--vary`
 * texts (grid.ts), the same seeds 1..N, the same scenario per run (`{ ...base, ...point, seed }`)
 * and the same summary per point (sweepRow), so a cell of the lab equals the CLI's row.
 *
 * The other parameter is the outer axis and the shock the inner one, so a whole shock curve
 * (one critical shock) is done before the next starts.
 */

import type { RunReport } from '../../engine/report';
import type { Scenario } from '../params';
import { buildGrid, type GridPoint, type NumericKey } from './grid';
import { sweepRow, type SweepRow } from './sweepRows';

/** Most seeds per cell the lab offers. */
export const MAX_LAB_SEEDS = 64;

export interface LabPlan {
  /** The varied parameters, outer first (the CLI's `--vary` order). */
  names: NumericKey[];
  /** The shock values (the x axis) and the other parameter's (y), in grid order. */
  shocks: number[];
  other: { name: NumericKey; values: number[] } | null;
  points: GridPoint[];
  seeds: number[];
}

type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Reads the lab's axes, `from:to:step` or `a,b,c` as the CLI's `--vary` takes them (the same
 * checks, the same messages); `otherText` names the y parameter, or is null for a 1-D sweep.
 */
export function planLab(
  shockText: string,
  otherName: NumericKey | null,
  otherText: string,
  seedCount: number,
): Outcome<LabPlan> {
  if (!Number.isInteger(seedCount) || seedCount < 1 || seedCount > MAX_LAB_SEEDS) {
    return { ok: false, message: `Seeds: a whole number from 1 to ${MAX_LAB_SEEDS}` };
  }
  if (otherName === 'shock') return { ok: false, message: 'The y axis must not be the shock' };
  const texts = otherName
    ? [`${otherName}=${otherText}`, `shock=${shockText}`]
    : [`shock=${shockText}`];
  const grid = buildGrid(texts, seedCount);
  if (!grid.ok) return { ok: false, message: grid.message.replace(/^--vary /, '') };
  const { varies, points } = grid.value;
  const shockVary = varies[varies.length - 1];
  return {
    ok: true,
    value: {
      names: varies.map((v) => v.name),
      shocks: shockVary.values,
      other: otherName ? { name: otherName, values: varies[0].values } : null,
      points,
      seeds: Array.from({ length: seedCount }, (_, i) => i + 1),
    },
  };
}

/** The runs of a range of grid points, point-major, seeds inner: as `runSweep` lays them out. */
export function labScenarios(
  base: Scenario,
  plan: LabPlan,
  from = 0,
  to = plan.points.length,
): Scenario[] {
  return plan.points
    .slice(from, to)
    .flatMap((p) => plan.seeds.map((seed) => ({ ...base, ...p, seed })));
}

/** The rows of grid points `from`… given their runs' reports (one per seed, in seed order). */
export function labRows(
  plan: LabPlan,
  reports: readonly RunReport[],
  share: number,
  from = 0,
): SweepRow[] {
  const n = plan.seeds.length;
  const rows: SweepRow[] = [];
  for (let i = 0; i * n < reports.length; i++) {
    rows.push(sweepRow(plan.points[from + i], reports.slice(i * n, (i + 1) * n), share));
  }
  return rows;
}
