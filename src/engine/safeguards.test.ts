/**
 * The safeguards do what their designers intend, paired over seeds (docs/model.md, "Liquidation
 * engines and safeguards"): each is compared with the same market without it, seed by seed, in
 * the scenario class it is designed for. Report-only runs of a small market keep it quick; the
 * timeouts leave room for a loaded machine.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/params';
import { V1_DEFAULTS } from '../scenario/versions';
import { EVENT, createFrameBatch } from './frame';
import type { RunReport } from './report';
import { createSimulation, runReport, runScenario } from './run';
import type { Scenario } from './types';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
/**
 * A 10x book hit by a −6 % shock in the v=1 market (last-price mark, makers re-centring on the
 * last trade, the index following this venue): the review's default cascade, small and short.
 * The class is the cascade-prone market these safeguards are meant for, so it pins that market.
 */
const BASE: Scenario = {
  ...defaultScenario(),
  ...V1_DEFAULTS,
  positions: 3_000,
  steps: 240,
  shockStep: 30,
  leverage: 10,
  shock: -6,
};
const TIMEOUT = 120_000;

/** Mean over the seeds of B − A for one report figure. */
function pairedMean(
  a: Partial<Scenario>,
  b: Partial<Scenario>,
  pick: (r: RunReport) => number,
): number {
  let sum = 0;
  for (const seed of SEEDS) {
    sum += pick(runReport({ ...BASE, ...b, seed })) - pick(runReport({ ...BASE, ...a, seed }));
  }
  return sum / SEEDS.length;
}

const drawdown = (r: RunReport) => r.maxDrawdown;

/**
 * How much worse than without it a safeguard may do on average and still count as "not
 * worse": a tenth of a point of drawdown, below the paired noise of these runs.
 */
const NOT_WORSE = 0.001;
const VENUES = ['binance', 'bybit', 'hyperliquid'] as const;

describe('venue engines leave no overhang', () => {
  it(
    'never queue, and fall less on average than the generic waterfall that does',
    () => {
      // Seed 2 does not cascade at all; the others queue in the generic engine.
      let genericQueued = 0;
      for (const seed of SEEDS.slice(0, 4)) {
        genericQueued += runReport({ ...BASE, seed }).peakQueued;
        for (const engine of VENUES) {
          expect(runReport({ ...BASE, engine, seed }).peakQueued).toBe(0);
        }
      }
      expect(genericQueued).toBeGreaterThan(0);
      for (const engine of VENUES) expect(pairedMean({}, { engine }, drawdown)).toBeLessThan(-0.02);
    },
    TIMEOUT,
  );
});

