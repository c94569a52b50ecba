import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFrameBatch } from '../engine/frame';
import { createSimulation } from '../engine/run';
import type { Scenario } from '../engine/types';
import { defaultScenario } from '../scenario/params';
import { viewReport } from './viewReport';

/** A short, violent market: a cascade, the fund run dry, ADL and bad debt within 120 steps. */
function scenario(seed: number): Scenario {
  return {
    ...defaultScenario(),
    seed,
    positions: 2_000,
    steps: 120,
    shockStep: 20,
    leverage: 50,
    shock: -15,
    insuranceFund: 200_000,
  };
}

/** Runs `s` to `upTo` steps and returns the history and the engine's live report there. */
function runTo(s: Scenario, upTo: number) {
  const sim = createSimulation(s);
  const frames = createFrameBatch(s.steps, sim.info.bucketCount);
  for (let row = 0; row < upTo; row++) {
    sim.step(frames, row);
    frames.count = row + 1;
  }
  return { sim, frames, report: sim.report() };
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('viewReport: the figures as of a step, from the history', () => {
  it('agrees with the engine’s live report at any step of a run, over seeds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 120 }),
        (seed, upTo) => {
          const s = scenario(seed);
          const { sim, frames, report } = runTo(s, upTo);
          const v = viewReport(frames, sim.info, s.insuranceFund, upTo - 1);
          expect(v).not.toBeNull();
          if (!v) return;
          expect(v.stepsRun).toBe(report.stepsRun);
          expect(v.maxDrawdown).toBe(report.maxDrawdown);
          expect(v.maxDrawdownStep).toBe(report.maxDrawdownStep);
          expect(v.counterfactualDrawdown).toBe(report.counterfactualDrawdown);
          expect(v.amplification).toBe(report.amplification);
          expect(v.peakDepletion).toBe(report.peakDepletion);
          expect(v.insuranceFundUsed).toBe(report.insuranceFundUsed);
          expect(v.badDebt).toBe(report.badDebt);
          expect(v.liquidations).toBe(report.liquidations);
          expect(v.adlCount).toBe(report.adlCount);
          // Sums in another order: equal up to rounding.
          expect(relative(v.liquidatedLong, report.liquidatedLong)).toBeLessThan(1e-9);
          expect(relative(v.liquidatedShort, report.liquidatedShort)).toBeLessThan(1e-9);
          expect(relative(v.adlNotional, report.adlNotional)).toBeLessThan(1e-9);
          expect(relative(v.oiLiquidatedShare, report.oiLiquidatedShare)).toBeLessThan(1e-9);
          // End-of-step balances cannot dip below the engine's within-step low.
          expect(v.insuranceFundLow).toBeGreaterThanOrEqual(report.insuranceFundLow);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('reads only the rows up to the step, however often it is asked (no double counting)', () => {
    const s = scenario(7);
    const { sim, frames } = runTo(s, 120);
    const at60 = viewReport(frames, sim.info, s.insuranceFund, 60);
    viewReport(frames, sim.info, s.insuranceFund, 119);
    expect(viewReport(frames, sim.info, s.insuranceFund, 60)).toEqual(at60);
    const early = runTo(s, 61);
    const engine = early.report;
    // The scenario does what it is for: liquidations by minute 60, ADL by the end.
    expect(engine.liquidations).toBeGreaterThan(0);
    expect(viewReport(frames, sim.info, s.insuranceFund, 119)?.adlCount).toBeGreaterThan(0);
    expect(at60?.liquidations).toBe(engine.liquidations);
    expect(at60?.maxDrawdown).toBe(engine.maxDrawdown);
  });

  it('is null before the first row and clamps a step past the newest row', () => {
    const s = scenario(3);
    const { sim, frames } = runTo(s, 30);
    expect(viewReport(frames, sim.info, s.insuranceFund, -1)).toBeNull();
    expect(viewReport(frames, sim.info, s.insuranceFund, 500)).toEqual(
      viewReport(frames, sim.info, s.insuranceFund, 29),
    );
  });
});
