/**
 * Statistics over seeds for `sim sweep` and `sim compare`: means, quantiles and a bootstrap
 * interval. The bootstrap draws from a fixed seeded stream, so the same runs always give the
 * same interval.
 */

import { createRng } from '../../engine/rng';

export const mean = (xs: readonly number[]) =>
  xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;

/** Quantile by linear interpolation between order statistics (type 7, as R and NumPy). */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.min(lo + 1, s.length - 1);
  // Exact order statistics first, so an infinite value (a bound) never turns into NaN.
  if (at === lo || s[lo] === s[hi]) return s[lo];
  return s[lo] + (s[hi] - s[lo]) * (at - lo);
}

/** Resamples of the bootstrap: enough for a stable 95 % percentile interval. */
export const BOOTSTRAP_RESAMPLES = 2000;

/**
 * 95 % percentile-bootstrap interval of `statistic` over the items (seeds): resample the items
 * with replacement, recompute, take the 2.5 % and 97.5 % quantiles. `statistic` may return NaN
 * for a resample where it is undefined; those are left out.
 */
export function bootstrapInterval<T>(
  items: readonly T[],
  statistic: (sample: readonly T[]) => number,
  resamples = BOOTSTRAP_RESAMPLES,
): { low: number; high: number } {
  if (items.length === 0) return { low: NaN, high: NaN };
  const rng = createRng(1, 'bootstrap');
  const values: number[] = [];
  const sample: T[] = new Array(items.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < items.length; i++) sample[i] = items[rng.int(items.length)];
    const v = statistic(sample);
    if (Number.isFinite(v)) values.push(v);
  }
  return { low: quantile(values, 0.025), high: quantile(values, 0.975) };
}
