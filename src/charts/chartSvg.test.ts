// @vitest-environment happy-dom
/**
 * What the charts draw: each chart rendered into a DOM from the fixed trace at two sizes, its
 * SVG compared with a file in __snapshots__ (see __fixtures__/svgSnapshot.ts). The heatmap's
 * pixels are canvas, which happy-dom cannot draw: its SVG (axes, price, rings, legend) is
 * snapshotted here and its image model is tested in heatmapImage.test.ts.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { createFrameBatch, sliceFrameBatch, type FrameBatch, type RunInfo } from '../engine/frame';
import type { BaseChartOptions, Chart } from './chart';
import { createDepthChart } from './depthChart';
import { createHeatmapChart } from './heatmapChart';
import { createPriceChart } from './priceChart';
import { createManualScheduler } from '../shared/frameScheduler';
import { TRACE_INFO, makeTrace } from './__fixtures__/trace';
import { compareSvgSnapshot, serializeSvg } from './__fixtures__/svgSnapshot';

type Factory = (el: HTMLElement, options: BaseChartOptions) => Chart;

const mounted: { chart: Chart; el: HTMLElement }[] = [];

afterEach(() => {
  for (const { chart, el } of mounted.splice(0)) {
    chart.destroy();
    el.remove();
  }
});

/** A container of a fixed size: happy-dom does no layout, so clientWidth/Height are set here. */
function container(width: number, height: number): HTMLElement {
  const el = document.createElement('div');
  Object.defineProperty(el, 'clientWidth', { value: width });
  Object.defineProperty(el, 'clientHeight', { value: height });
  document.body.appendChild(el);
  return el;
}

/** Mounts a chart, gives it the frames and runs its one animation frame; returns its root. */
function render(
  create: Factory,
  frames: FrameBatch,
  info: RunInfo,
  width: number,
  height: number,
): HTMLElement {
  const el = container(width, height);
  const scheduler = createManualScheduler();
  const chart = create(el, { scheduler });
  mounted.push({ chart, el });
  chart.update(frames, info);
  scheduler.flush();
  expect(scheduler.pending).toBe(0);
  return el;
}

function svgOf(el: HTMLElement): SVGSVGElement {
  const svg = el.querySelector('svg');
  if (!svg) throw new Error('the chart drew no SVG');
  return svg;
}

const CASES: { name: string; create: Factory; rows?: number; width: number; height: number }[] = [
  { name: 'priceChart.640x320', create: createPriceChart, width: 640, height: 320 },
  { name: 'priceChart.320x240', create: createPriceChart, width: 320, height: 240 },
  { name: 'heatmapChart.640x360', create: createHeatmapChart, width: 640, height: 360 },
  { name: 'heatmapChart.320x300', create: createHeatmapChart, width: 320, height: 300 },
  { name: 'depthChart.640x360', create: createDepthChart, rows: 9, width: 640, height: 360 },
  { name: 'depthChart.320x280', create: createDepthChart, width: 320, height: 280 },
];

describe('chart SVG snapshots', () => {
  for (const c of CASES) {
    const what = c.rows ? `the trace's first ${c.rows} steps` : 'the fixed trace';
    it(`draws ${what} as before (${c.name}.svg)`, () => {
      const el = render(c.create, makeTrace(c.rows), TRACE_INFO, c.width, c.height);
      const svg = svgOf(el);
      expect(svg.getAttribute('viewBox')).toBe(`0 0 ${c.width} ${c.height}`);
      const result = compareSvgSnapshot(c.name, serializeSvg(svg));
      expect(result, `see src/charts/__snapshots__/${c.name}-changed.svg`).not.toMatch(
        /changed|missing/,
      );
    });
  }
});

describe('serializeSvg', () => {
  it('renumbers generated ids in order of appearance, with their references', () => {
    const first = render(createPriceChart, makeTrace(), TRACE_INFO, 640, 320);
    const second = render(createPriceChart, makeTrace(), TRACE_INFO, 640, 320);
    const a = svgOf(first);
    const b = svgOf(second);
    // Two instances get different raw ids, yet serialise the same.
    expect(a.querySelector('clipPath')?.id).not.toBe(b.querySelector('clipPath')?.id);
    const text = serializeSvg(a);
    expect(text).toBe(serializeSvg(b));
    expect(text).toContain('id="price-clip-1"');
    expect(text).toContain('clip-path="url(#price-clip-1)"');
    expect(text).not.toMatch(/price-clip-(?!1")(?!1\))\d/);
  });
});

describe('the charts in a DOM', () => {
  it('label the chart for screen readers once it has drawn', () => {
    const el = render(createPriceChart, makeTrace(), TRACE_INFO, 640, 320);
    const root = el.querySelector('[role="img"]');
    expect(root?.getAttribute('aria-label')).not.toMatch(/waiting/);
  });

  it('remove everything they added on destroy', () => {
    const el = container(640, 360);
    const scheduler = createManualScheduler();
    const chart = createHeatmapChart(el, { scheduler });
    chart.update(makeTrace(), TRACE_INFO);
    scheduler.flush();
    expect(el.childElementCount).toBe(1);
    chart.destroy();
    expect(el.childElementCount).toBe(0);
    el.remove();
  });

  it('draw nothing into a container too small to hold a plot', () => {
    const el = render(createPriceChart, makeTrace(), TRACE_INFO, 6, 6);
    expect(svgOf(el).querySelector('.lines path.close')?.getAttribute('d') ?? null).toBeNull();
  });

  it('show the opening before the first step, and the run once its frames come', () => {
    const opening = sliceFrameBatch(makeTrace(1), 0, 1);
    const empty = createFrameBatch(TRACE_INFO.steps, TRACE_INFO.bucketCount);
    for (const create of [createHeatmapChart, createDepthChart] as Factory[]) {
      const el = container(640, 360);
      const scheduler = createManualScheduler();
      const chart = create(el, { scheduler });
      mounted.push({ chart, el });
      chart.setOpening?.(opening);
      chart.update(empty, TRACE_INFO);
      scheduler.flush();
      const label = () => el.querySelector('[role="img"]')?.getAttribute('aria-label') ?? '';
      expect(label()).toMatch(/ before minute 0 of 24: /);
      chart.update(makeTrace(3), TRACE_INFO);
      scheduler.flush();
      expect(label()).toMatch(/ after 3 of 24 minutes/);
    }
  });
});
