import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/params';
import {
  compareMaps,
  evenTiers,
  type MapGap,
  TerminalEstimate,
  trueTiers,
  type AssumedTier,
} from './estimate';
import { SCALAR_COLUMNS, BUCKET_COLUMNS } from './frame';
import { LiquidationMap, type PositionSide } from './positions';
import { runScenario } from './run';
import { makeSide, type PositionSpec } from './testing';
import { LEVERAGE_STEPS } from './tiers';
import type { Scenario } from './types';

const GRID = { low: 30_000, high: 90_000, count: 160 };

function estimate(tiers: AssumedTier[], halfLife = Infinity, longShare = 0.5) {
  return new TerminalEstimate(GRID.low, GRID.high, GRID.count, { tiers, halfLife, longShare });
}

/** Positions of one side, with their liquidation prices in `map`. */
function side(sign: 1 | -1, specs: PositionSpec[], map: LiquidationMap): PositionSide {
  return makeSide(sign, specs, map);
}

/** Liquidates, as the engine does on a mark of `price`, every position it breaches. */
function breach(s: PositionSide, price: number): void {
  for (let i = s.nextBreached(price); i >= 0; i = s.nextBreached(price)) s.reduce(i, Infinity);
}

function expectSameMap(actual: Float64Array, expected: Float64Array): void {
  const scale = Math.max(...expected);
  expect(scale).toBeGreaterThan(0);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i]), `bucket ${i}`).toBeLessThanOrEqual(1e-9 * scale);
  }
}

/** Small accounts (the first margin tier), entries around 60,000. */
const positions = (leverage: number) =>
  fc.array(
    fc.record({
      qty: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
      entry: fc.double({ min: 50_000, max: 70_000, noNaN: true }),
      leverage: fc.constant(leverage),
    }),
    { minLength: 1, maxLength: 40 },
  );

describe('the terminal estimate, when it knows the entries and the true leverages', () => {
  it('is the true liquidation map, and stays it as the price trades through levels', () => {
    const lev = fc.constantFrom(...LEVERAGE_STEPS.filter((l) => l >= 2));
    fc.assert(
      fc.property(
        lev.chain((l) => fc.tuple(positions(l), positions(l))),
        fc.double({ min: 40_000, max: 60_000, noNaN: true }),
        fc.double({ min: 60_000, max: 80_000, noNaN: true }),
        ([longSpecs, shortSpecs], low, high) => {
          const truth = new LiquidationMap(GRID.low, GRID.high, GRID.count);
          const longs = side(1, longSpecs, truth);
          const shorts = side(-1, shortSpecs, truth);
          // At 2× every level can fall off the 30k–90k grid (a long from 50,000 liquidates at
          // 25,100, a short from 60,240 at 90,000): such a draw has no map to compare.
          fc.pre(truth.notional.some((v) => v > 0));
          const tiers = trueTiers([longs, shorts]);
          expect(tiers).toHaveLength(1);
          const e = estimate(tiers);
          for (const p of longSpecs) e.open(1, p.entry, p.qty);
          for (const p of shortSpecs) e.open(-1, p.entry, p.qty);
          expectSameMap(e.notional, truth.notional);
          // A candle down to `low` and up to `high` consumes what the mark there liquidates.
          breach(longs, low);
          breach(shorts, high);
          e.observe(low, high, 60_000, NaN);
          for (let i = 0; i < GRID.count; i++) {
            expect(Math.abs(e.notional[i] - truth.notional[i])).toBeLessThanOrEqual(
              1e-9 * Math.max(1, ...truth.notional),
            );
          }
        },
      ),
      { numRuns: 60, interruptAfterTimeLimit: 10_000 },
    );
  });

  it('reads the true mix of leverages and margin tiers, weighted by notional', () => {
    const map = new LiquidationMap(GRID.low, GRID.high, GRID.count);
    const longs = side(
      1,
      [
        { qty: 0.5, entry: 60_000, leverage: 10 },
        { qty: 0.25, entry: 60_000, leverage: 25 },
      ],
      map,
    );
    const shorts = side(-1, [{ qty: 0.25, entry: 60_000, leverage: 10 }], map);
    expect(trueTiers([longs, shorts])).toEqual([
      { leverage: 10, mmr: 0.004, weight: 0.75 },
      { leverage: 25, mmr: 0.004, weight: 0.25 },
    ]);
  });
});

