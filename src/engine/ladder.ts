/**
 * The makers' ladder: resting bid and ask quantity per tick, and their refill (book.ts), applied
 * lazily with the same bits as applying it everywhere at once.
 *
 * A refill touches every level within 50 % of the price, but a step reads only the levels near
 * it. So each refill is recorded, and applied at once only to a window of levels around its
 * mid; every level outside the window remembers how many refills it has seen, and catches up
 * on the ones it missed, in order and with the same arithmetic, when something reads it. The
 * window moves with the mid and spans what was read around the last one (the depth band for the
 * real market, a few levels at the touch for the counterfactual one); reads beyond it widen it
 * until the next refill. Which levels are current when never changes a bit of any level.
 */

/** Relative distance at which the baseline profile stops thickening. */
export const PROFILE_KNEE = 0.02;
/** Relative distance from the price beyond which makers quote nothing new. */
export const PROFILE_REACH = 0.5;
/** The profile's value beyond the knee. */
export const PROFILE_FLAT = 1 + PROFILE_KNEE / 0.01;
/** Relative distance past the knee from which refill takes PROFILE_FLAT without computing it. */
const KNEE_MARGIN = 1e-4;
/** Relative distance beyond the levels read last time out to which a refill is applied at once. */
const EAGER_MARGIN = 0.005;

/** Baseline USD depth per unit of relative distance, before scaling by `c`. */
export function profileShape(x: number): number {
  return Math.min(1 + x / 0.01, PROFILE_FLAT);
}

/** Fields of one recorded refill, at these offsets of its row in the log. */
const MID = 0;
const LO = 1;
const HI = 2;
const BID_FLAT_END = 3;
const ASK_FLAT_START = 4;
const REF = 5;
const SCALE = 6;
const FLAT_SCALE = 7;
const RESILIENCE = 8;
const FIELDS = 9;
/** Refills logged before every level is brought up to date and the log starts afresh. */
const MAX_LOGGED = 8192;

export class Ladder {
  /** Resting quantity per tick; current only within [lo, hi] (see cover). */
  readonly bids: Float64Array;
  readonly asks: Float64Array;
  /** Levels [lo, hi] have every logged refill applied. */
  lo = 0;
  hi: number;
  /** Outside [lo, hi], how many of the logged refills level k has had applied. */
  private readonly applied: Int32Array;
  private log = new Float64Array(64 * FIELDS);
  private logged = 0;
  /** Mid of the last refill, and the levels read since (readLo > readHi: none). */
  private lastMid = 0;
  private readLo = 1;
  private readHi = 0;

  constructor(
    readonly size: number,
    private readonly tick: number,
  ) {
    this.bids = new Float64Array(size);
    this.asks = new Float64Array(size);
    this.applied = new Int32Array(size);
    this.hi = size - 1;
  }

  /**
   * Makers re-centre on `ref` (no bid at or above its tick, no ask at or below it), cancel what
   * exceeds `scale`-scaled baseline and refill a `resilience` share of what is missing, out to
   * PROFILE_REACH. Bids above `bidTop` and asks below `askBottom` are already empty.
   */
  refill(ref: number, resilience: number, scale: number, bidTop: number, askBottom: number): void {
    if (this.logged === MAX_LOGGED) {
      this.cover(0, this.size - 1);
      this.logged = 0;
    }
    const tick = this.tick;
    const mid = Math.min(this.size - 2, Math.max(1, Math.round(ref / tick)));
    const reach = Math.ceil((ref * PROFILE_REACH) / tick);
    const lo = Math.max(1, mid - reach);
    const hi = Math.min(this.size - 1, mid + reach);
    // Beyond the knee profileShape is exactly its flat value, so most levels skip it. The split
    // sits a margin past the knee and the levels near it take the general formula: same bits.
    const knee = ref * (PROFILE_KNEE + KNEE_MARGIN);
    const row = this.append();
    const log = this.log;
    log[row + MID] = mid;
    log[row + LO] = lo;
    log[row + HI] = hi;
    log[row + BID_FLAT_END] = Math.min(mid, Math.max(lo, Math.floor((ref - knee) / tick)));
    log[row + ASK_FLAT_START] = Math.max(
      mid + 1,
      Math.min(hi + 1, Math.ceil((ref + knee) / tick) + 1),
    );
    log[row + REF] = ref;
    log[row + SCALE] = scale;
    log[row + FLAT_SCALE] = scale * PROFILE_FLAT;
    log[row + RESILIENCE] = resilience;

    const margin = Math.ceil((ref * EAGER_MARGIN) / tick);
    const read = this.readLo <= this.readHi;
    const below = Math.min(reach, margin + (read ? Math.max(0, this.lastMid - this.readLo) : 0));
    const above = Math.min(reach, margin + (read ? Math.max(0, this.readHi - this.lastMid) : 0));
    this.moveWindow(Math.max(0, mid - below), Math.min(this.size - 1, mid + above));
    this.applyAt(row, bidTop, askBottom);
    this.logged++;
    this.lastMid = mid;
    this.readLo = 1;
    this.readHi = 0;
  }