describe('safeguards, paired over seeds in the class each is designed for', () => {
  it(
    'a bigger fund never deepens the drawdown in a venue engine (it does in the generic one)',
    () => {
      for (const engine of VENUES) {
        const change = pairedMean(
          { engine, insuranceFund: 0 },
          { engine, insuranceFund: 50_000_000 },
          drawdown,
        );
        expect(change).toBeLessThanOrEqual(NOT_WORSE);
      }
      // The generic queue waits on a positive fund while the price walks away: the artefact.
      const generic = pairedMean({ insuranceFund: 0 }, { insuranceFund: 50_000_000 }, drawdown);
      expect(generic).toBeGreaterThan(0.02);
    },
    TIMEOUT,
  );

  it(
    'the backstop vault takes over and does not deepen the crash, its PnL and stock reported',
    () => {
      const thin = { engine: 'hyperliquid' as const, liquidity: 5_000_000, leverage: 25 };
      const withVault = { ...thin, backstop: 50_000_000 };
      expect(pairedMean(thin, withVault, drawdown)).toBeLessThanOrEqual(NOT_WORSE);
      const r = runReport({ ...BASE, ...withVault, seed: 1 });
      expect(r.peakVaultInventory).toBeGreaterThan(0);
      expect(Number.isFinite(r.vaultPnl)).toBe(true);
      expect(r.vaultPnl).not.toBe(0);
    },
    TIMEOUT,
  );

  it(
    'the throughput limit leaves positions with their traders and helps a thin book',
    () => {
      const thin = { engine: 'binance' as const, liquidity: 5_000_000 };
      const limited = { ...thin, throughput: 500_000 };
      expect(pairedMean(thin, limited, drawdown)).toBeLessThan(-NOT_WORSE);
      // The remainder stays with traders, never in a queue.
      expect(runReport({ ...BASE, ...limited, seed: 1 }).peakQueued).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'the circuit breaker halts liquidations too and lessens the fall of a fragile book',
    () => {
      // Fragile: 25x, a −10 % shock over 30 minutes, makers slow to refill and quick to withdraw.
      const fragile = {
        engine: 'binance' as const,
        leverage: 25,
        shock: -10,
        shockSteps: 30,
        resilience: 0.05,
        withdrawal: 3,
      };
      const breaker = { ...fragile, breaker: 2, breakerHalt: 20 };
      expect(pairedMean(fragile, breaker, drawdown)).toBeLessThan(-0.02);
    },
    TIMEOUT,
  );

  it(
    'the circuit breaker changes the path once it trips, and nothing is liquidated in a halt',
    () => {
      const s: Scenario = { ...BASE, engine: 'binance', leverage: 25, shock: -10, breaker: 2 };
      const closes = (sc: Scenario) => {
        const sim = createSimulation(sc);
        const frames = createFrameBatch(sc.steps, sim.info.bucketCount);
        for (let row = 0; row < sc.steps; row++) sim.step(frames, row);
        return frames.scalars;
      };
      const on = closes(s);
      const off = closes({ ...s, breaker: 0 });
      let firstHalt = -1;
      for (let t = 0; t < s.steps; t++) {
        const halted = (on.events[t] & EVENT.HALT) !== 0;
        if (halted && firstHalt < 0) firstHalt = t;
        if (halted) expect(on.liqLong[t] + on.liqShort[t]).toBe(0);
        if (firstHalt < 0) expect(on.close[t]).toBe(off.close[t]); // same path until it trips
      }
      expect(firstHalt).toBeGreaterThan(0);
      let differs = false;
      for (let t = firstHalt; t < s.steps; t++) if (on.close[t] !== off.close[t]) differs = true;
      expect(differs).toBe(true);
    },
    TIMEOUT,
  );
});

describe('fund capacity in the venue engines, in the v=2 market', () => {
  /** The v=2 defaults (lev 20, −8 %), small and short. */
  const V2: Scenario = { ...defaultScenario(), positions: 3_000, steps: 240, shockStep: 30 };
  const meanOver = (over: Partial<Scenario>, pick: (r: RunReport) => number) =>
    SEEDS.reduce((sum, seed) => sum + pick(runReport({ ...V2, ...over, seed })), 0) / SEEDS.length;

  it(
    'a bigger fund never deepens the drawdown, $0 → $5M → $50M, and carries no more than its equity',
    () => {
      for (const engine of VENUES) {
        const dd = [0, 5e6, 50e6].map((f) => meanOver({ engine, insuranceFund: f }, drawdown));
        expect(dd[1] - dd[0], engine).toBeLessThanOrEqual(NOT_WORSE);
        expect(dd[2] - dd[1], engine).toBeLessThanOrEqual(NOT_WORSE);
        // At every step the stock stops at the fund's equity at the mark; the rest is
        // deleveraged, so ADL shrinks as the fund grows.
        const { frames } = runScenario({ ...V2, engine, insuranceFund: 5e6, seed: 1 });
        const c = frames.scalars;
        let peak = 0;
        for (let t = 0; t < frames.count; t++) {
          peak = Math.max(peak, Math.abs(c.fundStock[t]));
          expect(Math.abs(c.fundStock[t]), `${engine} step ${t}`).toBeLessThanOrEqual(
            c.fundEquity[t] * (1 + 1e-9),
          );
        }
        expect(peak, engine).toBeGreaterThan(1e6); // it did take over
        const adl = [0, 50e6].map((f) =>
          meanOver({ engine, insuranceFund: f }, (x) => x.adlNotional),
        );
        expect(adl[1], engine).toBeLessThan(adl[0]);
      }
    },
    TIMEOUT,
  );
});
