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
import { type AdlResult, Deleverager } from './adl';
import type { ExogenousLedger } from './criticality';
import { TakeoverQueue } from './queue';
import { bandLimit, type OrderBook } from './book';
import type { LiquidationMap, PositionSide } from './positions';
import { MARGIN_TIERS } from './tiers';
import type { Scenario } from './types';

/** Quantity left over, as a share of the order, that is only rounding. */
const QTY_EPSILON = 1e-12;
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
  /** Sorts every take-over into exogenous and endogenous (criticality.ts). */
  ledger: ExogenousLedger;
}

/** Running totals the report needs. */
export interface LiquidationTotals {
  liquidatedLong: number;
  liquidatedShort: number;
  liquidations: number;
  adlCount: number;
  adlNotional: number;
  fundLow: number;
  /** Traders' realised profit and loss, funding excluded (USD). */
  tradersRealised: number;
  /** Traders' realised funding (USD; positive: received). */
  tradersFunding: number;
}

/** State of one queued position's close as it walks down the waterfall. */
interface CloseOrder {
  /** Side of the liquidated position (its close trades the other way). */
  side: 1 | -1;
  qty: number;
  rest: number;
  bankruptcy: number;
  /** Limit price of the band around the mark. */
  band: number;
  bookQty: number;
  bookValue: number;
}

export class LiquidationEngine {
  /**
   * The engine's own account: holds taken-over positions until they are closed. Its cash is the
   * double-entry view of take-overs, fills and settlements: without funding, it always equals
   * minus the queue's cost minus bad debt (a test holds it to that).
   */
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
  /** Auto-deleveraging of the longs (against short liquidations) and of the shorts. */
  private readonly adlLongs: Deleverager;
  private readonly adlShorts: Deleverager;
  private readonly adlResult: AdlResult = { closed: 0, realised: 0 };
  private stepCount = 0;
  private readonly sides: readonly PositionSide[];
  /** The order being closed, reused from one close to the next (no allocation per position). */
  private readonly order: CloseOrder = {
    side: 1,
    qty: 0,
    rest: 0,
    bankruptcy: 0,
    band: 0,
    bookQty: 0,
    bookValue: 0,
  };

