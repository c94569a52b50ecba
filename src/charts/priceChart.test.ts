// @vitest-environment happy-dom
/**
 * The price chart on the page while a long run streams: its lines in chunks of rows, of which a
 * draw only adds the new ones, and all of them again when the y axis rescales.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { createFrameBatch, type FrameBatch, type RunInfo } from '../engine/frame';
import { createManualScheduler } from '../shared/frameScheduler';
import type { Chart } from './chart';
import { createPriceChart } from './priceChart';

const STEPS = 1000;
const INFO: RunInfo = {
  steps: STEPS,
  bucketCount: 1,
  bucketLow: 50,
  bucketHigh: 150,
  startPrice: 100,
  openInterest: 1e6,
  liquidity: 1e6,
  shockStep: 10,
  shockSteps: 1,
};

/** A calm price around $100, or one that falls to $60 from step 600 (`fall`). */
function run(fall: boolean): FrameBatch {
  const f = createFrameBatch(STEPS, 1);
  const s = f.scalars;
  for (let r = 0; r < STEPS; r++) {
    const p = fall && r >= 600 ? 60 : 100 + Math.sin(r / 9);
    s.step[r] = r;
    for (const c of [s.close, s.mark, s.index, s.ghost, s.open]) c[r] = p;
    s.low[r] = p - 0.5;
    s.high[r] = p + 0.5;
  }
  return f;
}

let mounted: { chart: Chart; el: HTMLElement } | null = null;
afterEach(() => {
  mounted?.chart.destroy();
  mounted?.el.remove();
  mounted = null;
});

function mount() {
  const el = document.createElement('div');
  Object.defineProperty(el, 'clientWidth', { value: 800 });
  Object.defineProperty(el, 'clientHeight', { value: 360 });
  document.body.appendChild(el);
  const scheduler = createManualScheduler();
  const chart = createPriceChart(el, { scheduler });
  mounted = { chart, el };
  const show = (frames: FrameBatch, count: number) => {
    frames.count = count;
    chart.update(frames, INFO);
    scheduler.flush();
    return [...el.querySelectorAll('path.close')];
  };
  return { show };
}

describe('createPriceChart while a run streams', () => {
  it('keeps finished chunks and adds new ones as rows arrive', () => {
    const { show } = mount();
    const frames = run(false);
    expect(show(frames, 100)).toHaveLength(1);
    const first = show(frames, 300);
    // 128-row chunks: rows 0-128 and 128-256 are finished, the rest is the newest path.
    expect(first).toHaveLength(3);
    const later = show(frames, 700);
    expect(later).toHaveLength(6);
    expect(later.slice(0, 2)).toEqual(first.slice(0, 2));
    expect(later.slice(0, 2).map((p) => p.getAttribute('d'))).toEqual(
      first.slice(0, 2).map((p) => p.getAttribute('d')),
    );
    // Every chunk starts where the one before it ends.
    const ends = later.map((p) => p.getAttribute('d') ?? '');
    for (let k = 1; k < ends.length; k++) {
      const start = /^M([\d.]+),([\d.]+)/.exec(ends[k]);
      expect(start && ends[k - 1].endsWith(`L${start[1]},${start[2]}`)).toBe(true);
    }
  });

  it('redraws every chunk when the y axis rescales', () => {
    const { show } = mount();
    const frames = run(true);
    const before = show(frames, 590).map((p) => p.getAttribute('d'));
    const after = show(frames, 700).map((p) => p.getAttribute('d'));
    expect(after[0]).not.toBe(before[0]);
  });
});
