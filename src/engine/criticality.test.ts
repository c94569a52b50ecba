import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from '../scenario/arbitrary';
import { defaultScenario } from '../scenario/params';
import { branchingRatio, endogenousShare, ExogenousLedger } from './criticality';
import { createSimulation, runScenario } from './run';
import { createFrameBatch } from './frame';
import { longLadder, noPositions } from './testing';
import type { Scenario } from './types';

const f64 = (xs: number[]) => Float64Array.from(xs);

describe('the exogenous ledger', () => {
  it('counts a long take-over as exogenous once the counterfactual mark is at or below its price', () => {
    const ledger = new ExogenousLedger();
    ledger.beginStep(100);
    ledger.record(1, 100, 5); // the ghost is there too: exogenous now
    ledger.record(1, 99, 7); // the ghost is above it: endogenous for now
    expect(ledger.stepExogenous).toBe(5);
    expect(ledger.stepEndogenous).toBe(7);
    expect(ledger.total).toBe(5);
    expect(ledger.endogenous()).toBe(7);
    ledger.beginStep(99.5); // not far enough yet
    expect(ledger.total).toBe(5);
    ledger.beginStep(98); // the ghost gets there later: exogenous over the run, not in its step
    expect(ledger.total).toBe(12);
    expect(ledger.endogenous()).toBe(0);
    expect(ledger.stepExogenous).toBe(0);
  });

  it('mirrors the rule for shorts: the counterfactual mark must reach up to their price', () => {
    const ledger = new ExogenousLedger();
    ledger.beginStep(100);
    ledger.record(-1, 101, 3);
    ledger.beginStep(99); // a lower ghost reaches no short
    expect(ledger.endogenous()).toBe(3);
    ledger.beginStep(101);
    expect(ledger.total).toBe(3);
    expect(ledger.endogenous()).toBe(0);
  });
});

describe('the endogenous share', () => {
  it('is endogenous over liquidated, and 0 when nothing is liquidated', () => {
    expect(endogenousShare(30, 120)).toBe(0.25);
    expect(endogenousShare(0, 120)).toBe(0);
    expect(endogenousShare(0, 0)).toBe(0);
  });
});

describe('the branching ratio estimator', () => {
  it('recovers the offspring mean of a cascade that grows geometrically', () => {
    // One exogenous immigrant of 1, then each wave causes 1.5 times itself.
    const waves = f64([0, 1, 1.5, 2.25, 3.375, 0.5, 0]);
    const endo = f64([0, 0, 1.5, 2.25, 3.375, 0.5, 0]);
    expect(branchingRatio(waves, endo, waves.length)).toBeCloseTo(1.5, 12);
  });

  it('does not telescope: growth driven by the shock alone reads 0, not about 1', () => {
    // The review's shape: waves grow 34-fold, but here every take-over is exogenous.
    const waves = f64([0, 1.76, 4.78, 24.8, 59.4, 10, 1]);
    expect(branchingRatio(waves, new Float64Array(7), 7)).toBe(0);
  });

  it('reads below 1 for a chain that dies: two waves of one position each read 1/2', () => {
    const waves = f64([0, 1, 1, 0, 0]);
    const endo = f64([0, 0, 1, 0, 0]);
    expect(branchingRatio(waves, endo, 5)).toBe(0.5);
  });

  it('reads 0 without liquidations or before a next step is seen', () => {
    expect(branchingRatio(new Float64Array(4), new Float64Array(4), 4)).toBe(0);
    expect(branchingRatio(f64([0, 0, 3]), f64([0, 0, 0]), 3)).toBe(0);
  });
});

/**
 * A quiet market: no noise, no volatility, an exogenous index, a fund that never runs out; a
 * last-price mark over makers who re-centre on the last trade, so the ladder feels the book.
 */
const quiet: Scenario = {
  ...defaultScenario(),
  mark: 'last',
  quoteMid: 'last',
  arbBand: 0,
  steps: 80,
  price: 60_000,
  volatility: 0,
  noise: 0,
  venueWeight: 0,
  recovery: 0,
  withdrawal: 0,
  insuranceFund: 1e9,
  // A 1.05 % drop in one step breaches the ladder's first rung (1 % below) and no other.
  shock: -1.05,
  shockStep: 5,
  shockSteps: 1,
};

/** 40 longs of $400k at 10×, the first liquidation price 1 % below the start price. */
function ladderRun(spacing: number, liquidity: number) {
  const longs = longLadder({
    count: 40,
    price: quiet.price,
    first: 0.01,
    spacing,
    notional: 400_000,
    leverage: 10,
  });
  const s = { ...quiet, liquidity };
  const sim = createSimulation(s, { longs, shorts: noPositions() });
  const frames = createFrameBatch(s.steps, sim.info.bucketCount);
  for (let row = 0; row < s.steps; row++) sim.step(frames, row);
  return sim.report();
}