  constructor(
    private readonly s: Scenario,
    longs: PositionSide,
    shorts: PositionSide,
  ) {
    this.fund = s.insuranceFund;
    this.sides = [longs, shorts];
    this.adlLongs = new Deleverager(longs, s.adl);
    this.adlShorts = new Deleverager(shorts, s.adl);
    this.feeRate = s.liquidationFee / 100;
    this.totals = {
      liquidatedLong: 0,
      liquidatedShort: 0,
      liquidations: 0,
      adlCount: 0,
      adlNotional: 0,
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
    for (const side of this.sides) {
      for (let i = side.nextBreached(mark); i >= 0; i = side.nextBreached(mark)) {
        const t = side.tier[i];
        let qty = side.qty[i];
        if (this.s.partial && t > 0) {
          // Cut to the next lower tier's notional; the rest re-enters with a lower rate.
          const keep = MARGIN_TIERS[t - 1].maxNotional / side.entry[i];
          qty -= keep;
          if (!(qty > 0)) {
            // Already below the lower tier (ADL cut it): it just moves down a tier.
            side.retier(i, t - 1);
            continue;
          }
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
    out.ledger.record(s, side.liq[i], notional);
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

  /** Starts a step: the ADL rankings of the previous step are stale. */
  beginStep(): void {
    this.stepCount++;
    this.adlLongs.hits = 0;
    this.adlShorts.hits = 0;
    this.lastAdlHits = 0;
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
      q.total -= done;
      // A remainder within rounding of the fill is no remainder: it must not hold the queue.
      q.qty[k] = q.qty[k] - done <= QTY_EPSILON * q.qty[k] ? 0 : q.qty[k] - done;
      if (q.qty[k] > 0) break; // the book could not take it all: wait for the next step
      q.head++;
    }
    this.adlLongs.finishStep();
    this.adlShorts.finishStep();
    this.lastAdlHits = this.adlLongs.hits + this.adlShorts.hits;
    this.totals.adlCount += this.lastAdlHits;
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
    const o = this.order;
    o.side = s;
    o.qty = o.rest = qty;
    o.bankruptcy = b;
    // No order goes beyond the price band in one step, whatever its rung.
    o.band = bandLimit(mark, -s as 1 | -1);
    o.bookQty = o.bookValue = 0;
    // 1. The book, no worse than bankruptcy overall.
    this.fill(book, 0, true);
    // 2. The backstop vault at bankruptcy.
    let atBankruptcy = 0;
    if (o.rest > 0 && this.s.backstop > 0) {
      const y = Math.min(o.rest, this.vaultCapacity(mark, b));
      if (y > 0) {
        this.transfer(this.vault, s, y, b);
        atBankruptcy += y;
        o.rest -= y;
      }
    }
    // 3. The book, as far as the fund covers the shortfall.
    if (o.rest > 0 && this.headroom() > 0) this.fill(book, this.headroom(), true);
    // Once the fund is spent: 4. auto-deleveraging, 5. the book at a loss nobody pays (bad
    // debt). While the fund still has money, what the band left waits for the book to refill.
    const fundSpent = this.headroom() <= FUND_EPSILON * qty * b;
    if (o.rest > 0 && fundSpent) {
      const y = this.deleverage(s, o.rest, b, mark, fundingIndex);
      atBankruptcy += y;
      o.rest -= y;
      if (o.rest > 0) this.fill(book, Infinity, false);
    }
    this.settle(s, o.bookQty, o.bookValue, b, atBankruptcy);
    // The book part prints at its VWAP, the vault and ADL part at bankruptcy.
    if (o.bookQty > 0) out.realised.add(o.bookValue / o.bookQty, o.bookValue);
    if (atBankruptcy > 0) out.realised.add(b, atBankruptcy * b);
    return o.bookQty + atBankruptcy;
  }

  /** Sends the rest of the order to the book within its band: see OrderBook.take. */
  private fill(book: OrderBook, budget: number, pool: boolean): void {
    const o = this.order;
    const side = -o.side as 1 | -1;
    const filled = book.take(this.account, side, o.rest, o.band, o.bankruptcy, budget, pool);
    o.bookQty += filled;
    o.bookValue += book.filledValue;
    o.rest = o.rest - filled <= QTY_EPSILON * o.qty ? 0 : o.rest - filled;
  }

  /** What the fund would hold after the current order's result so far. */
  private headroom(): number {
    const o = this.order;
    return this.fund + o.side * (o.bookValue - o.bookQty * o.bankruptcy);
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
  unwindVault(book: OrderBook, last: number): void {
    const inv = this.vault.inventory;
    if (inv === 0) return;
    const side = inv > 0 ? -1 : 1;
    book.take(this.vault, side, Math.abs(inv) * VAULT_UNWIND_PER_STEP, bandLimit(last, side));
  }

  /**
   * Auto-deleveraging: closes up to `qty` units of opposite positions at price b, by the
   * scenario's policy. Returns the units closed.
   */
  private deleverage(
    s: 1 | -1,
    qty: number,
    b: number,
    mark: number,
    fundingIndex: number,
  ): number {
    const adl = s === 1 ? this.adlShorts : this.adlLongs;
    const r = this.adlResult;
    adl.take(qty, b, mark, this.stepCount, r);
    if (r.closed <= 0) return 0;
    // The opposite side (-s) closes at b: its funding on those units settles now.
    this.totals.tradersRealised += r.realised;
    this.totals.tradersFunding += s * r.closed * fundingIndex;
    this.account.inventory -= s * r.closed;
    this.account.cash += s * r.closed * b;
    this.totals.adlNotional += r.closed * b;
    return r.closed;
  }

  /** ADL hits in the current step (positions cut). */
  lastAdlHits = 0;
}
