/**
 * One step of a run, in the order an exchange sees it within a minute:
 * index moves -> makers refill -> noise traders and arbitrageurs trade -> the vault unwinds ->
 * mark price -> the liquidation engine takes over breached positions and executes its queue ->
 * volatility, circuit breaker, funding -> the frame.
 *
 * Price impact of this step's liquidations is seen by the next step's mark: one pass of the
 * liquidation engine per step is one wave of the cascade.
 */

import { DEPTH_BAND } from './book';
import { compareMaps, type MapGap } from './estimate';
import { EVENT, type FrameBatch } from './frame';
import type { Market } from './market';
import { inventoryAccounts, type World } from './world';

/** Flags for events that happen once per run. */
export interface RunFlags {
  cascadeStarted: boolean;
  bookDry: boolean;
  badDebt: boolean;
}

/** Flags of a run that has seen none of its once-only events yet. */
export function newRunFlags(): RunFlags {
  return { cascadeStarted: false, bookDry: false, badDebt: false };
}

/** Per-step liquidated notional, as a share of starting open interest, that counts as a wave. */
export const CASCADE_WAVE_SHARE = 0.005;
/** Bad debt below this is rounding, not an event (USD). */
export const BAD_DEBT_EVENT_USD = 1;
/** Depletion at which the book counts as running dry. */
const BOOK_DRY_DEPLETION = 0.5;

/** Advances the world one step and writes its frame into row `row` of `out`. */
export function stepWorld(w: World, out: FrameBatch, row: number, flags: RunFlags): void {
  const t = w.step;
  const { market, ghost, engine } = w;
  const liq = w.stepLiquidations;
  liq.longNotional = liq.shortNotional = liq.count = 0;
  liq.realised.notional.fill(0);
  engine.beginStep();
  const fundBefore = engine.fund;
  const badDebtBefore = engine.badDebt;
  const adlNotionalBefore = engine.totals.adlNotional;

  // Scripted changes apply before anything moves, to both markets (script.ts).
  const changes = w.changes?.get(t);
  if (changes) {
    for (const c of changes) {
      market.applyChange(c);
      ghost.applyChange(c);
    }
  }
  openStep(market, t);
  openStep(ghost, t);
  const halted = market.halted;
  const venue = engine.kind !== 'generic';
  if (!halted) {
    if (venue) engine.unwindWarehouses(market.book);
    else engine.unwindVault(market.book, market.last);
  }
  market.updateMark();
  ghost.updateMark();
  liq.ledger.beginStep(ghost.mark);
  if (venue) {
    // A venue's breaker halts liquidations with matching: breached positions stay with their
    // traders until trading resumes, while the makers refill.
    if (!halted) {
      engine.liquidate(market.book, market.mark, market.fundingIndex, liq);
      engine.execute(market.book, market.mark, market.fundingIndex, liq);
    }
  } else {
    engine.takeOver(market.mark, market.fundingIndex, liq);
    if (!halted) engine.execute(market.book, market.mark, market.fundingIndex, liq);
  }

  const perUnit = market.endStep(t);
  ghost.endStep(t);
  if (perUnit !== 0) payFunding(w, perUnit);

  liq.adlCount = engine.lastAdlHits;
  liq.adlNotional = engine.totals.adlNotional - adlNotionalBefore;
  // The terminal's estimate sees the step's candle here, not in writeFrame: the opening's frame
  // (writeStateFrame) must change nothing of the run.
  const tape = w.market.book.tape;
  w.estimate.observe(tape.low, tape.high, tape.close, w.longs.openQty + w.shorts.openQty);
  writeFrame(w, out, row, flags, { halted, fundBefore, badDebtBefore, changed: !!changes });
  w.step = t + 1;
}

/**
 * Writes the frame of the world as it stands, without stepping: before step 0, the opening (the
 * fuel where the positions' liquidation prices sit, the makers' first book). Changes nothing of
 * the run; its row flags no event.
 */
export function writeStateFrame(w: World, out: FrameBatch, row: number): void {
  const { engine } = w;
  const ctx = {
    halted: w.market.halted,
    fundBefore: engine.fund,
    badDebtBefore: engine.badDebt,
    changed: false,
  };
  writeFrame(w, out, row, newRunFlags(), ctx);
  out.scalars.events[row] = 0;
}

/** Moves a market's index, lets its makers refill and its flows trade. */
function openStep(m: Market, t: number): void {
  m.advanceIndex(t);
  m.beginStep();
  m.trade();
}

/**
 * Funding of `perUnit` USD per unit of long quantity: every holder of inventory pays or
 * receives it. Leveraged positions settle through the market's funding index at close; the
 * engine's queued positions are paid for by the insurance fund.
 */
function payFunding(w: World, perUnit: number): void {
  for (const a of inventoryAccounts(w)) a.cash -= a.inventory * perUnit;
  const e = w.engine;
  e.fund -= e.account.inventory * perUnit;
  if (e.fund < 0) {
    e.badDebt += -e.fund;
    e.fund = 0;
  }
}

