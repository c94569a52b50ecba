// @vitest-environment happy-dom
/**
 * A chart drawn as a run streams in batches ends the same as one drawn from the whole history
 * at once: the heatmap's pixels (the columns copied to its canvas after each paint, against a
 * full repaint with the references in use) and the heatmap's and depth chart's SVG (the close
 * price and the depletion series drawn in chunks, axes and legend skipped while unchanged).
 */

import { afterEach, describe, expect, it } from 'vitest';
import { bucketRow, createFrameBatch, type FrameBatch, type RunInfo } from '../engine/frame';
import type { BaseChartOptions, Chart } from './chart';
import { createDepthChart } from './depthChart';
import { createHeatmapChart } from './heatmapChart';
import {
  createHeatmapImage,
  fillColumn,
  hasStale,
  paintHeatmap,
  repaintStale,
  type DirtyColumns,
  type HeatmapImage,
} from './heatmapImage';
import { createManualScheduler } from '../shared/frameScheduler';
import { serializeSvg } from './__fixtures__/svgSnapshot';

const INFO: RunInfo = {
  steps: 700,
  bucketCount: 16,
  bucketLow: 80,
  bucketHigh: 120,
  startPrice: 100,
  openInterest: 1e7,
  liquidity: 1e6,
  shockStep: 100,
  shockSteps: 5,
};

/** A long run; `growth` > 0 makes the fuel grow, so the colour scale drifts and repaints. */
function longRun(growth = 0): FrameBatch {
  const b = INFO.bucketCount;
  const f = createFrameBatch(INFO.steps, b);
  const s = f.scalars;
  for (let r = 0; r < INFO.steps; r++) {
    const close = 100 + 8 * Math.sin(r / 40);
    s.step[r] = r;
    s.close[r] = close;
    s.depletion[r] = r % 97 === 5 ? Number.NaN : 0.3 + 0.25 * Math.sin(r / 25);
    s.bidDepth[r] = 1e6;
    s.askDepth[r] = 1e6;
    const at = Math.floor(((close - INFO.bucketLow) / (INFO.bucketHigh - INFO.bucketLow)) * b);
    for (let i = 0; i < b; i++) {
      const k = r * b + i;
      f.buckets.predicted[k] = (i + 1) * 1000 * (1 + growth * r);
      f.buckets.realised[k] = r % 7 === 0 && i === at ? 5000 : 0;
      f.buckets.baseline[k] = 50_000;
      f.buckets.bid[k] = i < at ? 40_000 : 0;
      f.buckets.ask[k] = i >= at ? 45_000 : 0;
    }
  }
  f.count = INFO.steps;
  return f;
}

/** Batch ends that vary in size, like the worker's (1 to 97 rows). */
function batchEnds(total: number): number[] {
  const ends: number[] = [];
  for (let n = 0, k = 0; n < total; k++) {
    n = Math.min(total, n + 1 + ((k * 37) % 97));
    ends.push(n);
  }
  return ends;
}

/** The run's first `n` rows as the history the store holds (shared columns, a smaller count). */
const upTo = (f: FrameBatch, n: number): FrameBatch => ({ ...f, count: n });

/** The first index where two byte arrays differ, or -1 (toEqual is slow on 45,000 bytes). */
function firstDifference(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe('the heatmap painted column by column', () => {
  /** What a canvas holds that gets only the dirty columns of each paint. */
  function copyDirty(img: HeatmapImage, canvas: Uint8ClampedArray, d: DirtyColumns | null) {
    if (!d) return;
    for (let y = 0; y < img.height; y++) {
      const o = (y * img.width + d.x0) * 4;
      canvas.set(img.data.subarray(o, o + (d.x1 - d.x0) * 4), o);
    }
  }
  /** Every row painted in one go with the references `img` uses now. */
  function fullRepaint(img: HeatmapImage, f: FrameBatch): Uint8ClampedArray {
    const data = new Uint8ClampedArray(img.data.length);
    for (let r = 0; r < f.count; r++) {
      const p = bucketRow(f, 'predicted', r);
      const q = bucketRow(f, 'realised', r);
      fillColumn(data, img.width, img.height, r, p, q, img.paintedPredicted, img.paintedRealised);
    }
    return data;
  }

  for (const growth of [0, 0.01]) {
    it(`equals a full repaint after every batch once no repaint is pending (growth ${growth})`, () => {
      const run = longRun(growth);
      const img = createHeatmapImage(INFO);
      const canvas = new Uint8ClampedArray(img.data.length);
      let repaints = 0;
      for (const n of batchEnds(INFO.steps)) {
        const f = upTo(run, n);
        copyDirty(img, canvas, paintHeatmap(img, f, 0));
        if (hasStale(img)) repaints++;
        // The chart repaints a few milliseconds' worth of stale columns per frame.
        while (hasStale(img)) copyDirty(img, canvas, repaintStale(img, f, 64));
        expect(firstDifference(canvas, img.data)).toBe(-1);
        expect(firstDifference(img.data, fullRepaint(img, f))).toBe(-1);
      }
      // The growing fuel did make the scale drift (and the steady one did not).
      expect(repaints > 0).toBe(growth > 0);
    });
  }
});

describe('charts drawn as the run streams', () => {
  const mounted: { chart: Chart; el: HTMLElement }[] = [];
  afterEach(() => {
    for (const { chart, el } of mounted.splice(0)) {
      chart.destroy();
      el.remove();
    }
  });

  function mount(create: (el: HTMLElement, o: BaseChartOptions) => Chart) {
    const el = document.createElement('div');
    Object.defineProperty(el, 'clientWidth', { value: 640 });
    Object.defineProperty(el, 'clientHeight', { value: 360 });
    document.body.appendChild(el);
    const scheduler = createManualScheduler();
    const chart = create(el, { scheduler });
    mounted.push({ chart, el });
    return { chart, scheduler, svg: () => serializeSvg(el.querySelector('svg') as SVGSVGElement) };
  }

  const charts = { heatmap: createHeatmapChart, depth: createDepthChart };
  for (const [name, create] of Object.entries(charts)) {
    it(`${name}: the same SVG as a chart drawn from the whole history at once`, () => {
      const run = longRun();
      const streamed = mount(create);
      for (const n of batchEnds(INFO.steps)) {
        streamed.chart.update(upTo(run, n), INFO);
        streamed.scheduler.flush();
      }
      const whole = mount(create);
      whole.chart.update(run, INFO);
      whole.scheduler.flush();
      const text = streamed.svg();
      // Drawn in chunks: 700 rows make several paths of each line.
      expect(text.match(/<path/g)?.length ?? 0).toBeGreaterThanOrEqual(6);
      expect(text).toBe(whole.svg());
    });
  }
});
