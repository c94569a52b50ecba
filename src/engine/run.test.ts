import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from '../scenario/arbitrary';
import { defaultScenario } from '../scenario/params';
import { BUCKET_COLUMNS, createFrameBatch, SCALAR_COLUMNS, type FrameBatch } from './frame';
import {
  cascadeStats,
  conservationError,
  createWorldForTest,
  netInventory,
  runScenario,
} from './run';
import type { Scenario } from './types';

/**
 * Conservation tolerance: a millionth of the notional liquidated, as the issue sets it, with a
 * floor of a billionth of open interest so a run without liquidations is held to rounding too.
 */
function tolerance(liquidated: number, openInterest: number): number {
  return 1e-6 * Math.max(liquidated, 1e-3 * openInterest);
}

/** Scenarios small enough to run by the hundred; everything else anywhere in its range. */
const smallScenario = scenarioArbitrary().map((s) => ({
  ...s,
  positions: Math.min(s.positions, 3_000),
  steps: Math.min(s.steps, 150),
  shockStep: Math.min(s.shockStep, 100),
}));

/** Whether two typed arrays hold the same bytes (NaN payloads and -0 included). */
function sameBits(a: Float64Array | Float32Array, b: Float64Array | Float32Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function allFinite(frames: FrameBatch): string | null {
  for (const c of SCALAR_COLUMNS) {
    const col = frames.scalars[c];
    for (let i = 0; i < frames.count; i++) if (!Number.isFinite(col[i])) return `${c}[${i}]`;
  }
  for (const c of BUCKET_COLUMNS) {
    const col = frames.buckets[c];
    for (let i = 0; i < frames.count * frames.bucketCount; i++) {
      if (!Number.isFinite(col[i])) return `${c}[${i}]`;
    }
  }
  return null;
}

describe('conservation', () => {
  it('loses and creates no money: every party’s PnL less bad debt sums to zero', () => {
    fc.assert(
      fc.property(smallScenario, (s) => {
        const { report, info } = runScenario(s);
        const error = Math.abs(report.conservationError);
        expect(error).toBeLessThanOrEqual(tolerance(report.liquidatedNotional, info.openInterest));
        // In practice it is rounding: a billionth of the money in play.
        expect(error).toBeLessThanOrEqual(
          1e-9 * Math.max(report.liquidatedNotional, info.openInterest),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('conserves quantity at every step: positions, book and agents net to zero', () => {
    fc.assert(
      fc.property(smallScenario, (s) => {
        const { world, step } = createWorldForTest(s);
        const out = createFrameBatch(s.steps, world.info.bucketCount);
        const oi = world.longs.openQty + world.shorts.openQty;
        for (let t = 0; t < s.steps; t++) {
          step(out, t);
          expect(Math.abs(netInventory(world))).toBeLessThanOrEqual(1e-9 * Math.max(oi, 1));
        }
        expect(Number.isFinite(conservationError(world))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('conserves money in a deep cascade with ADL and bad debt', () => {
    const s = { ...defaultScenario(), openInterest: 1e9, shock: -15, insuranceFund: 1e6 };
    const { report } = runScenario(s);
    expect(report.adlNotional).toBeGreaterThan(0);
    expect(report.badDebt).toBeGreaterThan(0);
    expect(Math.abs(report.conservationError)).toBeLessThanOrEqual(
      1e-6 * report.liquidatedNotional,
    );
  });
});

describe('determinism', () => {
  it('gives identical frames, bit for bit, for the same scenario and seed', () => {
    fc.assert(
      fc.property(smallScenario, (s) => {
        const a = runScenario(s);
        const b = runScenario(s);
        for (const c of SCALAR_COLUMNS) {
          expect(sameBits(a.frames.scalars[c], b.frames.scalars[c]), c).toBe(true);
        }
        for (const c of BUCKET_COLUMNS) {
          expect(sameBits(a.frames.buckets[c], b.frames.buckets[c]), c).toBe(true);
        }
        expect(a.report).toEqual(b.report);
      }),
      { numRuns: 15 },
    );
  });

  it('changes the run when only the seed changes', () => {
    const a = runScenario({ ...defaultScenario(), steps: 100 });
    const b = runScenario({ ...defaultScenario(), steps: 100, seed: 2 });
    expect(a.frames.scalars.close).not.toEqual(b.frames.scalars.close);
  });
});

describe('no NaN or Infinity', () => {
  it('keeps every frame and report figure finite across random scenarios', () => {
    fc.assert(
      fc.property(smallScenario, (s) => {
        const { frames, report } = runScenario(s);
        expect(allFinite(frames)).toBeNull();
        for (const [k, v] of Object.entries(report)) {
          if (k === 'direction') expect(['down', 'up']).toContain(v);
          else if (v !== null) expect([v].flat().every(Number.isFinite), k).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('stays finite at every corner of the parameter table', () => {
    // Each parameter at its minimum and its maximum, the others at their defaults.
    const base: Scenario = { ...defaultScenario(), positions: 500, steps: 80, shockStep: 10 };
    const corners: Partial<Scenario>[] = [
      { leverage: 1 },
      { leverage: 125 },
      { liquidity: 100_000 },
      { liquidity: 1e9 },
      { longShare: 0 },
      { longShare: 1 },
      { shock: -60 },
      { shock: 60 },
      { shockSteps: 1 },
      { openInterest: 1e11, liquidity: 1e5 },
      { openInterest: 1e6 },
      { price: 1 },
      { price: 1_000_000 },
      { volatility: 0, noise: 0 },
      { volatility: 30, noise: 1e9 },
      { arbStrength: 0, venueWeight: 0 },
      { arbStrength: 1, venueWeight: 1 },
      { resilience: 0 },
      { resilience: 1, withdrawal: 10 },
      { fundingInterval: 1 },
      { markEma: 120, mark: 'smoothed', basisClamp: 0 },
      { liquidationFee: 5, insuranceFund: 0 },
      { insuranceFund: 1e10 },
      { partial: true, leverage: 125, openInterest: 1e10 },
      { throughput: 100_000 },
      { breaker: 0.5, breakerWindow: 1, breakerHalt: 120 },
      { backstop: 1e10 },
      { adl: 'prorata', insuranceFund: 0, openInterest: 1e10, shock: -40 },
      { stopLoss: 1e9, panic: 1e8, dipBuyers: 1e8 },
      { stopLoss: 1e9, panic: 1e8, shock: -60, liquidity: 1e5 },
    ];
    for (const corner of corners) {
      const s = { ...base, ...corner };
      const { frames, report, info } = runScenario(s);
      expect(allFinite(frames), JSON.stringify(corner)).toBeNull();
      for (const [k, v] of Object.entries(report)) {
        if (k === 'direction') expect(['down', 'up']).toContain(v);
        else if (v !== null) {
          expect([v].flat().every(Number.isFinite), `${k} at ${JSON.stringify(corner)}`).toBe(true);
        }
      }
      expect(Math.abs(report.conservationError), JSON.stringify(corner)).toBeLessThanOrEqual(
        tolerance(report.liquidatedNotional, info.openInterest),
      );
    }
  });
});

describe('cascade statistics', () => {
  it('measures the cascade from the first wave above the threshold to the last', () => {
    const waves = Float64Array.from([0, 0.5, 10, 20, 5, 0.2, 3, 0]);
    const stats = cascadeStats(waves, waves.length, 1);
    expect(stats.start).toBe(2);
    expect(stats.steps).toBe(5);
  });

  it('reports no cascade when no wave reaches the threshold', () => {
    expect(cascadeStats(Float64Array.from([0.1, 0.2]), 2, 1)).toEqual({
      start: -1,
      steps: 0,
    });
  });
});

describe('the liquidation engine’s own ledger', () => {
  it('ends each run with cash equal to minus the queue’s cost and the bad debt (no funding)', () => {
    fc.assert(
      fc.property(smallScenario, (s0) => {
        const s = { ...s0, fundingInterval: 1440 };
        const { world, step } = createWorldForTest(s);
        const out = createFrameBatch(s.steps, world.info.bucketCount);
        for (let t = 0; t < s.steps; t++) step(out, t);
        const e = world.engine;
        const scale = Math.max(world.info.openInterest, 1);
        expect(Math.abs(e.account.cash + e.queueCost + e.badDebt)).toBeLessThanOrEqual(
          1e-9 * scale,
        );
      }),
      { numRuns: 25 },
    );
  });
});

describe('open interest', () => {
  it('reports both sides and, as venues quote it, each contract once: the larger side', () => {
    for (const longShare of [0.7, 0.3]) {
      const s = { ...defaultScenario(), positions: 2_000, steps: 120, shockStep: 20, longShare };
      const { world } = createWorldForTest(s);
      const longs = world.longs.openQty * s.price;
      const shorts = world.shorts.openQty * s.price;
      const { report } = runScenario(s);
      expect(report.openInterest).toBeCloseTo(longs + shorts, 6);
      expect(report.openInterestOneSided).toBe(Math.max(longs, shorts));
      // The larger side is the crowded one the scenario names.
      expect(report.openInterestOneSided / report.openInterest).toBeCloseTo(
        Math.max(longShare, 1 - longShare),
        1,
      );
      expect(report.oiOneSidedLiquidatedShare).toBeCloseTo(
        report.liquidatedNotional / report.openInterestOneSided,
        12,
      );
      expect(report.oiOneSidedLiquidatedShare).toBeGreaterThanOrEqual(report.oiLiquidatedShare);
    }
  });
});
