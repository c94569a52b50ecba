import { hcl, rgb } from 'd3';
import { describe, expect, it } from 'vitest';
import { createFrameBatch, type FrameBatch, type RunInfo } from '../engine/frame';
import {
  BURN_MIN_T,
  PALETTE,
  burnIndex,
  burnInterpolator,
  intensityIndex,
  predictedInterpolator,
  toRgb,
} from './colors';
import {
  BURN_QUANTILE,
  createHeatmapImage,
  fillColumn,
  hasStale,
  paintHeatmap,
  paintOpening,
  repaintStale,
} from './heatmapImage';
import { RobustMaxTracker } from './scales';

const INFO: RunInfo = {
  steps: 3,
  bucketCount: 2,
  bucketLow: 90,
  bucketHigh: 110,
  startPrice: 100,
  openInterest: 1e6,
  liquidity: 1e6,
  shockStep: 1,
  shockSteps: 1,
};

/** A 3-step, 2-bucket batch: `predicted[step]` and `realised[step]` are [bucket 0, bucket 1]. */
function batch(predicted: number[][], realised: number[][] = []): FrameBatch {
  const f = createFrameBatch(3, 2);
  predicted.forEach((row, r) => {
    f.scalars.step[r] = r;
    f.buckets.predicted.set(row, r * 2);
    f.buckets.realised.set(realised[r] ?? [0, 0], r * 2);
  });
  f.count = predicted.length;
  return f;
}

/** RGBA of pixel (x, y) of a width-3 image, y = 0 at the top. */
function pixel(data: Uint8ClampedArray, x: number, y: number): number[] {
  const o = (y * 3 + x) * 4;
  return [...data.subarray(o, o + 4)];
}

const rgba = (css: string): number[] => [...toRgb(css), 255];

describe('fillColumn', () => {
  it('puts bucket 0 in the bottom row and the largest fuel at the top of the scale', () => {
    const data = new Uint8ClampedArray(3 * 2 * 4);
    fillColumn(data, 3, 2, 0, [0, 100], [0, 0], 100, 0);
    expect(pixel(data, 0, 1)).toEqual(rgba(PALETTE.heatEmpty));
    expect(pixel(data, 0, 0)).toEqual(rgba(predictedInterpolator(1)));
  });

  it('colours a quarter of the max half-way up the scale (square root)', () => {
    const data = new Uint8ClampedArray(3 * 2 * 4);
    fillColumn(data, 3, 2, 2, [25, 0], [0, 0], 100, 0);
    expect(pixel(data, 2, 1)).toEqual(rgba(predictedInterpolator(128 / 255)));
  });

  it('burns a realised liquidation at the max in the burn scale’s near-white, fully opaque', () => {
    const data = new Uint8ClampedArray(3 * 2 * 4);
    fillColumn(data, 3, 2, 1, [100, 100], [0, 50], 100, 50);
    expect(pixel(data, 1, 0)).toEqual(rgba(burnInterpolator(1)));
    expect(pixel(data, 1, 1)).toEqual(rgba(predictedInterpolator(1)));
  });

  it('blends a small burn over the fuel, warmer than the fuel alone', () => {
    const data = new Uint8ClampedArray(3 * 2 * 4);
    fillColumn(data, 3, 2, 0, [100, 100], [1, 0], 100, 100);
    const [r, , b] = pixel(data, 0, 1);
    const [fr, , fb] = toRgb(predictedInterpolator(1));
    expect(r).toBeGreaterThan(fr);
    expect(b).toBeLessThan(fb);
  });
});

describe('paintHeatmap', () => {
  it('leaves columns of steps not yet simulated transparent', () => {
    const img = createHeatmapImage(INFO);
    expect(paintHeatmap(img, batch([[10, 20]]))).toEqual({ x0: 0, x1: 1 });
    expect(pixel(img.data, 1, 0)[3]).toBe(0);
    expect(pixel(img.data, 0, 0)[3]).toBe(255);
  });

  it('paints only the new column when the run grows', () => {
    const img = createHeatmapImage(INFO);
    paintHeatmap(img, batch([[10, 20]]));
    const first = pixel(img.data, 0, 0);
    expect(
      paintHeatmap(
        img,
        batch([
          [10, 20],
          [11, 19],
        ]),
      ),
    ).toEqual({ x0: 1, x1: 2 });
    expect(pixel(img.data, 0, 0)).toEqual(first);
    expect(
      paintHeatmap(
        img,
        batch([
          [10, 20],
          [11, 19],
        ]),
      ),
    ).toBeNull();
  });

  it('repaints every column when the robust max moves by more than 25 %', () => {
    const img = createHeatmapImage(INFO);
    paintHeatmap(img, batch([[10, 20]]));
    const before = pixel(img.data, 0, 0);
    const dirty = paintHeatmap(
      img,
      batch([
        [10, 20],
        [200, 400],
        [300, 300],
      ]),
    );
    expect(dirty).toEqual({ x0: 0, x1: 3 });
    expect(pixel(img.data, 0, 0)).not.toEqual(before);
  });

  it('repaints when the first liquidation arrives, so the burn has a scale', () => {
    const img = createHeatmapImage(INFO);
    paintHeatmap(img, batch([[10, 20]]));
    const dirty = paintHeatmap(
      img,
      batch(
        [
          [10, 20],
          [10, 20],
        ],
        [
          [0, 0],
          [5, 0],
        ],
      ),
    );
    expect(dirty).toEqual({ x0: 0, x1: 2 });
    expect(img.paintedRealised).toBe(5);
  });
});

