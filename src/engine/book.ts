/**
 * The limit order book: bid and ask ladders on a fixed tick grid, kept by market makers.
 *
 * Depth is stored as quantity (base units) per tick. The market makers' baseline profile gives
 * the USD depth per unit of relative distance x from the reference price as
 * `c · min(1 + x / 1 %, 3)` out to 50 %: depth thickens away from the touch and flattens beyond
 * 2 %, and `c` is set so that the bid depth within 1 % equals the `liquidity` parameter.
 * Each step the makers re-centre on the last price, cancel what exceeds their (volatility-
 * withdrawn) target at once, and refill a `resilience` share of what is missing.
 *
 * A market order walks the ladder level by level; its fill price is the VWAP of the levels it
 * consumed. Every fill is settled between the taker's and the makers' accounts, so the book
 * never creates or destroys money.
 */

import { type Account, settleTrade } from './accounts';
import { Ladder, PROFILE_FLAT, PROFILE_KNEE, PROFILE_REACH, profileShape } from './ladder';

/** Ticks per unit of price at the start: one tick is 1 basis point of the start price. */
const TICKS_PER_START_PRICE = 10_000;
/** The ladder spans 0 to this multiple of the start price. */
const LADDER_SPAN = 3;
/**
 * Farthest from a reference price, as a share of it, that any order fills in one step: venues'
 * price protection. Liquidations, noise traders, behavioural agents and the vault all keep to
 * it, so an emptied book is never swept to the end of the ladder.
 */
export const ORDER_BAND = 0.05;

/** The band's limit price for a buy (`side` +1) or a sell (-1) around `price`. */
export function bandLimit(price: number, side: 1 | -1): number {
  return price * (1 + side * ORDER_BAND);
}

/** Levels a walk beyond the ladder's up-to-date window brings up to date on either side. */
const WALK_COVER = 64;

/** Band around the price used for the depth and depletion figures. */
export const DEPTH_BAND = 0.05;

/** ∫₀^x profileShape: cumulative baseline depth within relative distance x, before `c`. */
export function cumulativeProfile(x: number): number {
  const k = Math.min(x, PROFILE_KNEE);
  return k + (k * k) / 0.02 + Math.max(0, x - PROFILE_KNEE) * PROFILE_FLAT;
}

