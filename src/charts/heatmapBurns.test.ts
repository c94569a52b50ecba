import { describe, expect, it } from 'vitest';
import { createFrameBatch, type FrameBatch, type RunInfo } from '../engine/frame';
import { TRACE_INFO, makeTrace } from './__fixtures__/trace';
import {
  MAX_RINGS,
  RING_MAX_SCALE,
  RING_MIN_RADIUS,
  addStepBurns,
  burnRings,
  createStepBurns,
  niceFloor,
  ringRadius,
} from './heatmapBurns';
import { stepBurnsOf } from './__fixtures__/burns';

const INFO: RunInfo = {
  ...TRACE_INFO,
  steps: 1000,
  bucketCount: 4,
  bucketLow: 90,
  bucketHigh: 110,
};

/** `totals[step]` liquidated in bucket 1 ($95-$100), or split across buckets 1 and 3. */
function burnt(totals: number[], split = false): FrameBatch {
  const f = createFrameBatch(totals.length, 4);
  totals.forEach((usd, r) => {
    f.scalars.step[r] = r;
    f.buckets.realised[r * 4 + 1] = split ? usd / 2 : usd;
    if (split) f.buckets.realised[r * 4 + 3] = usd / 2;
  });
  f.count = totals.length;
  return f;
}

const identity = (v: number): number => v;

describe('step burns', () => {
  it('sums a step across its buckets and weighs its price by notional', () => {
    const acc = stepBurnsOf(burnt([0, 100], true), INFO);
    expect(acc.total[1]).toBe(100);
    // Half at $97.50 (bucket 1's middle), half at $107.50 (bucket 3's).
    expect(acc.priceSum[1] / acc.total[1]).toBe(102.5);
  });

  it('adds only the rows that arrived since the last call', () => {
    const acc = createStepBurns(INFO);
    const f = burnt([10, 20, 30]);
    f.count = 2;
    expect(addStepBurns(acc, f, INFO)).toBe(true);
    expect(addStepBurns(acc, f, INFO)).toBe(false);
    f.count = 3;
    expect(addStepBurns(acc, f, INFO)).toBe(true);
    expect([...acc.total.subarray(0, 3)]).toEqual([10, 20, 30]);
    expect(acc.ref.count).toBe(3);
  });

  it('agrees with the fixed trace’s liquidations, step by step', () => {
    const acc = stepBurnsOf(makeTrace(), TRACE_INFO);
    const s = makeTrace().scalars;
    for (let r = 0; r < 24; r++) expect(acc.total[r]).toBeCloseTo(s.liqLong[r], 0);
  });
});

describe('rings', () => {
  it('gives area in proportion to USD, within the ring limits', () => {
    expect(ringRadius(4e6, 1e6, 5) / ringRadius(1e6, 1e6, 5)).toBeCloseTo(2);
    expect(ringRadius(1e9, 1e6, 5)).toBe(5 * RING_MAX_SCALE);
    expect(ringRadius(1, 1e6, 5)).toBe(RING_MIN_RADIUS);
    expect(ringRadius(0, 1e6, 5)).toBe(0);
  });

  it('keeps ordinary waves full-size next to an auto-deleveraging outlier', () => {
    // Twenty $1M waves and one $80M step: the reference is the waves, not the outlier.
    const acc = stepBurnsOf(burnt([...Array<number>(20).fill(1e6), 80e6]), INFO);
    const rings = burnRings(acc, identity, identity, 6);
    const wave = rings.find((r) => r.step === 0);
    expect(wave?.r).toBeGreaterThan(5);
    expect(rings[0]).toMatchObject({ step: 20, r: 6 * RING_MAX_SCALE });
  });

  it('skips trickles below a small share of the reference', () => {
    const acc = stepBurnsOf(burnt([1e6, 1e6, 1e6, 100]), INFO);
    expect(burnRings(acc, identity, identity, 6).map((r) => r.step)).toEqual([0, 1, 2]);
  });

  it(`draws at most ${MAX_RINGS} rings, the largest`, () => {
    const totals = Array.from({ length: 1000 }, (_, i) => 1e6 + i);
    const rings = burnRings(stepBurnsOf(burnt(totals), INFO), identity, identity, 6);
    expect(rings).toHaveLength(MAX_RINGS);
    expect(Math.min(...rings.map((r) => r.step))).toBe(1000 - MAX_RINGS);
  });

  it('places a ring at the middle of its step’s column and at its price', () => {
    const [ring] = burnRings(stepBurnsOf(burnt([0, 0, 5e5]), INFO), identity, identity, 6);
    expect(ring).toMatchObject({ step: 2, cx: 2.5, cy: 97.5, price: 97.5, usd: 5e5 });
  });
});

describe('niceFloor', () => {
  it('rounds down to 1, 2 or 5 times a power of ten', () => {
    expect(niceFloor(4_300_000)).toBe(2_000_000);
    expect(niceFloor(1_200_000)).toBe(1_000_000);
    expect(niceFloor(7_700)).toBe(5_000);
    expect(niceFloor(5e6)).toBe(5e6);
    expect(niceFloor(0)).toBe(0);
  });
});
