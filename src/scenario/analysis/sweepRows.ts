/**
 * The pure half of a sweep, shared by `sim sweep` and the browser's criticality lab: what a
 * grid point's runs summarise to (P(cascade) and the figures over seeds) and the critical shock
 * per combination of the other varied parameters. Every grid point runs the same seeds.
 */

import type { RunReport } from '../../engine/report';
import { criticalSize, type CurvePoint } from './critical';
import type { GridPoint, NumericKey } from './grid';
import { mean, quantile } from './stats';

/** Seeds per grid point unless told otherwise. */
export const DEFAULT_SWEEP_SEEDS = 16;
/** Endogenous liquidated notional, as a share of open interest, at which a run cascades. */
export const DEFAULT_CASCADE_SHARE = 0.05;

/** The figures summarised per grid point, with the report value each reads. */
export const FIGURES = {
  liquidatedShare: (r: RunReport) => r.oiLiquidatedShare,
  amplification: (r: RunReport) => r.amplification,
  endogenousShare: (r: RunReport) => r.endogenousShare,
  maxDrawdown: (r: RunReport) => r.maxDrawdown,
  branchingRatio: (r: RunReport) => r.branchingRatio,
} as const;
export type Figure = keyof typeof FIGURES;

export interface Summary {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

/** One grid point's results over the seeds. */
export interface SweepRow {
  point: GridPoint;
  seeds: number;
  pCascade: number;
  figures: Record<Figure, Summary>;
  /** Whether each seed's run cascaded, in seed order (what the critical shock is computed from). */
  cascaded: boolean[];
}

export interface CriticalEntry {
  /** The other varied parameters' values. */
  point: GridPoint;
  direction: 'down' | 'up';
  criticalShock: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** `inside` the grid, or a bound: P >= 1/2 at the smallest shock already, or never. */
  bound: 'inside' | 'atOrBelow' | 'above';
}

/** Whether a run cascaded: its endogenous liquidations reached `share` of open interest. */
export const cascaded = (r: RunReport, share: number) =>
  r.endogenousShare * r.oiLiquidatedShare >= share;

function summarise(xs: number[]): Summary {
  return { mean: mean(xs), p10: quantile(xs, 0.1), p50: quantile(xs, 0.5), p90: quantile(xs, 0.9) };
}

/** Summarises one grid point's reports (one per seed, in seed order). */
export function sweepRow(point: GridPoint, reports: readonly RunReport[], share: number): SweepRow {
  const hits = reports.map((r) => cascaded(r, share));
  const figures = {} as Record<Figure, Summary>;
  for (const [name, read] of Object.entries(FIGURES) as [Figure, (r: RunReport) => number][]) {
    figures[name] = summarise(reports.map(read));
  }
  return {
    point,
    seeds: reports.length,
    pCascade: hits.filter(Boolean).length / hits.length,
    figures,
    cascaded: hits,
  };
}

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * The critical shock per combination of the other varied parameters and per direction, when
 * `shock` is varied (none otherwise).
 */
export function criticalShocks(
  rows: readonly SweepRow[],
  names: readonly NumericKey[],
): CriticalEntry[] {
  if (!names.includes('shock')) return [];
  const others = names.filter((n) => n !== 'shock');
  const groups = new Map<string, { point: GridPoint; down: CurvePoint[]; up: CurvePoint[] }>();
  for (const row of rows) {
    const point: GridPoint = {};
    for (const n of others) point[n] = row.point[n];
    const key = JSON.stringify(others.map((n) => point[n]));
    const group = groups.get(key) ?? { point, down: [], up: [] };
    groups.set(key, group);
    const shock = row.point.shock ?? 0;
    (shock > 0 ? group.up : group.down).push({ size: Math.abs(shock), cascaded: row.cascaded });
  }
  const entries: CriticalEntry[] = [];
  for (const { point, down, up } of groups.values()) {
    for (const [direction, curve] of [
      ['down', down],
      ['up', up],
    ] as const) {
      if (curve.length === 0) continue;
      const c = criticalSize(curve);
      const sign = direction === 'down' ? -1 : 1;
      // Signed, and ordered as numbers: a drop's interval [-8, -5] has its larger size first.
      const ends = [sign * c.low, sign * c.high].sort((a, b) => a - b);
      entries.push({
        point,
        direction,
        criticalShock: finiteOrNull(sign * c.size),
        ciLow: finiteOrNull(ends[0]),
        ciHigh: finiteOrNull(ends[1]),
        bound: c.bound,
      });
    }
  }
  return entries;
}

/** A row as JSON: the varied parameters under their own names, then the figures. */
export function rowJson(row: SweepRow): Record<string, unknown> {
  return {
    ...row.point,
    seeds: row.seeds,
    pCascade: row.pCascade,
    ...row.figures,
    cascaded: row.cascaded.map((c) => (c ? 1 : 0)).join(''),
  };
}

export function criticalJson(entry: CriticalEntry): Record<string, unknown> {
  const { point, ...rest } = entry;
  return { ...point, ...rest };
}
