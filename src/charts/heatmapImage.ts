/**
 * The heatmap's pixels: one column per step, one row per price bucket (bucket 0 at the bottom),
 * RGBA in a plain Uint8ClampedArray the chart hands to ImageData. Pure, so tests can read the
 * bytes back in Node.
 *
 * Colour: the fuel (`predicted`, or the terminal-style `estimated` map) on a viridis scale, square-root of its share of a robust
 * maximum (99th percentile); realised liquidations (`realised`) burn on top in orange-to-white
 * on their own scale (colors.ts `burnIndex`): against the 90th percentile of the non-zero burnt
 * cells, with a floor, because a run has only a few hundred of them and one auto-deleveraging
 * step can hold half the run's notional. Columns are painted once as they arrive; everything is
 * repainted only when a reference drifts by more than 25 %, so early columns do not keep a
 * stale scale for long and the common update costs one column. That repaint can be spread over
 * several draws (`repaintBudget`, {@link repaintStale}): at 5,000 steps a repaint in one go is a
 * long task that stalls the page.
 */

import { bucketRow, type FrameBatch, type RunInfo } from '../engine/frame';
import {
  PALETTE,
  buildLut,
  burnAlpha,
  burnIndex,
  burnInterpolator,
  intensityIndex,
  predictedInterpolator,
  toRgb,
} from './colors';
import { RobustMaxTracker } from './scales';

/** Quantile of the non-zero burnt cells the burn is coloured against (see the file comment). */
export const BURN_QUANTILE = 0.9;

/** Which fuel the heatmap draws: the true map, or the terminal-style estimate of it (estimate.ts). */
export type FuelColumn = 'predicted' | 'estimated';

export interface HeatmapImage {
  /** The bucket column painted as fuel. */
  fuel: FuelColumn;
  /** info.steps columns by info.bucketCount rows. */
  width: number;
  height: number;
  data: Uint8ClampedArray<ArrayBuffer>;
  /** Frame rows painted so far. */
  rows: number;
  predictedMax: RobustMaxTracker;
  /** The burn's reference: {@link BURN_QUANTILE} of the non-zero realised cells. */
  realisedMax: RobustMaxTracker;
  /** The references the painted pixels were coloured with. */
  paintedPredicted: number;
  paintedRealised: number;
  /** Rows [staleFrom, staleTo) were painted with older references and wait to be repainted. */
  staleFrom: number;
  staleTo: number;
}

/** Columns [x0, x1) that changed and must be copied to the canvas. */
export interface DirtyColumns {
  x0: number;
  x1: number;
}

let luts: { predicted: Uint8Array; burn: Uint8Array; empty: readonly number[] } | null = null;

function lookupTables(): NonNullable<typeof luts> {
  luts ??= {
    predicted: buildLut(predictedInterpolator),
    burn: buildLut(burnInterpolator),
    empty: toRgb(PALETTE.heatEmpty),
  };
  return luts;
}

export function createHeatmapImage(info: RunInfo, fuel: FuelColumn = 'predicted'): HeatmapImage {
  const width = Math.max(1, info.steps);
  const height = Math.max(1, info.bucketCount);
  return {
    fuel,
    width,
    height,
    data: new Uint8ClampedArray(width * height * 4),
    rows: 0,
    predictedMax: new RobustMaxTracker(),
    realisedMax: new RobustMaxTracker(BURN_QUANTILE),
    paintedPredicted: 0,
    paintedRealised: 0,
    staleFrom: 0,
    staleTo: 0,
  };
}

/**
 * Writes one column: pixel (x, height - 1 - i) gets bucket i's colour. `predicted` and
 * `realised` are the step's bucket rows; values are coloured against the given references.
 */
export function fillColumn(
  data: Uint8ClampedArray,
  width: number,
  height: number,
  x: number,
  predicted: ArrayLike<number>,
  realised: ArrayLike<number>,
  predictedMax: number,
  realisedMax: number,
): void {
  const { predicted: lut, burn, empty } = lookupTables();
  for (let i = 0; i < height; i++) {
    const o = ((height - 1 - i) * width + x) * 4;
    const p = intensityIndex(predicted[i], predictedMax);
    let r = p ? lut[p * 3] : empty[0];
    let g = p ? lut[p * 3 + 1] : empty[1];
    let b = p ? lut[p * 3 + 2] : empty[2];
    const q = burnIndex(realised[i], realisedMax);
    if (q) {
      const a = burnAlpha(q);
      r += (burn[q * 3] - r) * a;
      g += (burn[q * 3 + 1] - g) * a;
      b += (burn[q * 3 + 2] - b) * a;
    }
    data[o] = r;
    data[o + 1] = g;
    data[o + 2] = b;
    data[o + 3] = 255;
  }
}

