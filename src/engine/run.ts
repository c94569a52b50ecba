/**
 * A whole run: set-up, stepping, and the report (live at any step, final at the end).
 * Callable headless, with no chart or worker attached: the CLI, the tests, the worker and
 * (later) sweeps all drive runs through this module.
 */

import { accountPnl } from './accounts';
import { branchingRatio, endogenousShare } from './criticality';
import { createFrameBatch, type FrameBatch, type RunInfo } from './frame';
import type { Population } from './population';
import { drawSortedPopulation, PopulationCache, sortPopulation } from './populationCache';
import type { RunReport } from './report';
import { CASCADE_WAVE_SHARE, newRunFlags, stepWorld, writeStateFrame } from './step';
import type { Scenario } from './types';
import { createWorld, inventoryAccounts, type World } from './world';

/** Floor of both drawdowns in the amplification, so a flat market reads 1, not NaN. */
const DRAWDOWN_FLOOR = 1e-4;

export interface Simulation {
  readonly info: RunInfo;
  /** Next step to simulate (= steps simulated so far). */
  readonly stepIndex: number;
  readonly done: boolean;
  /** Simulates one step and writes its frame into row `row` of `out`. */
  step(out: FrameBatch, row: number): void;
  /**
   * Writes the state before the next step into row `row` of `out`, without stepping: at step 0
   * the opening book and the fuel, which the first screen shows before any step is run.
   */
  snapshot(out: FrameBatch, row: number): void;
  /** The report over the steps simulated so far. */
  report(): RunReport;
}

/** Running trough-to-peak tracking of one price path: the move of a short squeeze. */
class RunUp {
  private trough = Infinity;
  max = 0;
  maxStep = -1;
  update(price: number, step: number): void {
    if (price < this.trough) this.trough = price;
    const up = this.trough > 0 && this.trough < Infinity ? price / this.trough - 1 : 0;
    if (up > this.max) {
      this.max = up;
      this.maxStep = step;
    }
  }
}

/** Running peak-to-trough tracking of one price path. */
class Drawdown {
  private peak = 0;
  max = 0;
  maxStep = -1;
  peakAtMax = 0;
  update(price: number, step: number): void {
    if (price > this.peak) this.peak = price;
    const dd = this.peak > 0 ? 1 - price / this.peak : 0;
    if (dd > this.max) {
      this.max = dd;
      this.maxStep = step;
      this.peakAtMax = this.peak;
    }
  }
}

/** What the report needs of every step, kept as it goes. */
class RunTracker {
  readonly dd = new Drawdown();
  readonly ghostDd = new Drawdown();
  readonly runUp = new RunUp();
  readonly ghostRunUp = new RunUp();
  readonly closes: Float64Array;
  readonly waves: Float64Array;
  /** Endogenous part of each step's wave (criticality.ts), for the branching ratio. */
  readonly endogenous: Float64Array;
  peakDepletion = 0;
  adlSteps = 0;
  peakQueued = 0;
  maxQueueAge = 0;
  peakQueueLoss = 0;
  peakFundStock = 0;
  peakVaultInventory = 0;
  /** Sums over the steps of the estimate's miss and invent shares (±5 %, ±10 %). */
  readonly estimate = { miss5: 0, invent5: 0, miss10: 0, invent10: 0 };
  private fundingN = 0;
  private fundingMean = 0;
  private fundingM2 = 0;

  constructor(steps: number) {
    this.closes = new Float64Array(steps);
    this.waves = new Float64Array(steps);
    this.endogenous = new Float64Array(steps);
  }

  record(out: FrameBatch, row: number, step: number, endogenous: number): void {
    const c = out.scalars;
    // Closes on both paths, so the amplification compares like with like.
    this.dd.update(c.close[row], step);
    this.ghostDd.update(c.ghost[row], step);
    this.runUp.update(c.close[row], step);
    this.ghostRunUp.update(c.ghost[row], step);
    this.endogenous[step] = endogenous;
    this.closes[step] = c.close[row];
    this.waves[step] = c.liqLong[row] + c.liqShort[row];
    if (c.depletion[row] > this.peakDepletion) this.peakDepletion = c.depletion[row];
    if (c.adlNotional[row] > 0) this.adlSteps++;
    this.peakQueued = Math.max(this.peakQueued, c.queued[row]);
    this.maxQueueAge = Math.max(this.maxQueueAge, c.queueAge[row]);
    this.peakQueueLoss = Math.max(this.peakQueueLoss, c.queueLoss[row]);
    this.peakFundStock = Math.max(this.peakFundStock, Math.abs(c.fundStock[row]));
    this.peakVaultInventory = Math.max(this.peakVaultInventory, Math.abs(c.vaultInventory[row]));
    const e = this.estimate;
    e.miss5 += c.estimateMiss5[row];
    e.invent5 += c.estimateInvent5[row];
    e.miss10 += c.estimateMiss10[row];
    e.invent10 += c.estimateInvent10[row];
    // Welford's running variance of the funding rate.
    const f = c.fundingRate[row];
    this.fundingN++;
    const d = f - this.fundingMean;
    this.fundingMean += d / this.fundingN;
    this.fundingM2 += d * (f - this.fundingMean);
  }

