/**
 * The critical shock of a sweep: the shock at which P(cascade | shock) over seeds crosses one
 * half, with a 95 % bootstrap interval over seeds (model.md, "Criticality").
 *
 * Shocks are taken by size in their direction (drops and rises separately). The crossing is the
 * first one going outward: the last point below one half and the first at or above it, joined
 * by a straight line. The bootstrap resamples seeds, the same resample for every shock, so the
 * interval keeps the pairing of the sweep.
 */

import { createRng } from '../../engine/rng';
import { BOOTSTRAP_RESAMPLES, quantile } from './stats';

/** One shock of a curve: its size (> = 0) and, per seed in seed order, whether the run cascaded. */
export interface CurvePoint {
  size: number;
  cascaded: readonly boolean[];
}

/** Where the curve crosses one half: a size, or a bound when it does not cross inside the grid. */
export interface Crossing {
  /** The size at the crossing; the smallest size when P >= 1/2 there already; Infinity if never. */
  size: number;
  bound: 'inside' | 'atOrBelow' | 'above';
}

/** The crossing of one half by P(cascade) per size (`sizes` ascending). */
export function crossHalf(sizes: readonly number[], p: readonly number[]): Crossing {
  const k = p.findIndex((x) => x >= 0.5);
  if (k < 0) return { size: Infinity, bound: 'above' };
  if (k === 0) return { size: sizes[0], bound: 'atOrBelow' };
  const t = (0.5 - p[k - 1]) / (p[k] - p[k - 1]);
  return { size: sizes[k - 1] + t * (sizes[k] - sizes[k - 1]), bound: 'inside' };
}

export interface CriticalEstimate {
  /** Size of the critical shock (>= 0); Infinity when P never reaches one half. */
  size: number;
  bound: Crossing['bound'];
  /** 95 % bootstrap interval of the size (its high end may be Infinity). */
  low: number;
  high: number;
}

/** The critical size of a curve and its bootstrap interval over seeds. */
export function criticalSize(curve: readonly CurvePoint[]): CriticalEstimate {
  const points = [...curve].sort((a, b) => a.size - b.size);
  const sizes = points.map((c) => c.size);
  const seeds = points[0]?.cascaded.length ?? 0;
  const share = (pick: (i: number) => number) =>
    points.map((c) => {
      let hits = 0;
      for (let j = 0; j < seeds; j++) if (c.cascaded[pick(j)]) hits++;
      return seeds > 0 ? hits / seeds : 0;
    });
  const estimate = crossHalf(
    sizes,
    share((j) => j),
  );
  const rng = createRng(1, 'bootstrap');
  const draws: number[] = [];
  const pick = new Int32Array(seeds);
  for (let r = 0; r < BOOTSTRAP_RESAMPLES && seeds > 0; r++) {
    for (let j = 0; j < seeds; j++) pick[j] = rng.int(seeds);
    draws.push(
      crossHalf(
        sizes,
        share((j) => pick[j]),
      ).size,
    );
  }
  return {
    size: estimate.size,
    bound: estimate.bound,
    low: quantile(draws, 0.025),
    high: quantile(draws, 0.975),
  };
}