function drifted(now: number, painted: number): boolean {
  if (painted <= 0) return now > 0;
  const ratio = now / painted;
  return ratio > 1.25 || ratio < 0.8;
}

/** Paints rows [from, to) of `frames` with the current references; the columns they cover. */
function paintRows(
  img: HeatmapImage,
  frames: FrameBatch,
  from: number,
  to: number,
): DirtyColumns | null {
  let x0 = Infinity;
  let x1 = -Infinity;
  for (let r = from; r < to; r++) {
    const x = Math.floor(frames.scalars.step[r]);
    if (!(x >= 0 && x < img.width)) continue;
    fillColumn(
      img.data,
      img.width,
      img.height,
      x,
      bucketRow(frames, img.fuel, r),
      bucketRow(frames, 'realised', r),
      img.paintedPredicted,
      img.paintedRealised,
    );
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x + 1);
  }
  return x0 < x1 ? { x0, x1 } : null;
}

function union(a: DirtyColumns | null, b: DirtyColumns | null): DirtyColumns | null {
  if (!a || !b) return a ?? b;
  return { x0: Math.min(a.x0, b.x0), x1: Math.max(a.x1, b.x1) };
}

/**
 * Paints the rows of `frames` not painted yet and returns the columns that changed, or null if
 * none did. If a reference drifted, every earlier row becomes stale: at most `repaintBudget`
 * of them (default all) are repainted now, the rest by {@link repaintStale}. Rows whose step
 * falls outside the image are skipped. A new run needs a new image ({@link createHeatmapImage}).
 */
export function paintHeatmap(
  img: HeatmapImage,
  frames: FrameBatch,
  repaintBudget = Infinity,
): DirtyColumns | null {
  const n = Math.min(frames.count, frames.scalars.step.length);
  if (n <= img.rows) return null;
  const b = Math.min(frames.bucketCount, img.height);
  for (let r = img.rows; r < n; r++) {
    img.predictedMax.addAll(bucketRow(frames, img.fuel, r).subarray(0, b));
    img.realisedMax.addAll(bucketRow(frames, 'realised', r).subarray(0, b));
  }
  const pm = img.predictedMax.value();
  const rm = img.realisedMax.value();
  if (img.rows === 0 || drifted(pm, img.paintedPredicted) || drifted(rm, img.paintedRealised)) {
    img.paintedPredicted = pm;
    img.paintedRealised = rm;
    img.staleFrom = 0;
    img.staleTo = img.rows;
  }
  const fresh = paintRows(img, frames, img.rows, n);
  img.rows = n;
  return union(repaintStale(img, frames, repaintBudget), fresh);
}

/**
 * Repaints up to `maxRows` of the stale rows, oldest first, with the current references; the
 * columns that changed, or null if nothing was stale.
 */
export function repaintStale(
  img: HeatmapImage,
  frames: FrameBatch,
  maxRows: number,
): DirtyColumns | null {
  const to = Math.min(img.staleTo, img.staleFrom + Math.max(0, maxRows), frames.count);
  if (to <= img.staleFrom) return null;
  const dirty = paintRows(img, frames, img.staleFrom, to);
  img.staleFrom = to;
  if (img.staleFrom >= img.staleTo) img.staleFrom = img.staleTo = 0;
  return dirty;
}

/** Whether rows painted with older references are still waiting for {@link repaintStale}. */
export function hasStale(img: HeatmapImage): boolean {
  return img.staleFrom < img.staleTo;
}

/** The fuel before step 0 as one column of pixels, and the reference it was coloured against. */
export interface OpeningColumn {
  data: Uint8ClampedArray<ArrayBuffer>;
  height: number;
  predictedMax: number;
}

/**
 * Paints the opening's fuel (row 0 of `opening`) as a 1-pixel-wide column, on the run's fuel
 * scale: drawn across the plot before the first step, it shows where the fuel sits.
 */
export function paintOpening(
  opening: FrameBatch,
  info: RunInfo,
  column: FuelColumn = 'predicted',
): OpeningColumn {
  const height = Math.max(1, info.bucketCount);
  const fuel = bucketRow(opening, column, 0).subarray(0, height);
  const max = new RobustMaxTracker();
  max.addAll(fuel);
  const predictedMax = max.value();
  const data = new Uint8ClampedArray(height * 4);
  fillColumn(data, 1, height, 0, fuel, new Float32Array(height), predictedMax, 1);
  return { data, height, predictedMax };
}