describe('levels on the estimated map', () => {
  const tenX = evenTiers([10]);
  // A 10× long opened at 60,000 at the first tier's rate: liquidation at 54,216.87.
  const LONG_LEVEL = (60_000 * 0.9) / 0.996;

  it('are consumed once a candle trades through them, and not before', () => {
    const e = estimate(tenX);
    e.open(1, 60_000, 1);
    e.observe(LONG_LEVEL + 1, 61_000, 60_000, NaN);
    expect(e.notional.reduce((a, b) => a + b)).toBeCloseTo(LONG_LEVEL, 6);
    e.observe(LONG_LEVEL, 61_000, 60_000, NaN);
    expect(e.notional.every((v) => v === 0)).toBe(true);
  });

  it('come from a rise in open interest, split by the assumed long share; a fall adds none', () => {
    const e = estimate(tenX, Infinity, 0.75);
    e.observe(60_000, 60_000, 60_000, 10); // the first reading: no change to read
    expect(e.notional.every((v) => v === 0)).toBe(true);
    e.observe(60_000, 60_000, 60_000, 14); // 4 units opened at 60,000
    const shortLevel = (60_000 * 1.1) / 1.004;
    const total = e.notional.reduce((a, b) => a + b);
    expect(total).toBeCloseTo(3 * LONG_LEVEL + 1 * shortLevel, 6);
    e.observe(60_000, 60_000, 60_000, 12);
    expect(e.notional.reduce((a, b) => a + b)).toBeCloseTo(total, 6);
  });

  it('fade with age: half of a level is left after a half-life', () => {
    const e = estimate(tenX, 100);
    e.open(1, 60_000, 1);
    e.observe(60_000, 60_000, 60_000, NaN);
    const first = e.notional.reduce((a, b) => a + b);
    for (let t = 0; t < 100; t++) e.observe(60_000, 60_000, 60_000, NaN);
    expect(e.notional.reduce((a, b) => a + b) / first).toBeCloseTo(0.5, 9);
  });

  it('are seeded from the price history, without those a later price traded through', () => {
    // Two candles open interest at 60,000 and 50,000, then the price falls to 49,000: the
    // first candle's long level (54,217) was traded through, the second's (45,181) was not.
    const e = estimate(tenX, Infinity, 1);
    e.seedHistory(Float64Array.from([61_000, 60_000, 50_000, 49_000]), 49_000);
    const total = e.notional.reduce((a, b) => a + b);
    const second = (49_000 / 50_000) * ((50_000 * 0.9) / 0.996);
    const third = (49_000 / 49_000) * ((49_000 * 0.9) / 0.996);
    expect(total).toBeCloseTo(second + third, 6);
  });
});

describe('what an estimate misses and invents', () => {
  const grid = { low: 0, high: 100 };
  const out: MapGap = { miss: 0, invent: 0 };

  it('is nothing for the truth itself, at any scale', () => {
    const truth = [0, 1, 2, 3, 4, 5, 4, 3, 2, 1];
    const scaled = truth.map((v) => v * 7);
    expect(compareMaps(truth, scaled, grid, 50, 0.5, out)).toEqual({ miss: 0, invent: 0 });
  });

  it('is everything for fuel in other places', () => {
    const truth = [0, 0, 0, 0, 5, 5, 0, 0, 0, 0];
    const elsewhere = [0, 0, 0, 5, 0, 0, 5, 0, 0, 0];
    expect(compareMaps(truth, elsewhere, grid, 50, 0.35, out)).toEqual({ miss: 1, invent: 1 });
  });

  it('counts only the buckets whose centre lies within the band', () => {
    // Band 40..60: buckets 4 and 5 (centres 45, 55); the estimate's fuel at 35 is outside.
    const truth = [0, 0, 0, 0, 2, 2, 0, 0, 0, 0];
    const estimateMap = [0, 0, 0, 2, 0, 2, 0, 0, 0, 0];
    compareMaps(truth, estimateMap, grid, 50, 0.2, out);
    expect(out.miss).toBeCloseTo(0.5, 12);
    expect(out.invent).toBe(0);
  });

  it('stays within [0, 1] for any two maps', () => {
    const map = fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), {
      minLength: 10,
      maxLength: 10,
    });
    fc.assert(
      fc.property(map, map, fc.double({ min: 1, max: 99, noNaN: true }), (t, e, price) => {
        compareMaps(t, e, grid, price, 0.1, out);
        return out.miss >= 0 && out.miss <= 1 && out.invent >= 0 && out.invent <= 1;
      }),
      { numRuns: 300, interruptAfterTimeLimit: 5_000 },
    );
  });
});

describe('the estimate in a run', () => {
  const base: Scenario = { ...defaultScenario(), positions: 2000, steps: 120, shockStep: 20 };

  it('scores every step within [0, 1] and reports the means', () => {
    const { frames, report } = runScenario(base);
    const columns = ['estimateMiss5', 'estimateInvent5', 'estimateMiss10', 'estimateInvent10'];
    for (const c of columns) {
      const col = frames.scalars[c as (typeof SCALAR_COLUMNS)[number]];
      for (let i = 0; i < frames.count; i++) {
        expect(col[i], `${c}[${i}]`).toBeGreaterThanOrEqual(0);
        expect(col[i], `${c}[${i}]`).toBeLessThanOrEqual(1);
      }
    }
    const mean = (c: Float64Array) => c.reduce((a, b) => a + b) / frames.count;
    expect(report.estimateMissShare).toBeCloseTo(mean(frames.scalars.estimateMiss5), 12);
    expect(report.estimateInventShare10).toBeCloseTo(mean(frames.scalars.estimateInvent10), 12);
    // The common terminal setting misplaces fuel at the defaults.
    expect(report.estimateMissShare).toBeGreaterThan(0);
  });

  it('changes nothing but the estimate: the assumed tiers leave every other figure', () => {
    const a = runScenario({ ...base, estimateTiers: 'common' });
    const b = runScenario({ ...base, estimateTiers: 'true' });
    const estimateColumns = new Set<string>([
      'estimateMiss5',
      'estimateInvent5',
      'estimateMiss10',
      'estimateInvent10',
      'estimated',
    ]);
    for (const c of SCALAR_COLUMNS) {
      if (!estimateColumns.has(c)) expect(b.frames.scalars[c], c).toEqual(a.frames.scalars[c]);
    }
    for (const c of BUCKET_COLUMNS) {
      if (!estimateColumns.has(c)) expect(b.frames.buckets[c], c).toEqual(a.frames.buckets[c]);
    }
    expect(b.frames.buckets.estimated).not.toEqual(a.frames.buckets.estimated);
    for (const [k, v] of Object.entries(a.report)) {
      if (!k.startsWith('estimate')) expect(b.report[k as keyof typeof a.report], k).toEqual(v);
    }
  });
});
