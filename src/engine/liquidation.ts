/**
 * The liquidation engine: takes over breached positions and closes them.
 *
 * Take-over: a position whose liquidation price the mark has crossed is transferred to the
 * engine at its bankruptcy price, so the trader loses exactly their isolated margin. With
 * partial liquidation on, a position above the first margin tier is first cut down to the next
 * lower tier's notional; the rest keeps trading with a lower maintenance rate.
 *
 * Execution, per queued position, a waterfall (model.md), every book order limited to a price
 * band around the mark (venues' price protection: the engine waits rather than sweep an empty
 * book):
 * 1. sell into the book while the order as a whole fills no worse than bankruptcy;
 * 2. the backstop vault, if any, takes what is left at the bankruptcy price, up to its capital;
 * 3. the book again, as far as the insurance fund can pay the shortfall;
 * 4. once the fund is spent, auto-deleveraging closes profitable opposite positions at the
 *    bankruptcy price;
 * 5. and what ADL cannot place goes to the book at a loss nobody pays: bad debt.
 * What the band leaves unfilled waits in the queue for the next step. The fill's surplus over
 * bankruptcy pays the liquidation fee (never more than the surplus) and the rest goes to the
 * insurance fund; a shortfall is paid by the fund.
 *
 * A throughput limit caps the notional executed per step: the rest waits in the queue, in
 * take-over order. Nothing executes while matching is halted.
 */

import { type Account, newAccount } from './accounts';
import { AdlRanking } from './adl';
import { TakeoverQueue } from './queue';
import type { OrderBook } from './book';
import type { LiquidationMap, PositionSide } from './positions';
import { MARGIN_TIERS } from './tiers';
import type { Scenario } from './types';

/**
 * Farthest from the mark (as a share of it) that a liquidation order fills once fund and ADL
 * are spent, as venues' price protection does: the engine waits rather than sweep an empty book.
 */
const PRICE_BAND = 0.05;
/** Fund headroom, as a share of the notional being closed, that counts as spent. */
const FUND_EPSILON = 1e-9;
/** Share of the vault's inventory it sells back into the book per step. */
const VAULT_UNWIND_PER_STEP = 0.02;

/** What the engine did in one step, for the frame. */
export interface StepLiquidations {
  longNotional: number;
  shortNotional: number;
  count: number;
  adlCount: number;
  adlNotional: number;
  /** Executed notional by price bucket (the realised heatmap column). */
  realised: LiquidationMap;
}

/** Running totals the report needs. */
export interface LiquidationTotals {
  liquidatedLong: number;
  liquidatedShort: number;
  liquidations: number;
  adlCount: number;
  adlNotional: number;
  fundPaidOut: number;
  fundLow: number;
  /** Traders' realised profit and loss, funding excluded (USD). */
  tradersRealised: number;
  /** Traders' realised funding (USD; positive: received). */
  tradersFunding: number;
}

export class LiquidationEngine {
  /** The engine's own account: holds taken-over positions until they are closed. */
  readonly account: Account = newAccount();
  readonly vault: Account = newAccount();
  fund: number;
  fees = 0;
  badDebt = 0;
  /** Sum over the queue of side × quantity × bankruptcy price (the queue's cost). */
  queueCost = 0;
  readonly totals: LiquidationTotals;
  private readonly queue = new TakeoverQueue();
  private readonly feeRate: number;
  /** ADL candidates of each side, ranked once per step when first needed. */
  private readonly adlRankings: { long: AdlRanking; short: AdlRanking };
  private adlRankedAt = { long: -1, short: -1 };
  private stepCount = 0;

  constructor(
    private readonly s: Scenario,
    private readonly longs: PositionSide,
    private readonly shorts: PositionSide,
  ) {
    this.fund = s.insuranceFund;
    this.adlRankings = { long: new AdlRanking(longs.count), short: new AdlRanking(shorts.count) };
    this.feeRate = s.liquidationFee / 100;
    this.totals = {
      liquidatedLong: 0,
      liquidatedShort: 0,
      liquidations: 0,
      adlCount: 0,
      adlNotional: 0,
      fundPaidOut: 0,
      fundLow: s.insuranceFund,
      tradersRealised: 0,
      tradersFunding: 0,
    };
  }

  /** Notional waiting in the queue, at `price`. */
  queuedNotional(price: number): number {
    return this.queue.head < this.queue.tail ? this.queue.total * price : 0;
  }