  fundingVariance(): number {
    return this.fundingN > 1 ? this.fundingM2 / (this.fundingN - 1) : 0;
  }
}

/** Cascade start and duration from the per-step waves. */
export function cascadeStats(
  waves: Float64Array,
  stepsRun: number,
  threshold: number,
): { start: number; steps: number } {
  let first = -1;
  let last = -1;
  for (let t = 0; t < stepsRun; t++) {
    if (waves[t] >= threshold && waves[t] > 0) {
      if (first < 0) first = t;
      last = t;
    }
  }
  if (first < 0) return { start: -1, steps: 0 };
  return { start: first, steps: last - first + 1 };
}

/** Steps after the trough until the close regains half the drop (null if it never does). */
function recoverySteps(tracker: RunTracker, stepsRun: number): number | null {
  const { maxStep, peakAtMax, max } = tracker.dd;
  if (maxStep < 0) return null;
  const trough = peakAtMax * (1 - max);
  const halfway = trough + 0.5 * (peakAtMax - trough);
  for (let t = maxStep; t < stepsRun; t++) {
    if (tracker.closes[t] >= halfway) return t - maxStep;
  }
  return null;
}

/**
 * Sum of every party's profit and loss at the last price, less bad debt: zero up to rounding
 * when the engine conserves money (model.md, "Conservation").
 */
export function conservationError(w: World): number {
  const p = w.market.last;
  const f = w.market.fundingIndex;
  const e = w.engine;
  let total = e.totals.tradersRealised + e.totals.tradersFunding;
  for (const side of [w.longs, w.shorts]) {
    total += side.side * (side.openQty * p - side.openCost); // unrealised
    total -= side.side * side.openQty * f; // funding on open positions
  }
  for (const a of inventoryAccounts(w)) total += accountPnl(a, p);
  total += e.account.inventory * p - e.queueCost; // queued positions, marked
  total += e.fund - w.scenario.insuranceFund + e.fees;
  return total - e.badDebt;
}

/** Sum of every holder's signed quantity: zero when quantity is conserved. */
export function netInventory(w: World): number {
  let q = w.longs.openQty - w.shorts.openQty + w.engine.account.inventory;
  for (const a of inventoryAccounts(w)) q += a.inventory;
  return q;
}

/** The estimate's mean miss and invent shares over the steps run. */
function estimateFigures(t: RunTracker, stepsRun: number) {
  const mean = (sum: number) => (stepsRun > 0 ? sum / stepsRun : 0);
  const e = t.estimate;
  return {
    estimateMissShare: mean(e.miss5),
    estimateInventShare: mean(e.invent5),
    estimateMissShare10: mean(e.miss10),
    estimateInventShare10: mean(e.invent10),
  };
}

