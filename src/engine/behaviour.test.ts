/**
 * What a risk engineer expects of the model, checked over several seeds: directions, not
 * exact figures.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/params';
import { EVENT } from './frame';
import type { RunReport } from './report';
import { runScenario } from './run';
import type { Scenario } from './types';

const SEEDS = [1, 2, 3];
const BASE: Scenario = { ...defaultScenario(), positions: 5_000, steps: 240 };

/** Sum of one report figure over the seeds. */
function total(over: Partial<Scenario>, pick: (r: RunReport) => number): number {
  let sum = 0;
  for (const seed of SEEDS) sum += pick(runScenario({ ...BASE, ...over, seed }).report);
  return sum;
}

describe('directions a risk engineer expects', () => {
  it('liquidates more when the book is more leveraged', () => {
    const low = total({ leverage: 5 }, (r) => r.liquidatedNotional);
    const high = total({ leverage: 25 }, (r) => r.liquidatedNotional);
    expect(high).toBeGreaterThan(1.5 * low);
  });

  it('falls less when the book is deeper', () => {
    const thin = total({ liquidity: 10_000_000 }, (r) => r.maxDrawdown);
    const deep = total({ liquidity: 80_000_000 }, (r) => r.maxDrawdown);
    expect(deep).toBeLessThan(thin);
  });

  it('never cascades at leverage 1: nothing is liquidated and the path is the counterfactual', () => {
    for (const seed of SEEDS) {
      const { report, frames } = runScenario({ ...BASE, leverage: 1, shock: -40, seed });
      expect(report.liquidations).toBe(0);
      expect(report.amplification).toBe(1);
      expect(frames.scalars.close).toEqual(frames.scalars.ghost);
    }
  });

  it('liquidates less with a smoothed mark than with last-price marking', () => {
    const last = total({ mark: 'last' }, (r) => r.liquidatedNotional);
    const smoothed = total({ mark: 'smoothed' }, (r) => r.liquidatedNotional);
    expect(smoothed).toBeLessThan(last);
  });

  it('amplifies a drop: the fall with liquidations is deeper than without', () => {
    for (const seed of SEEDS) {
      const { report } = runScenario({ ...BASE, seed });
      expect(report.maxDrawdown).toBeGreaterThan(report.counterfactualDrawdown);
      expect(report.amplification).toBeGreaterThan(1);
    }
  });

  it('hits mostly longs on a drop when longs are crowded, mostly shorts on a rally', () => {
    const drop = runScenario({ ...BASE, longShare: 0.8, shock: -12 }).report;
    expect(drop.liquidatedLong).toBeGreaterThan(5 * drop.liquidatedShort);
    const rally = runScenario({ ...BASE, longShare: 0.2, shock: 12 }).report;
    expect(rally.liquidatedShort).toBeGreaterThan(5 * rally.liquidatedLong);
  });

  it('halts matching once the price moves past the circuit breaker', () => {
    const { frames } = runScenario({ ...BASE, breaker: 3, breakerWindow: 5, breakerHalt: 4 });
    let halted = 0;
    for (let i = 0; i < frames.count; i++) if (frames.scalars.events[i] & EVENT.HALT) halted++;
    expect(halted).toBeGreaterThanOrEqual(4);
  });

  it('marks the shock steps and the start of the cascade in the frames', () => {
    const { frames, report } = runScenario(BASE);
    const e = frames.scalars.events;
    for (let t = BASE.shockStep; t < BASE.shockStep + BASE.shockSteps; t++) {
      expect(e[t] & EVENT.SHOCK).toBeTruthy();
    }
    expect(report.cascadeStart).toBeGreaterThanOrEqual(0);
    expect(e[report.cascadeStart] & EVENT.CASCADE_START).toBeTruthy();
  });

  it('pays ADL before booking bad debt: with a large fund there is neither', () => {
    const big = total({ shock: -15, insuranceFund: 1e10 }, (r) => r.adlNotional + r.badDebt);
    expect(big).toBe(0);
  });

  it('falls further when stop-loss clusters rest at round numbers', () => {
    const without = total({}, (r) => r.maxDrawdown);
    const withStops = total({ stopLoss: 5_000_000 }, (r) => r.maxDrawdown);
    expect(withStops).toBeGreaterThan(without);
  });

  it('falls less, and liquidates less, when dip buyers stand below fair value', () => {
    const without = runScenarios({});
    const withDips = runScenarios({ dipBuyers: 2_000_000 });
    expect(withDips.drawdown).toBeLessThan(without.drawdown);
    expect(withDips.liquidated).toBeLessThan(without.liquidated);
  });

  it('lets panic sellers deepen the fall without liquidations too: they are not the engine', () => {
    const without = total({}, (r) => r.counterfactualDrawdown);
    const withPanic = total({ panic: 1_000_000 }, (r) => r.counterfactualDrawdown);
    expect(withPanic).toBeGreaterThan(without);
  });
});

function runScenarios(over: Partial<Scenario>): { drawdown: number; liquidated: number } {
  return {
    drawdown: total(over, (r) => r.maxDrawdown),
    liquidated: total(over, (r) => r.liquidatedNotional),
  };
}
