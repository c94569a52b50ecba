/**
 * The market without its v=1 artefacts (docs/model.md, "Market"), paired over seeds: makers
 * quoting around fair value and arbitrage within a band remove the saw-tooth; withdrawal on
 * measured stress does not make a calmer market crash deeper; fixed account sizes make the
 * count a matter of resolution only.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/params';
import { V1_DEFAULTS } from '../scenario/versions';
import { createRng } from './rng';
import { drawPopulation } from './population';
import { runReport, runScenario } from './run';
import { MARGIN_TIERS } from './tiers';
import type { Scenario } from './types';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const TIMEOUT = 120_000;
/** The review's cascade class (10x, −6 %), small and short. */
const CLASS: Scenario = {
  ...defaultScenario(),
  positions: 3_000,
  steps: 240,
  shockStep: 30,
  leverage: 10,
  shock: -6,
  mark: 'last',
};
/** The same market as v=1 had it: makers on the last trade, no band, index following. */
const V1_MARKET: Partial<Scenario> = {
  quoteMid: V1_DEFAULTS.quoteMid,
  arbBand: V1_DEFAULTS.arbBand,
  withdrawOn: V1_DEFAULTS.withdrawOn,
  venueWeight: V1_DEFAULTS.venueWeight,
};

/** Share of a run's one-minute returns above 3 % in its cascade window (waves ≥ 0.5 % of OI). */
function sawTooth(s: Scenario): { big: number; steps: number } {
  const { frames, info } = runScenario(s);
  const c = frames.scalars;
  let first = -1;
  let last = -1;
  for (let t = 0; t < frames.count; t++) {
    if (c.liqLong[t] + c.liqShort[t] >= 0.005 * info.openInterest) {
      if (first < 0) first = t;
      last = t;
    }
  }
  let big = 0;
  for (let t = Math.max(1, first); first >= 0 && t <= last; t++) {
    if (Math.abs(c.close[t] / c.close[t - 1] - 1) > 0.03) big++;
  }
  return { big, steps: first < 0 ? 0 : last - first + 1 };
}

describe('the market', () => {
  it(
    'has no saw-tooth once makers quote around fair value and arbitrage keeps to its band',
    () => {
      let before = { big: 0, steps: 0 };
      let after = { big: 0, steps: 0 };
      for (const seed of SEEDS) {
        const a = sawTooth({ ...CLASS, ...V1_MARKET, seed });
        const b = sawTooth({ ...CLASS, seed });
        before = { big: before.big + a.big, steps: before.steps + a.steps };
        after = { big: after.big + b.big, steps: after.steps + b.steps };
      }
      expect(before.steps).toBeGreaterThan(0);
      expect(after.steps).toBeGreaterThan(0);
      // v=1: about one cascade minute in seven moves more than 3 %; fair quotes, a tenth of that.
      expect(before.big / before.steps).toBeGreaterThan(0.08);
      expect(after.big / after.steps).toBeLessThan(0.5 * (before.big / before.steps));
    },
    TIMEOUT,
  );

  it(
    'does not fall deeper without liquidations when volatility is lower (withdrawal on measured stress)',
    () => {
      expect(meanCalmerPathChange(CLASS)).toBeLessThanOrEqual(0.001);
    },
    TIMEOUT,
  );

  it(
    'fell deeper without liquidations at lower volatility in the v=1 market (the artefact)',
    () => {
      expect(meanCalmerPathChange({ ...CLASS, ...V1_MARKET })).toBeGreaterThan(0.01);
    },
    TIMEOUT,
  );
});

/**
 * Mean over SEEDS of the paired change in the drawdown without liquidations when `volatility`
 * goes from 3 to 0 (positive: the calmer setting falls deeper).
 */
function meanCalmerPathChange(s: Scenario): number {
  let sum = 0;
  for (const seed of SEEDS) {
    const calm = runReport({ ...s, seed, volatility: 0 }).counterfactualDrawdown;
    const usual = runReport({ ...s, seed, volatility: 3 }).counterfactualDrawdown;
    sum += calm - usual;
  }
  return sum / SEEDS.length;
}

/** Share of open interest above tier 0, and at an entry exactly at the start price. */
function shape(s: Scenario): { aboveTier0: number; atStart: number } {
  const pop = drawPopulation(s, createRng(s.seed, 'population'));
  let total = 0;
  let above = 0;
  let atStart = 0;
  for (const side of [pop.longs, pop.shorts]) {
    for (let i = 0; i < side.qty.length; i++) {
      const n = side.qty[i] * side.entry[i];
      total += n;
      if (side.tier[i] > 0) above += n;
      if (side.entry[i] === s.price) atStart += n;
      expect(side.leverage[i]).toBeLessThanOrEqual(MARGIN_TIERS[side.tier[i]].maxLeverage);
    }
  }
  return { aboveTier0: above / total, atStart: atStart / total };
}

describe('the population', () => {
  it(
    'keeps tiers whatever the count with fixed sizes (they followed the count before)',
    () => {
      const small = shape({ ...defaultScenario(), positions: 2_000 });
      const large = shape({ ...defaultScenario(), positions: 200_000 });
      expect(Math.abs(small.aboveTier0 - large.aboveTier0)).toBeLessThan(0.15);
      const v1Small = shape({ ...defaultScenario(), sizing: 'count', positions: 2_000 });
      const v1Large = shape({ ...defaultScenario(), sizing: 'count', positions: 200_000 });
      expect(v1Small.aboveTier0 - v1Large.aboveTier0).toBeGreaterThan(0.5);
    },
    TIMEOUT,
  );

  it(
    'piles nothing at the start price with fixed sizes (the v=1 fallback did, at 50x)',
    () => {
      const s = { ...defaultScenario(), leverage: 50 };
      // Only the entries whose drawn time is the last minute of the week (about 1 in 10,000).
      expect(shape(s).atStart).toBeLessThan(0.002);
      expect(shape({ ...s, sizing: 'count' }).atStart).toBeGreaterThan(0.05);
    },
    TIMEOUT,
  );

  it(
    'liquidates the same share of open interest at 5,000 and at 100,000 positions, within seed noise',
    () => {
      const base = { ...defaultScenario(), steps: 200, shockStep: 30 };
      const diffs: number[] = [];
      const shares: number[] = [];
      for (const seed of SEEDS.slice(0, 6)) {
        const a = runReport({ ...base, seed, positions: 5_000 }).oiLiquidatedShare;
        const b = runReport({ ...base, seed, positions: 100_000 }).oiLiquidatedShare;
        diffs.push(b - a);
        shares.push(a);
      }
      const mean = diffs.reduce((x, y) => x + y, 0) / diffs.length;
      const sd = Math.sqrt(diffs.reduce((x, y) => x + (y - mean) ** 2, 0) / (diffs.length - 1));
      // The paired mean within three standard errors of zero, and small against the share itself.
      expect(Math.abs(mean)).toBeLessThanOrEqual(3 * (sd / Math.sqrt(diffs.length)) + 0.01);
      expect(Math.min(...shares)).toBeGreaterThan(0.05);
    },
    TIMEOUT,
  );
});
