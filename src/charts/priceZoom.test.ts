// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createManualScheduler } from '../shared/frameScheduler';
import { TRACE_INFO, makeTrace } from './__fixtures__/trace';
import type { Chart } from './chart';
import { MIN_SPAN } from './crosshair';
import { createPriceChart } from './priceChart';
import { brushSpan } from './priceZoom';

const PLOT = { x: 100, y: 0, width: 500, height: 200 };

describe('brushSpan', () => {
  it('gives the minutes between the two ends, whichever way the drag went', () => {
    expect(brushSpan(PLOT, [0, 1000], 1000, 200, 350)).toEqual([200, 500]);
    expect(brushSpan(PLOT, [0, 1000], 1000, 350, 200)).toEqual([200, 500]);
    // Inside a zoom: shares of the span shown.
    expect(brushSpan(PLOT, [100, 200], 1000, 100, 350)).toEqual([100, 150]);
  });

  it('stays inside the plot and the run, and no narrower than a zoom may be', () => {
    expect(brushSpan(PLOT, [0, 1000], 1000, 0, 150)).toEqual([0, 100]);
    const narrow = brushSpan(PLOT, [0, 1000], 1000, 300, 301);
    expect(narrow && narrow[1] - narrow[0]).toBe(MIN_SPAN);
    expect(brushSpan(PLOT, [0, 1000], 1000, 50, 700)).toBeNull(); // all of it: not zoomed
  });
});

let mounted: { chart: Chart; el: HTMLElement } | null = null;
afterEach(() => {
  mounted?.chart.destroy();
  mounted?.el.remove();
  mounted = null;
});

/** The chart on the fixed trace; `ticks()` reads the x axis' labels. */
function mount() {
  const el = document.createElement('div');
  Object.defineProperty(el, 'clientWidth', { value: 640 });
  Object.defineProperty(el, 'clientHeight', { value: 320 });
  document.body.appendChild(el);
  const scheduler = createManualScheduler();
  const chart = createPriceChart(el, { scheduler });
  mounted = { chart, el };
  chart.update(makeTrace(), TRACE_INFO);
  scheduler.flush();
  const root = el.querySelector<HTMLElement>('.cascade-chart-price');
  const hit = el.querySelector<SVGRectElement>('svg > rect[style*="crosshair"]');
  if (!root || !hit) throw new Error('no chart');
  const ticks = () => {
    scheduler.flush();
    return [...el.querySelectorAll('.x-axis text.tick')].map((t) => t.textContent);
  };
  return { root, hit, ticks };
}

const key = (el: HTMLElement, k: string) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
const pointer = (el: Element, type: string, clientX: number) =>
  el.dispatchEvent(
    new PointerEvent(type, {
      clientX,
      pointerId: 1,
      pointerType: 'mouse',
      button: 0,
      bubbles: true,
    }),
  );

describe('price chart zoom', () => {
  it('is focusable and zooms in and out with + and −, and back with 0', () => {
    const { root, ticks } = mount();
    expect(root.tabIndex).toBe(0);
    const whole = ticks();
    expect(key(root, '+')).toBe(false); // handled: the page does not see it
    const zoomed = ticks();
    expect(zoomed).not.toEqual(whole);
    key(root, '-');
    expect(ticks()).toEqual(whole);
    key(root, '+');
    key(root, '0');
    expect(ticks()).toEqual(whole);
  });

  it('zooms to a range dragged across the plot; a double click shows the whole run', () => {
    const { hit, ticks } = mount();
    const whole = ticks();
    const x = Number(hit.getAttribute('x'));
    const w = Number(hit.getAttribute('width'));
    pointer(hit, 'pointerdown', x + w * 0.25);
    pointer(hit, 'pointermove', x + w * 0.75);
    pointer(hit, 'pointerup', x + w * 0.75);
    const zoomed = ticks();
    expect(zoomed).not.toEqual(whole);
    // Minutes 6 to 18 of 24 fill the axis.
    expect(Number(zoomed[0])).toBeGreaterThanOrEqual(6);
    expect(Number(zoomed.at(-1))).toBeLessThanOrEqual(18);
    hit.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    expect(ticks()).toEqual(whole);
  });

  it('takes a click without a drag as no zoom', () => {
    const { hit, ticks } = mount();
    const whole = ticks();
    const x = Number(hit.getAttribute('x'));
    pointer(hit, 'pointerdown', x + 100);
    pointer(hit, 'pointerup', x + 102);
    expect(ticks()).toEqual(whole);
  });
});