  /** Takes over every position breached at `mark`. */
  takeOver(mark: number, fundingIndex: number, out: StepLiquidations): void {
    for (const side of [this.longs, this.shorts]) {
      for (let i = side.nextBreached(mark); i >= 0; i = side.nextBreached(mark)) {
        const t = side.tier[i];
        let qty = side.qty[i];
        if (this.s.partial && t > 0) {
          // Cut to the next lower tier's notional; the rest re-enters with a lower rate.
          const keep = MARGIN_TIERS[t - 1].maxNotional / side.entry[i];
          qty = Math.max(0, qty - keep);
        }
        this.takeOverUnits(side, i, qty, fundingIndex, mark, out);
        if (side.qty[i] > 0) side.retier(i, t - 1);
      }
    }
  }

  private takeOverUnits(
    side: PositionSide,
    i: number,
    qty: number,
    fundingIndex: number,
    mark: number,
    out: StepLiquidations,
  ): void {
    const s = side.side;
    const b = side.bankruptcy(i);
    const margin = side.margin(i, qty);
    side.reduce(i, qty);
    // Transfer at the bankruptcy price: the trader loses exactly the margin.
    this.totals.tradersRealised -= margin;
    this.totals.tradersFunding -= s * qty * fundingIndex;
    this.account.inventory += s * qty;
    this.account.cash -= s * qty * b;
    this.queueCost += s * qty * b;
    this.queue.push(qty, s, b);
    const notional = qty * mark;
    if (s === 1) {
      out.longNotional += notional;
      this.totals.liquidatedLong += notional;
    } else {
      out.shortNotional += notional;
      this.totals.liquidatedShort += notional;
    }
    out.count++;
    this.totals.liquidations++;
  }

  /** Starts a step: the ADL ranking of the previous step is stale. */
  beginStep(): void {
    this.stepCount++;
  }

  /** Closes queued positions, up to the throughput limit. */
  execute(book: OrderBook, mark: number, fundingIndex: number, out: StepLiquidations): void {
    const q = this.queue;
    let allowance = this.s.throughput > 0 ? this.s.throughput / mark : Infinity;
    while (q.head < q.tail && allowance > 0) {
      const k = q.head;
      const qty = Math.min(q.qty[k], allowance);
      const done = this.close(
        book,
        q.side[k] as 1 | -1,
        qty,
        q.bankruptcy[k],
        mark,
        fundingIndex,
        out,
      );
      allowance -= done;
      q.qty[k] -= done;
      q.total -= done;
      if (q.qty[k] > 0) break; // the book could not take it all: wait for the next step
      q.head++;
    }
    if (q.head === q.tail) {
      q.head = q.tail = 0;
      q.total = 0; // no rounding residue once empty
    }
  }

  /** The waterfall for `qty` units of a position of side `s`; returns the units closed. */
  private close(
    book: OrderBook,
    s: 1 | -1,
    qty: number,
    b: number,
    mark: number,
    fundingIndex: number,
    out: StepLiquidations,
  ): number {
    const acct = this.account;
    // No order goes beyond the price band in one step, whatever its rung.
    const band = mark * (1 - s * PRICE_BAND);
    let rest = qty;
    let bookQty = 0;
    let bookValue = 0;
    /** Sends the rest to the book within the band: see OrderBook.take for budget and pool. */
    const fill = (budget: number, pool: boolean) => {
      const filled = book.take(acct, -s as 1 | -1, rest, band, b, budget, pool);
      bookQty += filled;
      bookValue += book.filledValue;
      rest -= filled;
    };
    /** What the fund would hold after this close's result so far. */
    const headroom = () => this.fund + s * (bookValue - bookQty * b);
    // 1. The book, no worse than bankruptcy overall.
    fill(0, true);
    // 2. The backstop vault at bankruptcy.
    let atBankruptcy = 0;
    if (rest > 0 && this.s.backstop > 0) {
      const y = Math.min(rest, this.vaultCapacity(mark, b));
      if (y > 0) {
        this.transfer(this.vault, s, y, b);
        atBankruptcy += y;
        rest -= y;
      }
    }
    // 3. The book, as far as the fund covers the shortfall.
    if (rest > 0 && headroom() > 0) fill(headroom(), true);
    // Once the fund is spent: 4. auto-deleveraging, 5. the book at a loss nobody pays (bad
    // debt). While the fund still has money, what the band left waits for the book to refill.
    const fundSpent = headroom() <= FUND_EPSILON * qty * b;
    if (rest > 0 && fundSpent) {
      const y = this.deleverage(s, rest, b, mark, fundingIndex);
      atBankruptcy += y;
      rest -= y;
      if (rest > 0) fill(Infinity, false);
    }
    this.settle(s, bookQty, bookValue, b, atBankruptcy);
    const done = bookQty + atBankruptcy;
    // The book part prints at its VWAP, the vault and ADL part at bankruptcy.
    if (bookQty > 0) out.realised.add(bookValue / bookQty, bookValue);
    if (atBankruptcy > 0) out.realised.add(b, atBankruptcy * b);
    return done;
  }

