/**
 * Everything a run holds: the market with its positions and liquidation engine, the
 * counterfactual market (same seed and shock, liquidation engine off) that the ghost line and
 * the amplification come from, and the price grid of the heatmap columns.
 */

import { type Account, newAccount } from './accounts';
import type { RunInfo } from './frame';
import { ExogenousLedger } from './criticality';
import { assumedTiers, ESTIMATE_HALF_LIFE, TerminalEstimate } from './estimate';
import { LiquidationEngine, type StepLiquidations } from './liquidation';
import { Market } from './market';
import { warmupPath } from './population';
import { drawSortedPopulation, type SortedPopulation } from './populationCache';
import { LiquidationMap, PositionSide } from './positions';
import { createRng } from './rng';
import { scheduleChanges, type ScriptedChange } from './script';
import type { Scenario } from './types';

/** Price buckets of the heatmap and depth columns. */
export const BUCKET_COUNT = 160;

export interface World {
  readonly scenario: Scenario;
  readonly info: RunInfo;
  /**
   * Open interest at step 0 counted once, as venues quote it (USD): the positions' longs and
   * shorts face each other as far as they go and the residual counterparty (`legacy`) holds the
   * rest, so every contract has one long and one short holder: max(long, short).
   */
  readonly openInterestOneSided: number;
  readonly market: Market;
  /** The same market without liquidations: the counterfactual path. */
  readonly ghost: Market;
  readonly longs: PositionSide;
  readonly shorts: PositionSide;
  readonly engine: LiquidationEngine;
  /** Whoever took the other side of the positions before the run (makers, hedgers). */
  readonly legacy: Account;
  /** Liquidation notional of open positions by price bucket. */
  readonly predicted: LiquidationMap;
  /** A terminal's estimate of `predicted`, from what a terminal sees (estimate.ts). */
  readonly estimate: TerminalEstimate;
  /** The scenario's scripted changes by step, or null without any. */
  readonly changes: ReadonlyMap<number, readonly ScriptedChange[]> | null;
  /** This step's liquidations, reset every step. */
  readonly stepLiquidations: StepLiquidations;
  /** Next step to simulate. */
  step: number;
}

/**
 * The heatmap's price grid: fixed for the run so columns line up. It reaches well past the
 * shock in its direction, because a cascade overshoots the shock (by a factor of three or more
 * in a fragile book), and 15 % the other way.
 */
function priceGrid(s: Scenario): { low: number; high: number } {
  const down = Math.min(0.9, 0.35 + (2 * Math.max(0, -s.shock)) / 100);
  const up = Math.min(2, 0.15 + (2 * Math.max(0, s.shock)) / 100);
  return { low: s.price * (1 - down), high: s.price * (1 + up) };
}

/**
 * Builds a run's world around a sorted population: by default the scenario's own, drawn from
 * its seed; a cached copy of it (populationCache.ts) or a hand-built one (tests) otherwise.
 */
export function createWorld(
  s: Scenario,
  sorted: SortedPopulation = drawSortedPopulation(s),
): World {
  const grid = priceGrid(s);
  const predicted = new LiquidationMap(grid.low, grid.high, BUCKET_COUNT);
  const { population } = sorted;
  const longs = new PositionSide(1, population.longs, predicted, sorted.longOrder);
  const shorts = new PositionSide(-1, population.shorts, predicted, sorted.shortOrder);
  const market = new Market(s, createRng(s.seed, 'index'), createRng(s.seed, 'noise'));
  const ghost = new Market(s, createRng(s.seed, 'index'), createRng(s.seed, 'noise'));
  // The positions' counterparties hold the opposite inventory, bought and sold at entry.
  const legacy = newAccount();
  legacy.inventory = shorts.openQty - longs.openQty;
  legacy.cash = longs.openCost - shorts.openCost;
  const estimate = createEstimate(s, grid, [longs, shorts]);
  const info: RunInfo = {
    steps: s.steps,
    bucketCount: BUCKET_COUNT,
    bucketLow: grid.low,
    bucketHigh: grid.high,
    startPrice: s.price,
    openInterest: (longs.openQty + shorts.openQty) * s.price,
    liquidity: s.liquidity,
    shockStep: s.shockStep,
    shockSteps: s.shockSteps,
  };
  return {
    scenario: s,
    info,
    openInterestOneSided: Math.max(longs.openQty, shorts.openQty) * s.price,
    market,
    ghost,
    longs,
    shorts,
    engine: new LiquidationEngine(s, longs, shorts, legacy),
    legacy,
    predicted,
    estimate,
    changes: scheduleChanges(s.changes, s.steps),
    stepLiquidations: {
      longNotional: 0,
      shortNotional: 0,
      count: 0,
      adlCount: 0,
      adlNotional: 0,
      realised: new LiquidationMap(grid.low, grid.high, BUCKET_COUNT),
      ledger: new ExogenousLedger(),
    },
    step: 0,
  };
}

/**
 * The terminal's estimate at the start: seeded from the week of prices before the run (the same
 * warm-up path the population's entries were drawn on, which a terminal would have seen), with
 * the starting open interest spread evenly over it, as the entries were.
 */
function createEstimate(
  s: Scenario,
  grid: { low: number; high: number },
  sides: readonly PositionSide[],
): TerminalEstimate {
  const estimate = new TerminalEstimate(grid.low, grid.high, BUCKET_COUNT, {
    tiers: assumedTiers(s.estimateTiers, sides),
    halfLife: ESTIMATE_HALF_LIFE,
    longShare: 0.5,
  });
  const { path } = warmupPath(s, createRng(s.seed, 'population'));
  let openUsd = 0;
  for (const side of sides) openUsd += side.openQty * s.price;
  estimate.seedHistory(path, openUsd / (path.length - 1));
  return estimate;
}

/** Every account that holds inventory apart from the leveraged positions. */
export function inventoryAccounts(w: World): Account[] {
  const m = w.market;
  return [
    m.book.makers,
    m.arbs,
    m.noiseTraders,
    m.agents.account,
    w.legacy,
    w.engine.vault,
    w.engine.stock,
  ];
}