describe('a repaint spread over draws', () => {
  const LONG: RunInfo = { ...INFO, steps: 12 };
  /** Rows 0..n-1 of a 12-step run; step r has fuel `fuel(r)` in both buckets. */
  function run(n: number, fuel: (r: number) => number): FrameBatch {
    const f = createFrameBatch(12, 2);
    for (let r = 0; r < n; r++) {
      f.scalars.step[r] = r;
      f.buckets.predicted.set([fuel(r), fuel(r)], r * 2);
    }
    f.count = n;
    return f;
  }
  // Ten quiet steps, then two that move the robust max far past 25 %.
  const fuel = (r: number) => (r < 10 ? 10 : 1000);

  it('repaints at most the budget of stale rows at once, then the rest oldest first', () => {
    const img = createHeatmapImage(LONG);
    paintHeatmap(img, run(10, fuel), 3);
    expect(hasStale(img)).toBe(false);
    const f = run(12, fuel);
    // The new columns 10-11 and stale 0-2 change now (one range to copy, 0-12).
    expect(paintHeatmap(img, f, 3)).toEqual({ x0: 0, x1: 12 });
    expect(hasStale(img)).toBe(true);
    expect(repaintStale(img, f, 4)).toEqual({ x0: 3, x1: 7 });
    expect(repaintStale(img, f, 4)).toEqual({ x0: 7, x1: 10 });
    expect(hasStale(img)).toBe(false);
    expect(repaintStale(img, f, 4)).toBeNull();
  });

  it('ends with the same pixels as a repaint in one go', () => {
    const spread = createHeatmapImage(LONG);
    const whole = createHeatmapImage(LONG);
    for (const img of [spread, whole]) paintHeatmap(img, run(10, fuel));
    const f = run(12, fuel);
    paintHeatmap(spread, f, 0);
    paintHeatmap(whole, f);
    expect(spread.data).not.toEqual(whole.data);
    while (hasStale(spread)) repaintStale(spread, f, 3);
    expect(spread.data).toEqual(whole.data);
  });

  it('starts over from the oldest row when the scale drifts again mid-repaint', () => {
    const img = createHeatmapImage(LONG);
    const steep = (r: number) => (r < 10 ? 10 : r === 10 ? 1000 : 1e6);
    paintHeatmap(img, run(10, steep));
    paintHeatmap(img, run(11, steep), 2);
    repaintStale(img, run(11, steep), 2);
    const f = run(12, steep);
    paintHeatmap(img, f, 0);
    expect(img.paintedPredicted).toBeGreaterThan(1000);
    expect(repaintStale(img, f, 100)).toEqual({ x0: 0, x1: 11 });
    const whole = createHeatmapImage(LONG);
    paintHeatmap(whole, run(10, steep));
    paintHeatmap(whole, run(11, steep));
    paintHeatmap(whole, f);
    expect(img.data).toEqual(whole.data);
  });
});

describe('the burn’s own scale', () => {
  // Twenty ordinary $1M waves and one $80M auto-deleveraging step, one cell each.
  const waves = [...Array<number>(20).fill(1e6), 80e6];

  it('is not set by one huge step: ordinary waves stay near the top of the burn scale', () => {
    const ref = new RobustMaxTracker(BURN_QUANTILE);
    ref.addAll(waves);
    expect(burnIndex(1e6, ref.value())).toBeGreaterThan(0.9 * 255);
    // Against the 99th percentile (the fuel's scale) the outlier would set the reference and
    // leave the waves at a tenth of the scale.
    const fuelScale = new RobustMaxTracker(0.99);
    fuelScale.addAll(waves);
    expect(intensityIndex(1e6, fuelScale.value())).toBeLessThan(0.15 * 255);
  });

  it('paints an ordinary wave brighter than the visible minimum next to the outlier', () => {
    const info = { ...INFO, steps: waves.length, bucketCount: 1 };
    const f = createFrameBatch(waves.length, 1);
    waves.forEach((usd, r) => {
      f.scalars.step[r] = r;
      f.buckets.realised[r] = usd;
    });
    f.count = waves.length;
    const img = createHeatmapImage(info);
    paintHeatmap(img, f);
    const [r, g, b] = img.data.subarray(0, 3);
    const lightness = hcl(rgb(r, g, b)).l;
    expect(lightness).toBeGreaterThan(hcl(burnInterpolator(BURN_MIN_T)).l);
  });
});

describe('paintOpening', () => {
  it('paints the fuel before step 0 as one column on the fuel scale, nothing burnt', () => {
    const opening = batch([[0, 100]]);
    const column = paintOpening(opening, INFO);
    expect(column.height).toBe(2);
    expect(column.predictedMax).toBeGreaterThan(0);
    const expected = new Uint8ClampedArray(2 * 4);
    fillColumn(expected, 1, 2, 0, [0, 100], [0, 0], column.predictedMax, 1);
    expect([...column.data]).toEqual([...expected]);
    expect([...column.data.subarray(4, 8)]).toEqual(rgba(PALETTE.heatEmpty));
  });
});