interface StepContext {
  halted: boolean;
  fundBefore: number;
  badDebtBefore: number;
  /** A scripted change applied at the start of the step. */
  changed: boolean;
}

function writeFrame(
  w: World,
  out: FrameBatch,
  row: number,
  flags: RunFlags,
  ctx: StepContext,
): void {
  const { market, engine, info } = w;
  const book = market.book;
  const tape = book.tape;
  const liq = w.stepLiquidations;
  const c = out.scalars;
  const last = tape.close;
  const depth = book.depthWithin(last, DEPTH_BAND);
  const baseline = 2 * book.baselineWithin(DEPTH_BAND);
  const depletion = Math.min(1, Math.max(0, 1 - (depth.bid + depth.ask) / baseline));

  let events = 0;
  if (market.inShock(w.step)) events |= EVENT.SHOCK;
  if (ctx.halted) events |= EVENT.HALT;
  if (ctx.changed) events |= EVENT.CHANGE;
  if (liq.adlCount > 0) events |= EVENT.ADL;
  if (!flags.badDebt && engine.badDebt >= BAD_DEBT_EVENT_USD) {
    flags.badDebt = true;
    events |= EVENT.BAD_DEBT;
  }
  if (ctx.fundBefore > 0 && engine.fund <= 0) events |= EVENT.FUND_EXHAUSTED;
  const wave = liq.longNotional + liq.shortNotional;
  if (!flags.cascadeStarted && wave >= CASCADE_WAVE_SHARE * info.openInterest) {
    flags.cascadeStarted = true;
    events |= EVENT.CASCADE_START;
  }
  if (!flags.bookDry && depletion >= BOOK_DRY_DEPLETION) {
    flags.bookDry = true;
    events |= EVENT.BOOK_DRY;
  }

  c.step[row] = w.step;
  c.open[row] = tape.open;
  c.high[row] = tape.high;
  c.low[row] = tape.low;
  c.close[row] = last;
  c.mark[row] = market.mark;
  c.index[row] = market.index;
  c.ghost[row] = w.ghost.last;
  c.volume[row] = tape.volume;
  c.liqLong[row] = liq.longNotional;
  c.liqShort[row] = liq.shortNotional;
  c.liqCount[row] = liq.count;
  c.liqExogenous[row] = liq.ledger.stepExogenous;
  c.oiLong[row] = w.longs.openQty * market.mark;
  c.oiShort[row] = w.shorts.openQty * market.mark;
  c.insuranceFund[row] = engine.fund;
  c.adlCount[row] = liq.adlCount;
  c.adlNotional[row] = liq.adlNotional;
  c.adlPositions[row] = engine.adlPositions;
  c.badDebt[row] = engine.badDebt;
  c.fundingRate[row] = market.fundingRate;
  c.basis[row] = (last - market.index) / market.index;
  c.bidDepth[row] = depth.bid;
  c.askDepth[row] = depth.ask;
  c.depletion[row] = depletion;
  c.queued[row] = engine.queuedNotional(market.mark);
  c.queueAge[row] = engine.queueAge();
  c.queueLoss[row] = engine.queueLoss(market.mark);
  c.fundStock[row] = engine.stock.inventory * market.mark;
  c.fundEquity[row] = engine.fundEquity(market.mark);
  c.fundCapacityUsed[row] = engine.fundCapacityUsed(market.mark);
  c.vaultInventory[row] = engine.vault.inventory * market.mark;
  c.vaultPnl[row] = engine.vaultPnl(last);
  c.events[row] = events;
  writeEstimate(w, c, row);

  out.count = Math.max(out.count, row + 1);
  const b = out.bucketCount;
  if (b === 0) return; // a report-only run (runReport) keeps no bucket columns
  const from = row * b;
  const predicted = out.buckets.predicted;
  const realised = out.buckets.realised;
  const estimated = out.buckets.estimated;
  for (let i = 0; i < b; i++) {
    predicted[from + i] = w.predicted.notional[i];
    realised[from + i] = liq.realised.notional[i];
    estimated[from + i] = w.estimate.notional[i];
  }
  book.bucketize(
    info.bucketLow,
    info.bucketHigh,
    last,
    out.buckets.bid.subarray(from, from + b),
    out.buckets.ask.subarray(from, from + b),
    out.buckets.baseline.subarray(from, from + b),
  );
}

/** Reused result of the estimate's comparison (no allocation per step). */
const gap: MapGap = { miss: 0, invent: 0 };

/** Scores the terminal's estimate (updated by stepWorld) against the true map. */
function writeEstimate(w: World, c: FrameBatch['scalars'], row: number): void {
  const tape = w.market.book.tape;
  const grid = { low: w.info.bucketLow, high: w.info.bucketHigh };
  const truth = w.predicted.notional;
  compareMaps(truth, w.estimate.notional, grid, tape.close, 0.05, gap);
  c.estimateMiss5[row] = gap.miss;
  c.estimateInvent5[row] = gap.invent;
  compareMaps(truth, w.estimate.notional, grid, tape.close, 0.1, gap);
  c.estimateMiss10[row] = gap.miss;
  c.estimateInvent10[row] = gap.invent;
}
