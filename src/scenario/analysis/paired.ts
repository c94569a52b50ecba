/**
 * A paired what-if, shared by `sim compare` and the browser's compare mode: A and B run on the
 * same seeds; for every numeric report figure, the mean of A, of B, of the paired difference
 * B − A with its 95 % bootstrap interval over seeds, and the share of seeds where B is lower.
 */

import type { RunReport } from '../../engine/report';
import { bootstrapInterval, mean } from './stats';

/** Seeds a comparison runs unless told otherwise. */
export const DEFAULT_COMPARE_SEEDS = 32;

export interface MetricComparison {
  a: number;
  b: number;
  /** Mean of the per-seed differences B − A. */
  diff: number;
  ciLow: number;
  ciHigh: number;
  /** Share of seeds where B is lower than A. */
  bLowerShare: number;
  /** Seeds the figure was defined on in both runs (fewer than all only for recoverySteps). */
  n: number;
}

export interface Comparison {
  seeds: number;
  metrics: Record<string, MetricComparison>;
}

/**
 * The report's numeric figures by name, in report order (null-able ones included); a list
 * figure gives one per entry, `name[i]`.
 */
function figures(report: RunReport): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [key, v] of Object.entries(report)) {
    if (Array.isArray(v)) v.forEach((x: number, i) => out.set(`${key}[${i}]`, x));
    else if (key !== 'direction') out.set(key, v as number | null);
  }
  return out;
}

/** Pairs the reports seed by seed: `a[i]` and `b[i]` must come from the same seed. */
export function compareReports(a: readonly RunReport[], b: readonly RunReport[]): Comparison {
  if (a.length !== b.length || a.length === 0) {
    throw new Error('compare needs the same, non-zero number of runs on each side');
  }
  const metrics: Record<string, MetricComparison> = {};
  const fa = a.map(figures);
  const fb = b.map(figures);
  for (const key of fa[0].keys()) {
    const pairs: [number, number][] = [];
    for (let i = 0; i < a.length; i++) {
      const x = fa[i].get(key);
      const y = fb[i].get(key);
      if (typeof x === 'number' && typeof y === 'number') pairs.push([x, y]);
    }
    const diffs = pairs.map(([x, y]) => y - x);
    const ci = bootstrapInterval(diffs, mean);
    metrics[key] = {
      a: mean(pairs.map((p) => p[0])),
      b: mean(pairs.map((p) => p[1])),
      diff: mean(diffs),
      ciLow: ci.low,
      ciHigh: ci.high,
      bLowerShare: pairs.length > 0 ? diffs.filter((d) => d < 0).length / pairs.length : NaN,
      n: pairs.length,
    };
  }
  return { seeds: a.length, metrics };
}