describe('criticality on hand-built ladders of liquidation prices', () => {
  it('a dense ladder over a thin book is supercritical', () => {
    const r = ladderRun(0.001, 1_000_000);
    expect(r.branchingRatio).toBeGreaterThan(1);
    expect(r.endogenousShare).toBeGreaterThan(0.9);
    expect(r.oiLiquidatedShare).toBeGreaterThan(0.9);
  });

  it('a sparse ladder over a deep book is subcritical: only the shock’s own liquidation', () => {
    const r = ladderRun(0.02, 100_000_000);
    expect(r.branchingRatio).toBeLessThan(1);
    expect(r.endogenousShare).toBe(0);
    expect(r.exogenousNotional).toBe(r.liquidatedNotional);
    expect(r.liquidations).toBe(1);
  });

  it('more depth never raises the branching ratio', () => {
    const depths = [1e6, 2e6, 4e6, 8e6, 3.2e7];
    const runs = depths.map((d) => ladderRun(0.001, d));
    for (let i = 1; i < runs.length; i++) {
      expect(runs[i].branchingRatio).toBeLessThanOrEqual(runs[i - 1].branchingRatio);
    }
    // And the sweep spans both regimes, so the ordering is not vacuous.
    expect(runs[0].branchingRatio).toBeGreaterThan(1);
    expect(runs[runs.length - 1].branchingRatio).toBeLessThan(1);
  });
});

describe('a market whose mark cannot feel this venue’s trades', () => {
  it('liquidates only what the counterfactual liquidates: endogenous share and ratio exactly 0', () => {
    for (const seed of [1, 2]) {
      const s: Scenario = {
        ...defaultScenario(),
        seed,
        positions: 3_000,
        steps: 200,
        shock: -15,
        mark: 'smoothed',
        basisClamp: 0,
        venueWeight: 0,
      };
      const { report } = runScenario(s);
      expect(report.liquidatedNotional).toBeGreaterThan(0);
      expect(report.endogenousShare).toBe(0);
      expect(report.branchingRatio).toBe(0);
      expect(report.exogenousNotional).toBeCloseTo(report.liquidatedNotional, 0);
    }
  });

  it('while the same market with a last-price mark has endogenous liquidations', () => {
    const s: Scenario = {
      ...defaultScenario(),
      mark: 'last',
      positions: 3_000,
      steps: 200,
      shock: -15,
    };
    const { report } = runScenario(s);
    expect(report.endogenousShare).toBeGreaterThan(0);
    expect(report.exogenousNotional).toBeLessThan(report.liquidatedNotional);
  });
});

describe('direction-aware figures', () => {
  const squeeze: Scenario = {
    ...defaultScenario(),
    positions: 3_000,
    steps: 200,
    shock: 20,
    longShare: 0.3,
    leverage: 20,
  };

  it('names the shock’s direction from its sign', () => {
    expect(runScenario({ ...squeeze, steps: 60 }).report.direction).toBe('up');
    expect(runScenario({ ...squeeze, steps: 60, shock: -5 }).report.direction).toBe('down');
  });

  it('measures a squeeze’s amplification on the rise, against the counterfactual’s rise', () => {
    const r = runScenario(squeeze).report;
    expect(r.maxRunUp).toBeGreaterThan(r.counterfactualRunUp);
    expect(r.amplification).toBeCloseTo(r.maxRunUp / r.counterfactualRunUp, 12);
    // The counterfactual rise is about the shock itself.
    expect(r.counterfactualRunUp).toBeGreaterThan(0.15);
  });

  it('keeps measuring a drop’s amplification on the fall', () => {
    const r = runScenario({ ...squeeze, shock: -10, longShare: 0.7 }).report;
    expect(r.amplification).toBeCloseTo(r.maxDrawdown / r.counterfactualDrawdown, 12);
  });
});

describe('exogenous and endogenous over random scenarios', () => {
  const small = scenarioArbitrary().map((s) => ({
    ...s,
    positions: Math.min(s.positions, 2_000),
    steps: Math.min(s.steps, 120),
    shockStep: Math.min(s.shockStep, 80),
  }));

  it('splits what was liquidated: the causal per-step part within the whole-run part', () => {
    fc.assert(
      fc.property(small, (s) => {
        const { frames, report } = runScenario(s);
        const liquidated = report.liquidatedNotional;
        const slack = 1e-9 * Math.max(liquidated, 1);
        let causal = 0;
        for (let t = 0; t < frames.count; t++) causal += frames.scalars.liqExogenous[t];
        expect(causal).toBeLessThanOrEqual(report.exogenousNotional + slack);
        expect(report.exogenousNotional).toBeLessThanOrEqual(liquidated + slack);
        // The two halves add up to what was liquidated.
        const split = report.exogenousNotional + report.endogenousShare * liquidated;
        expect(Math.abs(split - liquidated)).toBeLessThanOrEqual(slack);
        expect(report.endogenousShare).toBeGreaterThanOrEqual(0);
        expect(report.endogenousShare).toBeLessThanOrEqual(1);
        expect(report.branchingRatio).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 20 },
    );
  });
});