/** Per-step record of trading: OHLC of the last price and traded notional. */
export interface Tape {
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export class OrderBook {
  /** USD per tick. */
  readonly tick: number;
  /** Number of ticks in the ladder. */
  readonly size: number;
  /** Resting quantity per tick, refilled lazily (ladder.ts). */
  private readonly ladder: Ladder;
  /** The market makers' account: the counterparty of every fill. */
  readonly makers: Account = { cash: 0, inventory: 0 };
  /** Scale of the baseline profile (USD per unit of relative distance). */
  readonly depthScale: number;
  readonly tape: Tape;
  /** USD value of the last `take` (its quantity is what `take` returns). */
  filledValue = 0;
  /** Highest tick that may hold bids; lowest tick that may hold asks. */
  private bidTop: number;
  private askBottom: number;

  constructor(startPrice: number, liquidity: number) {
    this.tick = startPrice / TICKS_PER_START_PRICE;
    this.size = TICKS_PER_START_PRICE * LADDER_SPAN;
    this.ladder = new Ladder(this.size, this.tick);
    this.depthScale = liquidity / cumulativeProfile(0.01);
    this.tape = {
      open: startPrice,
      high: startPrice,
      low: startPrice,
      close: startPrice,
      volume: 0,
    };
    this.bidTop = 0;
    this.askBottom = this.size;
    this.refill(startPrice, 1, 1);
  }

  /** Resting quantity per tick, every level up to date (for tests: the engine reads levels). */
  get bids(): Float64Array {
    this.ladder.cover(0, this.size - 1);
    return this.ladder.bids;
  }

  get asks(): Float64Array {
    this.ladder.cover(0, this.size - 1);
    return this.ladder.asks;
  }

  /** Starts a new step's tape at the previous close. */
  beginStep(): void {
    const t = this.tape;
    t.open = t.high = t.low = t.close;
    t.volume = 0;
  }

  /** Baseline quantity the makers aim for at tick k around reference price `ref`. */
  baselineAt(k: number, ref: number): number {
    const p = k * this.tick;
    const x = Math.abs(ref - p) / ref;
    if (x > PROFILE_REACH || p <= 0) return 0;
    return (this.depthScale * profileShape(x) * this.tick) / ref / p;
  }

  /**
   * Market makers re-centre on `ref`, cancel depth above `withdrawFactor` × baseline, and refill
   * a `resilience` share of what is missing. Applied at once near the price only (ladder.ts).
   */
  refill(ref: number, resilience: number, withdrawFactor: number): void {
    const scale = (this.depthScale * this.tick * withdrawFactor) / ref;
    this.ladder.refill(ref, resilience, scale, this.bidTop, this.askBottom);
    const mid = Math.min(this.size - 2, Math.max(1, Math.round(ref / this.tick)));
    this.bidTop = mid - 1;
    this.askBottom = mid + 1;
  }

  /**
   * A taker order against the book: `side` +1 buys from the asks, -1 sells into the bids, up to
   * `qty`, never at a price beyond `limit` (a buy stops above it, a sell below it).
   * `ref` and `budget` bound the loss: a level worse than `ref` costs `|p - ref|` per unit, paid
   * from `budget` (Infinity: no bound). With `pool`, gains on levels better than `ref` add to
   * the budget (the order as a whole must not lose more than the budget).
   * Returns the quantity filled; `filledValue` has its USD value.
   */
  take(
    taker: Account,
    side: 1 | -1,
    qty: number,
    limit: number,
    ref = 0,
    budget = Infinity,
    pool = false,
  ): number {
    const ladder = this.ladder;
    const levels = side === 1 ? ladder.asks : ladder.bids;
    const tick = this.tick;
    const start = side === 1 ? this.askBottom : this.bidTop;
    let k = start;
    let remaining = qty;
    let filled = 0;
    let value = 0;
    let last = -1;
    while (remaining > 0 && k >= 1 && k < this.size) {
      if (k < ladder.lo || k > ladder.hi) ladder.cover(k - WALK_COVER, k + WALK_COVER);
      const available = levels[k];
      if (available > 0) {
        const p = k * tick;
        if (side * (p - limit) > 0) break;
        const lossPerUnit = side * (p - ref);
        let take = Math.min(available, remaining);
        if (lossPerUnit > 0) {
          take = Math.min(take, budget / lossPerUnit);
          if (take <= 0) break;
          budget -= take * lossPerUnit;
        } else if (pool) {
          budget -= take * lossPerUnit;
        }
        levels[k] = take === available ? 0 : available - take;
        remaining = take === remaining ? 0 : remaining - take;
        filled += take;
        value += take * p;
        last = p;
        if (levels[k] > 0) break; // budget ran out inside this level
      }
      k += side;
    }
    ladder.read(Math.min(start, k), Math.max(start, k));
    if (side === 1) this.askBottom = Math.max(this.askBottom, Math.min(k, this.size - 1));
    else this.bidTop = Math.min(this.bidTop, Math.max(k, 0));
    this.filledValue = value;
    if (filled > 0) {
      settleTrade(taker, this.makers, side, filled, value);
      const t = this.tape;
      t.close = last;
      if (last > t.high) t.high = last;
      if (last < t.low) t.low = last;
      t.volume += value;
    }
    return filled;
  }

  /** Resting USD depth of bids within `band` below and asks within `band` above `ref`. */
  depthWithin(ref: number, band: number): { bid: number; ask: number } {
    const lo = Math.max(1, Math.ceil((ref * (1 - band)) / this.tick));
    const hi = Math.min(this.size - 1, Math.floor((ref * (1 + band)) / this.tick));
    this.ladder.read(lo, hi);
    const { bids, asks } = this.ladder;
    // Bids above bidTop and asks below askBottom are empty: adding their zeros changes no bit.
    let bid = 0;
    for (let k = lo, top = Math.min(hi, this.bidTop); k <= top; k++)
      bid += bids[k] * (k * this.tick);
    let ask = 0;
    for (let k = Math.max(lo, this.askBottom); k <= hi; k++) ask += asks[k] * (k * this.tick);
    return { bid, ask };
  }

  /** Baseline USD depth on one side within `band` of the price (no withdrawal). */
  baselineWithin(band: number): number {
    return this.depthScale * cumulativeProfile(Math.min(band, PROFILE_REACH));
  }

  /**
   * Adds the book into price buckets [low, high) split in `count` equal parts: resting bid and
   * ask USD, and the makers' baseline around `ref`. Writes into the given rows.
   */
  bucketize(
    low: number,
    high: number,
    ref: number,
    bid: Float32Array,
    ask: Float32Array,
    baseline: Float32Array,
  ): void {
    const count = bid.length;
    const width = (high - low) / count;
    const kLo = Math.max(1, Math.ceil(low / this.tick));
    const kHi = Math.min(this.size - 1, Math.floor(high / this.tick));
    this.ladder.read(kLo, kHi);
    const { bids, asks } = this.ladder;
    bid.fill(0);
    ask.fill(0);
    baseline.fill(0);
    const reach = ref * PROFILE_REACH;
    for (let k = kLo; k <= kHi; k++) {
      const p = k * this.tick;
      const b = Math.min(count - 1, Math.floor((p - low) / width));
      bid[b] += bids[k] * p;
      ask[b] += asks[k] * p;
      if (Math.abs(p - ref) <= reach) baseline[b] += this.baselineAt(k, ref) * p;
    }
  }
}