function buildReport(w: World, t: RunTracker): RunReport {
  const stepsRun = w.step;
  const e = w.engine;
  const totals = e.totals;
  const liquidated = totals.liquidatedLong + totals.liquidatedShort;
  const cascade = cascadeStats(t.waves, stepsRun, CASCADE_WAVE_SHARE * w.info.openInterest);
  const ledger = w.stepLiquidations.ledger;
  const up = w.scenario.shock > 0;
  const amplify = (real: number, ghost: number) =>
    Math.max(real, DRAWDOWN_FLOOR) / Math.max(ghost, DRAWDOWN_FLOOR);
  return {
    stepsRun,
    maxDrawdown: t.dd.max,
    maxDrawdownStep: t.dd.maxStep,
    counterfactualDrawdown: t.ghostDd.max,
    direction: up ? 'up' : 'down',
    maxRunUp: t.runUp.max,
    maxRunUpStep: t.runUp.maxStep,
    counterfactualRunUp: t.ghostRunUp.max,
    amplification: up ? amplify(t.runUp.max, t.ghostRunUp.max) : amplify(t.dd.max, t.ghostDd.max),
    liquidatedNotional: liquidated,
    liquidatedLong: totals.liquidatedLong,
    liquidatedShort: totals.liquidatedShort,
    liquidations: totals.liquidations,
    oiLiquidatedShare: w.info.openInterest > 0 ? liquidated / w.info.openInterest : 0,
    openInterest: w.info.openInterest,
    openInterestOneSided: w.openInterestOneSided,
    oiOneSidedLiquidatedShare: w.openInterestOneSided > 0 ? liquidated / w.openInterestOneSided : 0,
    cascadeStart: cascade.start,
    cascadeSteps: cascade.steps,
    branchingRatio: branchingRatio(t.waves, t.endogenous, stepsRun),
    exogenousNotional: ledger.total,
    endogenousShare: endogenousShare(ledger.endogenous(), liquidated),
    peakDepletion: t.peakDepletion,
    insuranceFundUsed: Math.max(0, w.scenario.insuranceFund - e.fund),
    insuranceFundLow: totals.fundLow,
    adlNotional: totals.adlNotional,
    adlCount: totals.adlCount,
    adlSteps: t.adlSteps,
    adlShortfall: totals.adlShortfall,
    adlExcessNotional: Math.max(0, totals.adlNotional - totals.adlShortfall),
    adlHaircutByProfitDecile: e.whoPays.haircuts(0),
    adlHaircutByLeverageDecile: e.whoPays.haircuts(1),
    peakQueued: t.peakQueued,
    maxQueueAge: t.maxQueueAge,
    peakQueueLoss: t.peakQueueLoss,
    peakFundStock: t.peakFundStock,
    peakVaultInventory: t.peakVaultInventory,
    vaultInventory: e.vault.inventory * w.market.mark,
    vaultPnl: e.vaultPnl(w.market.last),
    badDebt: e.badDebt,
    recoverySteps: recoverySteps(t, stepsRun),
    fundingVariance: t.fundingVariance(),
    conservationError: conservationError(w),
    ...estimateFigures(t, stepsRun),
  };
}

/**
 * Sets up a run: draws the population, builds both markets. A `population` given replaces the
 * drawn one, so a test can reason about exactly the positions it built; a cache given supplies
 * the drawn one, sorted, if it holds it (the same bits as drawing it afresh).
 */
export function createSimulation(
  scenario: Scenario,
  population?: Population | PopulationCache,
): Simulation {
  const sorted =
    population === undefined
      ? drawSortedPopulation(scenario)
      : population instanceof PopulationCache
        ? population.get(scenario)
        : sortPopulation(population);
  const world = createWorld(scenario, sorted);
  const tracker = new RunTracker(scenario.steps);
  const flags = newRunFlags();
  return {
    info: world.info,
    get stepIndex() {
      return world.step;
    },
    get done() {
      return world.step >= scenario.steps;
    },
    step(out, row) {
      if (world.step >= scenario.steps) return;
      const t = world.step;
      stepWorld(world, out, row, flags);
      tracker.record(out, row, t, world.stepLiquidations.ledger.stepEndogenous);
    },
    snapshot: (out, row) => writeStateFrame(world, out, row),
    report: () => buildReport(world, tracker),
  };
}

/**
 * Runs every step and keeps only the report, for sweeps: no frame history and no bucket columns,
 * one reused row of scalars. The report is the one {@link runScenario} gives, bit for bit.
 * A sweep passes a population cache, so grid points that share a population draw it once.
 */
export function runReport(scenario: Scenario, populations?: PopulationCache): RunReport {
  const sim = createSimulation(scenario, populations);
  const row = createFrameBatch(1, 0);
  while (!sim.done) sim.step(row, 0);
  return sim.report();
}

/** Runs every step; `frames` holds one row per step. */
export function runScenario(scenario: Scenario): {
  info: RunInfo;
  frames: FrameBatch;
  report: RunReport;
} {
  const sim = createSimulation(scenario);
  const frames = createFrameBatch(scenario.steps, sim.info.bucketCount);
  for (let row = 0; row < scenario.steps; row++) sim.step(frames, row);
  return { info: sim.info, frames, report: sim.report() };
}

/** Exposed for tests: a world with its conservation checks, stepped by hand. */
export function createWorldForTest(scenario: Scenario): {
  world: World;
  step(out: FrameBatch, row: number): void;
} {
  const world = createWorld(scenario);
  const flags = newRunFlags();
  return { world, step: (out, row) => stepWorld(world, out, row, flags) };
}