  /** Brings levels [from, to] up to date for a reader; the next refill's window spans them. */
  read(from: number, to: number): void {
    this.cover(from, to);
    if (this.readLo > this.readHi) {
      this.readLo = from;
      this.readHi = to;
    } else {
      this.readLo = Math.min(this.readLo, from);
      this.readHi = Math.max(this.readHi, to);
    }
  }

  /** Brings levels [from, to] (clamped to the ladder) up to date: the window grows to them. */
  cover(from: number, to: number): void {
    const a = Math.max(0, from);
    const b = Math.min(this.size - 1, to);
    if (a < this.lo) {
      for (let k = a; k < this.lo; k++) this.catchUp(k);
      this.lo = a;
    }
    if (b > this.hi) {
      for (let k = this.hi + 1; k <= b; k++) this.catchUp(k);
      this.hi = b;
    }
  }

  /** Row offset of a new refill in the log, growing it as needed. */
  private append(): number {
    const row = this.logged * FIELDS;
    if (row === this.log.length) {
      const grown = new Float64Array(this.log.length * 2);
      grown.set(this.log);
      this.log = grown;
    }
    return row;
  }

  /** Moves the window to [lo, hi]: levels leaving it note what they have seen, entering catch up. */
  private moveWindow(lo: number, hi: number): void {
    const applied = this.applied;
    const logged = this.logged;
    for (let k = this.lo; k <= this.hi && k < lo; k++) applied[k] = logged;
    for (let k = Math.max(this.lo, hi + 1); k <= this.hi; k++) applied[k] = logged;
    const oldLo = this.lo;
    const oldHi = this.hi;
    if (hi < oldLo || lo > oldHi) {
      for (let k = lo; k <= hi; k++) this.catchUp(k);
    } else {
      for (let k = lo; k < oldLo; k++) this.catchUp(k);
      for (let k = oldHi + 1; k <= hi; k++) this.catchUp(k);
    }
    this.lo = lo;
    this.hi = hi;
  }

  /** Applies the refill logged at `row` to the window, as book.ts did to every level. */
  private applyAt(row: number, bidTop: number, askBottom: number): void {
    const log = this.log;
    const bids = this.bids;
    const asks = this.asks;
    const tick = this.tick;
    const mid = log[row + MID] | 0;
    const ref = log[row + REF];
    const scale = log[row + SCALE];
    const flatScale = log[row + FLAT_SCALE];
    const resilience = log[row + RESILIENCE];
    const bidFlatEnd = log[row + BID_FLAT_END] | 0;
    const askFlatStart = log[row + ASK_FLAT_START] | 0;
    const wLo = this.lo;
    const wHi = this.hi;
    for (let k = mid; k <= Math.min(bidTop, wHi); k++) bids[k] = 0;
    for (let k = Math.max(askBottom, wLo); k <= mid; k++) asks[k] = 0;
    const bidFrom = Math.max(log[row + LO] | 0, wLo);
    for (let k = bidFrom; k < bidFlatEnd; k++) {
      const target = flatScale / (k * tick);
      const now = Math.min(bids[k], target);
      bids[k] = now + resilience * (target - now);
    }
    for (let k = Math.max(bidFlatEnd, bidFrom); k < mid; k++) {
      const p = k * tick;
      const target = (scale * profileShape((ref - p) / ref)) / p;
      const now = Math.min(bids[k], target);
      bids[k] = now + resilience * (target - now);
    }
    const askTo = Math.min(log[row + HI] | 0, wHi);
    for (let k = mid + 1; k < Math.min(askFlatStart, askTo + 1); k++) {
      const p = k * tick;
      const target = (scale * profileShape((p - ref) / ref)) / p;
      const now = Math.min(asks[k], target);
      asks[k] = now + resilience * (target - now);
    }
    for (let k = askFlatStart; k <= askTo; k++) {
      const target = flatScale / (k * tick);
      const now = Math.min(asks[k], target);
      asks[k] = now + resilience * (target - now);
    }
  }

  /**
   * Applies to level k, in order, the logged refills it has not seen. A bid at or above a
   * refill's mid is empty after it (above the book's bidTop it already was); likewise an ask.
   */
  private catchUp(k: number): void {
    const log = this.log;
    const p = k * this.tick;
    let bid = this.bids[k];
    let ask = this.asks[k];
    for (let row = this.applied[k] * FIELDS, end = this.logged * FIELDS; row < end; row += FIELDS) {
      const mid = log[row + MID];
      if (k >= mid) bid = 0;
      else if (k >= log[row + LO]) {
        const ref = log[row + REF];
        const target =
          k < log[row + BID_FLAT_END]
            ? log[row + FLAT_SCALE] / p
            : (log[row + SCALE] * profileShape((ref - p) / ref)) / p;
        const now = Math.min(bid, target);
        bid = now + log[row + RESILIENCE] * (target - now);
      }
      if (k <= mid) ask = 0;
      else if (k <= log[row + HI]) {
        const ref = log[row + REF];
        const target =
          k < log[row + ASK_FLAT_START]
            ? (log[row + SCALE] * profileShape((p - ref) / ref)) / p
            : log[row + FLAT_SCALE] / p;
        const now = Math.min(ask, target);
        ask = now + log[row + RESILIENCE] * (target - now);
      }
    }
    this.bids[k] = bid;
    this.asks[k] = ask;
  }
}
