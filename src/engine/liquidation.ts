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
 *
 * That is the `generic` engine, kept as the contract's design and for old links. The venue
 * engines (`binance`, `bybit`, `hyperliquid`; rules in venues.ts) close each position in the
 * step it is breached: the book within the band, then the vault, then the fund, which take the
 * rest over at bankruptcy as far as their equity carries their stock unlevered (venues.ts), then
 * ADL at once (ranked traders, then the positions' residual counterparty). The fund's and the vault's stock unwinds
 * only while the price is not moving against it. Their throughput limit and the circuit breaker
 * leave breached positions with their traders, and every surplus over bankruptcy goes to the
 * fund (no fee).
 */

import { type Account, newAccount } from './accounts';
import { type AdlResult, AdlWhoPays, Deleverager } from './adl';
import type { ExogenousLedger } from './criticality';
import { TakeoverQueue } from './queue';
import { bandLimit, type OrderBook } from './book';
import type { LiquidationMap, PositionSide } from './positions';
import { MARGIN_TIERS } from './tiers';

/** Maintenance rate of margin tier `t`. */
const tierMmr = (t: number): number => MARGIN_TIERS[t].mmr;
import type { LiquidationEngineKind, Scenario } from './types';
import {
  adlToRestore,
  belowVaultThreshold,
  capacityUsed,
  fundCapacity,
  sliceQty,
  slicesPerStep,
  stepDownQty,
  unwindOrder,
  vaultTriggerPrice,
} from './venues';

/** Quantity left over, as a share of the order, that is only rounding. */
const QTY_EPSILON = 1e-12;
/** Fund headroom, as a share of the notional being closed, that counts as spent. */
const FUND_EPSILON = 1e-9;
/** Share of the vault's inventory it sells back into the book per step. */
const VAULT_UNWIND_PER_STEP = 0.02;

/** What the engine did in one step, for the frame. */

/** What is left of `rest` after `taken`: 0 when it is within rounding of `whole`, so dust never waits. */
function remainder(rest: number, taken: number, whole: number): number {
  return rest - taken <= QTY_EPSILON * whole ? 0 : rest - taken;
}

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
  /**
   * The shortfall ADL's closes covered: per unit closed, the loss of closing it at the edge of
   * the price band, where the book ran out (a warehouse's ADL: at the mark), against the
   * bankruptcy price ADL closed it at (USD; the least the fund would have had to pay).
   */
  adlShortfall: number;
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
  /** Venue engines: what the insurance fund took over and has not yet sold (its stock). */
  readonly stock: Account = newAccount();
  readonly kind: LiquidationEngineKind;
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
  /** Who ADL closed, by decile of profit and of leverage among its candidates. */
  readonly whoPays = new AdlWhoPays();
  private stepCount = 0;
  private readonly sides: readonly PositionSide[];
  /** Venue engines: breached positions left with their traders this step, checked again next. */
  private readonly deferred: number[] = [];
  /** Step the residual counterparty was last deleveraged at (it counts once per step). */
  private legacyHitStep = -1;
  private legacyHit = false;
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

  /**
   * `legacy` is whoever took the other side of the positions before the run: the venue engines
   * may deleverage it once the ranked traders are exhausted.
   */
  constructor(
    private readonly s: Scenario,
    longs: PositionSide,
    shorts: PositionSide,
    private readonly legacy: Account | null = null,
  ) {
    this.kind = s.engine ?? 'generic';
    this.fund = s.insuranceFund;
    this.sides = [longs, shorts];
    this.adlLongs = new Deleverager(longs, s.adl, this.whoPays);
    this.adlShorts = new Deleverager(shorts, s.adl, this.whoPays);
    // Venues pay the whole surplus over bankruptcy into the fund; the contract's split is generic's.
    this.feeRate = this.kind === 'generic' ? s.liquidationFee / 100 : 0;
    this.totals = {
      liquidatedLong: 0,
      liquidatedShort: 0,
      liquidations: 0,
      adlCount: 0,
      adlNotional: 0,
      adlShortfall: 0,
      fundLow: s.insuranceFund,
      tradersRealised: 0,
      tradersFunding: 0,
    };
  }

  /** Notional waiting in the queue, at `price`. */
  queuedNotional(price: number): number {
    return this.queue.head < this.queue.tail ? this.queue.total * price : 0;
  }

  /** Steps the oldest queued position has waited. */
  queueAge(): number {
    return this.queue.age(this.stepCount);
  }

  /**
   * The queue's loss at `mark` against the bankruptcy prices it was taken over at (USD; positive:
   * a loss the fund or ADL must still cover). The engine's inventory is the queue's.
   */
  queueLoss(mark: number): number {
    return this.queueCost - this.account.inventory * mark;
  }

  /** The fund's equity at `mark`: its cash and its stock marked (USD). */
  fundEquity(mark: number): number {
    return this.fund + this.stock.cash + this.stock.inventory * mark;
  }

  /** Share of the fund's capacity its stock uses at `mark` (venues.ts, capacityUsed). */
  fundCapacityUsed(mark: number): number {
    return capacityUsed(this.fundEquity(mark), this.stock.inventory, mark);
  }

  /** The vault's profit and loss at `price` (USD). */
  vaultPnl(price: number): number {
    return this.vault.cash + this.vault.inventory * price;
  }

  /** Distinct positions auto-deleveraged so far (the residual counterparty counts as one). */
  get adlPositions(): number {
    return this.adlLongs.positionsHit + this.adlShorts.positionsHit + (this.legacyHit ? 1 : 0);
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
        this.takeOverUnits(side, i, qty, fundingIndex, out);
        if (side.qty[i] > 0) side.retier(i, t - 1);
      }
    }
  }

  private takeOverUnits(
    side: PositionSide,
    i: number,
    qty: number,
    fundingIndex: number,
    out: StepLiquidations,
  ): void {
    const b = this.seize(side, i, qty, fundingIndex, out);
    this.queue.push(qty, side.side, b, this.stepCount);
  }

  /**
   * Transfers `qty` units of position i to the engine at its bankruptcy price (the trader loses
   * exactly their margin on them) and books them as liquidated, at that price as terminals
   * total it. Returns the bankruptcy price. The units count as queued until closed.
   */
  private seize(
    side: PositionSide,
    i: number,
    qty: number,
    fundingIndex: number,
    out: StepLiquidations,
  ): number {
    const s = side.side;
    const b = side.bankruptcy(i);
    const margin = side.margin(i, qty);
    side.reduce(i, qty);
    this.totals.tradersRealised -= margin;
    this.totals.tradersFunding -= s * qty * fundingIndex;
    this.account.inventory += s * qty;
    this.account.cash -= s * qty * b;
    this.queueCost += s * qty * b;
    const notional = qty * b;
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
    return b;
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
      q.qty[k] = remainder(q.qty[k], done, q.qty[k]);
      if (q.qty[k] > 0) break; // the book could not take it all: wait for the next step
      q.head++;
    }
    this.adlLongs.finishStep();
    this.adlShorts.finishStep();
    this.lastAdlHits =
      this.adlLongs.hits + this.adlShorts.hits + (this.legacyHitStep === this.stepCount ? 1 : 0);
    this.totals.adlCount = this.adlPositions;
    if (q.head === q.tail) {
      q.head = q.tail = 0;
      q.total = 0; // no rounding residue once empty
    }
  }

  /**
   * Venue engines: liquidates every position breached at `mark` in this step (no overhang), after
   * the fund and the vault hand to ADL what they can no longer carry at the mark.
   */
  liquidate(book: OrderBook, mark: number, fundingIndex: number, out: StepLiquidations): void {
    this.restore(this.stock, this.fund, mark, fundingIndex);
    this.restore(this.vault, this.s.backstop, mark, fundingIndex);
    // Throughput limit, in notional at bankruptcy: past it the trader keeps the position.
    let allowance = this.s.throughput > 0 ? this.s.throughput : Infinity;
    const deferred = this.deferred;
    for (const side of this.sides) {
      for (let i = side.nextBreached(mark); i >= 0; i = side.nextBreached(mark)) {
        if (allowance <= 0) {
          deferred.push(i);
          break;
        }
        allowance -= this.liquidatePosition(book, side, i, mark, fundingIndex, out);
      }
      // Left with the trader this step (cooldown, throughput): checked again from the next.
      for (const i of deferred) side.requeue(i);
      deferred.length = 0;
    }
  }

  /** One breached position by the engine's rules; returns the notional liquidated (USD). */
  private liquidatePosition(
    book: OrderBook,
    side: PositionSide,
    i: number,
    mark: number,
    fundingIndex: number,
    out: StepLiquidations,
  ): number {
    const qty = side.qty[i];
    const t = side.tier[i];
    if (this.kind === 'bybit') {
      const cut = stepDownQty(qty, t, mark);
      if (!(cut > 0)) {
        side.retier(i, t - 1); // already within the lower tier's limit: it only moves down
        return 0;
      }
      const notional = this.closeNow(book, side, i, Math.min(cut, qty), mark, fundingIndex, out);
      // The rest re-enters one tier lower; if still breached it steps down again at once.
      if (side.qty[i] > 0) side.retier(i, t - 1);
      return notional;
    }
    if (this.kind === 'hyperliquid') {
      const trigger = vaultTriggerPrice(side.side, side.entry[i], side.leverage[i], tierMmr(t));
      if (belowVaultThreshold(side.side, mark, trigger)) {
        return this.closeNow(book, side, i, qty, mark, fundingIndex, out, true);
      }
      let notional = 0;
      for (let k = 0; k < slicesPerStep() && side.qty[i] > 0; k++) {
        const q = sliceQty(side.qty[i], side.qty[i] * mark);
        const filled = this.sliceToBook(book, side, i, q, mark, fundingIndex, out);
        notional += filled * side.bankruptcy(i);
        if (filled < q * (1 - QTY_EPSILON)) break; // the band is out of bids (asks)
      }
      if (side.qty[i] > 0) this.deferred.push(i);
      return notional;
    }
    return this.closeNow(book, side, i, qty, mark, fundingIndex, out);
  }

  /**
   * Takes `qty` units of position i over at bankruptcy and closes them in this step: the book
   * within the band (unless `vaultFirst`), the vault, the fund as far as it can carry them at the
   * mark, then ADL. Only what even ADL cannot place waits in the queue. Returns the notional.
   */
  private closeNow(
    book: OrderBook,
    side: PositionSide,
    i: number,
    qty: number,
    mark: number,
    fundingIndex: number,
    out: StepLiquidations,
    vaultFirst = false,
  ): number {
    const s = side.side;
    const b = this.seize(side, i, qty, fundingIndex, out);
    const o = this.order;
    o.side = s;
    o.qty = o.rest = qty;
    o.bankruptcy = b;
    o.band = bandLimit(mark, -s as 1 | -1);
    o.bookQty = o.bookValue = 0;
    // One immediate-or-cancel order within the band, no worse than bankruptcy overall.
    if (!vaultFirst) this.fill(book, 0, true);
    let atBankruptcy = 0;
    if (o.rest > 0 && this.s.backstop > 0) {
      // The vault, then the fund, take over only what their equity carries unlevered (venues.ts).
      const equity = this.s.backstop + this.vaultPnl(mark);
      const y = fundCapacity(equity, this.vault.inventory, s, o.rest, b, mark);
      if (y > 0) {
        this.transfer(this.vault, s, y, b);
        atBankruptcy += y;
        o.rest = remainder(o.rest, y, qty);
      }
    }
    if (o.rest > 0) {
      // The fund's equity counts this order's surplus (the IOC's fills above bankruptcy).
      const equity = this.headroom() + this.stock.cash + this.stock.inventory * mark;
      const y = fundCapacity(equity, this.stock.inventory, s, o.rest, b, mark);
      if (y > 0) {
        this.transfer(this.stock, s, y, b);
        atBankruptcy += y;
        o.rest = remainder(o.rest, y, qty);
      }
    }
    if (o.rest > 0) {
      const y = this.deleverage(this.account, s, o.rest, b, mark, fundingIndex, o.band);
      atBankruptcy += y;
      o.rest = remainder(o.rest, y, qty);
    }
    if (o.rest > 0) this.fill(book, Infinity, false); // a loss nobody pays: bad debt
    const rest = o.rest;
    this.settle(s, o.bookQty, o.bookValue, b, atBankruptcy);
    if (o.bookQty > 0) out.realised.add(o.bookValue / o.bookQty, o.bookValue);
    if (atBankruptcy > 0) out.realised.add(b, atBankruptcy * b);
    if (rest > 0) this.queue.push(rest, s, b, this.stepCount); // only past every rung
    return qty * b;
  }

  /**
   * Hyperliquid: a book order of `qty` units of position i in the trader's name, within the
   * band and no worse than bankruptcy overall. The trader keeps the rest of the position and
   * the fill's surplus over bankruptcy, which stays in its isolated margin. Returns units filled.
   */
  private sliceToBook(
    book: OrderBook,
    side: PositionSide,
    i: number,
    qty: number,
    mark: number,
    fundingIndex: number,
    out: StepLiquidations,
  ): number {
    const s = side.side;
    const b = side.bankruptcy(i);
    const filled = book.take(
      this.account,
      -s as 1 | -1,
      qty,
      bandLimit(mark, -s as 1 | -1),
      b,
      0,
      true,
    );
    if (!(filled > 0)) return 0;
    const value = book.filledValue;
    this.seize(side, i, filled, fundingIndex, out);
    this.queueCost -= s * filled * b; // closed at once: never queued
    const surplus = s * (value - filled * b);
    this.account.cash -= surplus;
    this.totals.tradersRealised += surplus;
    side.addMargin(i, surplus);
    out.realised.add(value / filled, value);
    return filled;
  }

  /**
   * ADL trigger of a warehouse (the fund's stock, the vault): once its equity at the mark is
   * below zero, enough of its stock is deleveraged at the stock's average cost to bring it back.
   * It runs every step the price keeps walking away, so ADL spreads over several steps.
   */
  private restore(a: Account, capital: number, mark: number, fundingIndex: number): void {
    if (a.inventory === 0) return;
    const equity = capital + a.cash + a.inventory * mark;
    const y = adlToRestore(equity, a, mark);
    if (!(y > 0)) return;
    const s = a.inventory > 0 ? 1 : -1;
    const cost = -a.cash / a.inventory;
    const closed = this.deleverage(a, s, y, cost, mark, fundingIndex);
    // Remove rounding residue of a fully deleveraged stock.
    if (Math.abs(a.inventory) <= QTY_EPSILON * closed) {
      a.inventory = 0;
    }
  }

  /**
   * Venue engines: the fund's stock and the vault offer a share of their inventory back to the
   * book, only while the price is not moving against the sale and within a shallow limit.
   */
  unwindWarehouses(book: OrderBook): void {
    for (const a of [this.stock, this.vault]) {
      const order = unwindOrder(a, book.tape.close, book.tape.open);
      if (order.qty === 0) continue;
      book.take(a, order.qty > 0 ? 1 : -1, Math.abs(order.qty), order.limit);
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
      const y = this.deleverage(this.account, s, o.rest, b, mark, fundingIndex, o.band);
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
    o.rest = remainder(o.rest, filled, o.qty);
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
    from: Account,
    s: 1 | -1,
    qty: number,
    b: number,
    mark: number,
    fundingIndex: number,
    bookEdge = mark,
  ): number {
    const adl = s === 1 ? this.adlShorts : this.adlLongs;
    const r = this.adlResult;
    adl.take(qty, b, mark, this.stepCount, r);
    let closed = Math.max(0, r.closed);
    if (closed > 0) {
      // The opposite side (-s) closes at b: its funding on those units settles now.
      this.totals.tradersRealised += r.realised;
      this.totals.tradersFunding += s * closed * fundingIndex;
      from.inventory -= s * closed;
      from.cash += s * closed * b;
      this.totals.adlNotional += closed * b;
    }
    // Venue engines: once the ranked traders are exhausted, the residual counterparty too.
    const legacy = this.legacy;
    if (this.kind !== 'generic' && legacy && qty - closed > QTY_EPSILON * qty) {
      const y = Math.min(qty - closed, Math.max(0, -s * legacy.inventory));
      if (y > 0) {
        from.inventory -= s * y;
        from.cash += s * y * b;
        legacy.inventory += s * y;
        legacy.cash -= s * y * b;
        this.totals.adlNotional += y * b;
        this.legacyHitStep = this.stepCount;
        this.legacyHit = true;
        closed += y;
      }
    }
    // What the book could not take within the band would have lost at least s·(b − edge) a unit.
    this.totals.adlShortfall += closed * Math.max(0, s * (b - bookEdge));
    return closed;
  }

  /** ADL hits in the current step (positions cut). */
  lastAdlHits = 0;
}
