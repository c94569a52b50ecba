/**
 * Realised liquidations per step, for the rings drawn over the heatmap. Liquidations fill at (or
 * a bucket or two from) the traded price, so their cells sit under the price line and, with
 * more steps than pixels, are often narrower than a pixel: a burnt cell alone does not show.
 * A ring per step, centred on the step's liquidation-weighted price with its area proportional
 * to the USD liquidated, shows each wave at any size. Pure and incremental: rows are added once
 * as they arrive.
 */

import { bucketPrice, bucketRow, type FrameBatch, type RunInfo } from '../engine/frame';
import { RobustMaxTracker, px } from './scales';

/** Quantile of the non-zero step totals that gets the reference ring. */
export const RING_QUANTILE = 0.9;
/** Steps below this share of the reference get no ring (they still burn in their cells). */
export const RING_MIN_SHARE = 0.02;
/** At most this many rings (the largest): SVG is for hundreds of marks, not thousands. */
export const MAX_RINGS = 300;
/** Largest ring radius, in reference radii: a huge step is drawn big, but not over the chart. */
export const RING_MAX_SCALE = 2;
/** Smallest ring radius in px, so a ring is always a ring. */
export const RING_MIN_RADIUS = 2;

export interface StepBurns {
  /** USD liquidated in each step (index = step). */
  total: Float64Array;
  /** Sum of notional × bucket-mid price per step; over `total` it is the step's mean price. */
  priceSum: Float64Array;
  /** Frame rows added so far. */
  rows: number;
  /** {@link RING_QUANTILE} of the non-zero step totals. */
  ref: RobustMaxTracker;
  /** USD liquidated per bucket over the rows so far, and over all buckets (for the summary). */
  bucketTotal: Float64Array;
  grandTotal: number;
}

export function createStepBurns(info: RunInfo): StepBurns {
  const n = Math.max(1, info.steps);
  return {
    total: new Float64Array(n),
    priceSum: new Float64Array(n),
    rows: 0,
    ref: new RobustMaxTracker(RING_QUANTILE),
    bucketTotal: new Float64Array(Math.max(0, info.bucketCount)),
    grandTotal: 0,
  };
}

/** USD liquidated in frame row `r`, and its sum of notional × bucket-mid price. */
export function rowBurn(
  frames: FrameBatch,
  info: RunInfo,
  r: number,
): { total: number; priceSum: number } {
  const row = bucketRow(frames, 'realised', r);
  const b = Math.min(frames.bucketCount, info.bucketCount);
  let total = 0;
  let priceSum = 0;
  for (let i = 0; i < b; i++) {
    const v = row[i];
    if (!(v > 0)) continue;
    total += v;
    priceSum += v * bucketPrice(info, i + 0.5);
  }
  return { total, priceSum };
}

/** Adds the rows of `frames` not added yet; true if there were any. */
export function addStepBurns(acc: StepBurns, frames: FrameBatch, info: RunInfo): boolean {
  const n = Math.min(frames.count, frames.scalars.step.length);
  if (n <= acc.rows) return false;
  const buckets = Math.min(frames.bucketCount, acc.bucketTotal.length);
  for (let r = acc.rows; r < n; r++) {
    // Summed in the order heatmapSummary sums the whole batch, so both give the same figures.
    const realised = bucketRow(frames, 'realised', r);
    for (let i = 0; i < buckets; i++) {
      acc.bucketTotal[i] += realised[i];
      acc.grandTotal += realised[i];
    }
    const step = Math.floor(frames.scalars.step[r]);
    if (!(step >= 0 && step < acc.total.length)) continue;
    const { total, priceSum } = rowBurn(frames, info, r);
    acc.total[step] = total;
    acc.priceSum[step] = priceSum;
    acc.ref.add(total);
  }
  acc.rows = n;
  return true;
}

/** Radius for `usd` when `ref` USD gets `rRef` px: area ∝ USD, clamped to the ring limits. */
export function ringRadius(usd: number, ref: number, rRef: number): number {
  if (!(usd > 0) || !(ref > 0)) return 0;
  const r = rRef * Math.sqrt(usd / ref);
  return Math.max(RING_MIN_RADIUS, Math.min(rRef * RING_MAX_SCALE, r));
}

export interface BurnRing {
  step: number;
  /** USD liquidated in the step, all prices. */
  usd: number;
  /** The step's liquidation-weighted mean price. */
  price: number;
  cx: number;
  cy: number;
  r: number;
}

/**
 * One ring per step that liquidated at least {@link RING_MIN_SHARE} of the reference (at most
 * {@link MAX_RINGS}, the largest), placed by `x(step)` and `y(price)`, largest first so small
 * rings are drawn on top of big ones.
 */
export function burnRings(
  acc: StepBurns,
  x: (step: number) => number,
  y: (price: number) => number,
  rRef: number,
): BurnRing[] {
  const ref = acc.ref.value();
  if (!(ref > 0)) return [];
  const min = ref * RING_MIN_SHARE;
  const steps: number[] = [];
  for (let s = 0; s < acc.total.length; s++) if (acc.total[s] >= min) steps.push(s);
  steps.sort((a, b) => acc.total[b] - acc.total[a] || a - b);
  return steps.slice(0, MAX_RINGS).map((step) => {
    const usd = acc.total[step];
    const price = acc.priceSum[step] / usd;
    return {
      step,
      usd,
      price,
      cx: px(x(step + 0.5)),
      cy: px(y(price)),
      r: px(ringRadius(usd, ref, rRef)),
    };
  });
}

/** The largest 1, 2 or 5 × 10^k not above `v` (a legend ring's round value); 0 for none. */
export function niceFloor(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 0;
  const p = 10 ** Math.floor(Math.log10(v));
  const m = v / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}