  /** Moves the result of a close into fees, fund and bad debt, and the queue's books. */
  private settle(s: 1 | -1, bookQty: number, bookValue: number, b: number, atB: number): void {
    const result = s * (bookValue - bookQty * b);
    const executed = bookQty + atB;
    this.queueCost -= s * executed * b;
    if (result >= 0) {
      const fee = Math.min(this.feeRate * (bookValue + atB * b), result);
      this.fees += fee;
      this.fund += result - fee;
      this.account.cash -= result;
      return;
    }
    const paid = Math.min(-result, this.fund);
    this.fund -= paid;
    this.totals.fundPaidOut += paid;
    this.account.cash += paid;
    this.badDebt += -result - paid;
    if (this.fund < this.totals.fundLow) this.totals.fundLow = this.fund;
  }

  /** The engine hands `qty` units to `to` at the bankruptcy price `b`. */
  private transfer(to: Account, s: 1 | -1, qty: number, b: number): void {
    this.account.inventory -= s * qty;
    this.account.cash += s * qty * b;
    to.inventory += s * qty;
    to.cash -= s * qty * b;
  }

  /** Units the vault can still take at price b: its position stays within its equity (1×). */
  private vaultCapacity(mark: number, b: number): number {
    const equity = this.s.backstop + this.vault.cash + this.vault.inventory * mark;
    return Math.max(0, (equity - Math.abs(this.vault.inventory) * mark) / b);
  }

  /** The vault sells a share of its inventory back into the book each step. */
  unwindVault(book: OrderBook): void {
    const inv = this.vault.inventory;
    if (inv === 0) return;
    book.take(
      this.vault,
      inv > 0 ? -1 : 1,
      Math.abs(inv) * VAULT_UNWIND_PER_STEP,
      inv > 0 ? 0 : Infinity,
    );
  }

  /**
   * Auto-deleveraging: closes up to `qty` units of opposite positions at price b. Queue policy:
   * in ranking order, profit % × effective leverage; pro-rata: every profitable position loses
   * the same share. Returns the units closed.
   */
  private deleverage(
    s: 1 | -1,
    qty: number,
    b: number,
    mark: number,
    fundingIndex: number,
  ): number {
    const opp = s === 1 ? this.shorts : this.longs;
    const ranking = this.ranking(opp, mark);
    let rest = qty;
    let hit = 0;
    const closeUnits = (j: number, y: number) => {
      const closed = opp.reduce(j, y);
      if (closed <= 0) return;
      // Opposite side is -s: it realises (-s) · closed · (b - entry).
      this.totals.tradersRealised += -s * closed * (b - opp.entry[j]);
      this.totals.tradersFunding -= -s * closed * fundingIndex;
      this.account.inventory -= s * closed;
      this.account.cash += s * closed * b;
      this.totals.adlNotional += closed * b;
      rest -= closed;
      hit++;
    };
    if (this.s.adl === 'prorata') {
      let total = 0;
      for (let r = 0; r < ranking.length; r++) total += opp.qty[ranking.at(r)];
      if (total > 0) {
        const share = Math.min(1, qty / total);
        for (let r = 0; r < ranking.length && rest > 0; r++) {
          const j = ranking.at(r);
          closeUnits(j, Math.min(rest, opp.qty[j] * share));
        }
      }
    } else {
      for (let j = ranking.best(); rest > 0 && j >= 0; j = ranking.best()) {
        if (opp.qty[j] > 0) closeUnits(j, rest);
        if (opp.qty[j] === 0) ranking.dropBest();
      }
    }
    this.totals.adlCount += hit;
    this.lastAdlHits += hit;
    return qty - rest;
  }

  /** ADL hits in the current step (read and reset by the step). */
  lastAdlHits = 0;

  /** The ADL ranking of `side` at this step's mark, built on first use in the step. */
  private ranking(side: PositionSide, mark: number): AdlRanking {
    const key = side.side === 1 ? 'long' : 'short';
    const ranking = this.adlRankings[key];
    if (this.adlRankedAt[key] !== this.stepCount) {
      ranking.build(side, mark);
      this.adlRankedAt[key] = this.stepCount;
    }
    return ranking;
  }
}
