import { describe, expect, it } from 'vitest';
import {
  RobustMaxTracker,
  chartFontSize,
  deoverlap,
  labelWidth,
  paddedDomain,
  tickCount,
} from './scales';

describe('tickCount', () => {
  it('fits fewer ticks on a phone than on a projector', () => {
    const label = labelWidth('$54.2k', 12);
    expect(tickCount(260, label)).toBe(3);
    expect(tickCount(1300, label)).toBe(10);
  });

  it('never asks for fewer than 2 or more than the maximum', () => {
    expect(tickCount(10, 50)).toBe(2);
    expect(tickCount(0, 50)).toBe(2);
    expect(tickCount(10_000, 10, 10, 8)).toBe(8);
  });

  it('keeps labels from overlapping: count × (label + gap) fits the length', () => {
    for (const len of [200, 320, 640, 1400]) {
      const n = tickCount(len, 40, 24);
      if (n > 2) expect(n * (40 + 24)).toBeLessThanOrEqual(len);
    }
  });

  it('grows the font with the width', () => {
    expect(chartFontSize(320)).toBeLessThan(chartFontSize(1400));
  });
});

/** The exact `q` quantile of the positive values: the oracle the tracker approximates. */
function exactRobustMax(values: readonly number[], q = 0.99): number {
  const pos = values.filter((v) => v > 0 && Number.isFinite(v)).sort((a, b) => a - b);
  if (pos.length === 0) return 0;
  return pos[Math.min(pos.length - 1, Math.max(0, Math.ceil(q * pos.length) - 1))];
}

describe('RobustMaxTracker', () => {
  it('tracks the 99th percentile of the positive values: one outlier and zeros do not move it', () => {
    const t = new RobustMaxTracker();
    t.addAll([...Array.from({ length: 199 }, (_, i) => i + 1), 1e9, 0, 0, 0]);
    expect(exactRobustMax([...Array.from({ length: 199 }, (_, i) => i + 1), 1e9])).toBe(198);
    expect(t.value()).toBeGreaterThanOrEqual(198);
    expect(t.value()).toBeLessThanOrEqual(198 * 1.0906);
  });

  it('is 0 when nothing is positive', () => {
    const t = new RobustMaxTracker();
    t.addAll([0, -1, Number.NaN, Number.POSITIVE_INFINITY]);
    expect(t.value()).toBe(0);
  });

  it('stays within 9 % above the exact 99th percentile as values stream in', () => {
    const t = new RobustMaxTracker();
    const all: number[] = [];
    let seed = 7;
    for (let batch = 0; batch < 20; batch++) {
      const chunk = Array.from({ length: 50 }, () => {
        seed = (seed * 16807) % 2147483647;
        return (seed / 2147483647) ** 3 * 1e6;
      });
      t.addAll(chunk);
      all.push(...chunk);
      const exact = exactRobustMax(all);
      expect(t.value()).toBeGreaterThanOrEqual(exact);
      expect(t.value()).toBeLessThanOrEqual(exact * 1.0906);
    }
    expect(t.count).toBe(1000);
  });

  it('never reports more than the largest value seen', () => {
    const t = new RobustMaxTracker();
    t.addAll([3, 3, 3]);
    expect(t.value()).toBe(3);
  });
});

describe('deoverlap', () => {
  it('leaves labels that are far enough apart where they are', () => {
    expect(deoverlap([10, 50, 90], 12)).toEqual([10, 50, 90]);
  });

  it('spreads colliding labels symmetrically around where they wanted to be', () => {
    expect(deoverlap([100, 101], 12)).toEqual([94.5, 106.5]);
  });

  it('keeps the input order and at least the gap between every pair', () => {
    const wanted = [50, 48, 52, 49, 200, 51];
    const got = deoverlap(wanted, 10);
    const sorted = [...got].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(9.999);
    expect(got[4]).toBe(200);
    expect(got[1]).toBeLessThan(got[3]);
  });

  it('pushes a group back inside its bounds', () => {
    const got = deoverlap([0, 1, 2], 10, 0, 100);
    expect(got).toEqual([0, 10, 20]);
  });
});

describe('paddedDomain', () => {
  it('pads a range by 5 % on each side', () => {
    expect(paddedDomain(90, 110)).toEqual([89, 111]);
  });

  it('gives a flat price a span of 0.2 % of its level, not a zero-height axis', () => {
    const [lo, hi] = paddedDomain(100, 100);
    expect(hi - lo).toBeCloseTo(0.22, 6);
  });

  it('falls back to [0, 1] for non-finite input', () => {
    expect(paddedDomain(Infinity, -Infinity)).toEqual([0, 1]);
  });
});
