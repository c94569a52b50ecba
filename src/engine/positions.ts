/**
 * Open leveraged positions of one side, in typed arrays sorted by liquidation price, so the
 * liquidation engine finds every breached position by walking from one end: a step costs in
 * proportion to the positions it liquidates, not to how many are open.
 *
 * Longs are breached when the mark falls to their liquidation price, so they are walked from
 * the highest price down; shorts from the lowest up. A partially liquidated position has a new,
 * farther liquidation price and moves to a small heap beside the sorted arrays.
 */

import { bankruptcyPrice, liquidationPrice, MARGIN_TIERS } from './tiers';

/** Histogram of open positions' liquidation notional by price bucket (the heatmap's fuel). */
export class LiquidationMap {
  readonly notional: Float64Array;
  constructor(
    readonly low: number,
    readonly high: number,
    count: number,
  ) {
    this.notional = new Float64Array(count);
  }
  /** Adds `usd` at price `p` (outside the grid: not drawn, so not counted). */
  add(p: number, usd: number): void {
    if (p < this.low || p >= this.high) return;
    const b = Math.floor(((p - this.low) / (this.high - this.low)) * this.notional.length);
    const before = this.notional[b];
    const after = before + usd;
    // Removing what was added leaves rounding residue: call it empty, not a sliver of fuel.
    this.notional[b] = Math.abs(after) <= 1e-9 * (Math.abs(before) + Math.abs(usd)) ? 0 : after;
  }
}

/** A binary max-heap of (key, id), keys pre-signed so the top is the next to breach. */
class Heap {
  private keys = new Float64Array(16);
  private ids = new Uint32Array(16);
  size = 0;
  push(key: number, id: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      const i = new Uint32Array(this.size * 2);
      i.set(this.ids);
      this.keys = k;
      this.ids = i;
    }
    let c = this.size++;
    while (c > 0) {
      const parent = (c - 1) >> 1;
      if (this.keys[parent] >= key) break;
      this.keys[c] = this.keys[parent];
      this.ids[c] = this.ids[parent];
      c = parent;
    }
    this.keys[c] = key;
    this.ids[c] = id;
  }
  topKey(): number {
    return this.size > 0 ? this.keys[0] : -Infinity;
  }
  topId(): number {
    return this.ids[0];
  }
  pop(): void {
    const n = --this.size;
    const key = this.keys[n];
    const id = this.ids[n];
    let c = 0;
    for (;;) {
      let child = 2 * c + 1;
      if (child >= n) break;
      if (child + 1 < n && this.keys[child + 1] > this.keys[child]) child++;
      if (this.keys[child] <= key) break;
      this.keys[c] = this.keys[child];
      this.ids[c] = this.ids[child];
      c = child;
    }
    this.keys[c] = key;
    this.ids[c] = id;
  }
}

/** Raw, unsorted columns of one side's population, as the generator produces them. */
export interface PositionColumns {
  qty: Float64Array;
  entry: Float64Array;
  leverage: Float64Array;
  tier: Uint8Array;
  /** Liquidation price at the drawn tier. */
  liq: Float64Array;
}

export class PositionSide {
  readonly count: number;
  /** Quantity still open (0: closed). */
  readonly qty: Float64Array;
  readonly entry: Float64Array;
  readonly leverage: Float64Array;
  readonly tier: Uint8Array;
  /** Current liquidation price; the arrays are sorted ascending by it at set-up. */
  readonly liq: Float64Array;
  /** Sum of open quantity and of quantity × entry (for open interest and unrealised PnL). */
  openQty = 0;
  openCost = 0;
  /** Next sorted index to check: walks down for longs, up for shorts. */
  private cursor: number;
  private readonly moved = new Heap();

  constructor(
    readonly side: 1 | -1,
    cols: PositionColumns,
    private readonly map: LiquidationMap,
    sortOrder: Uint32Array,
  ) {
    const n = cols.qty.length;
    this.count = n;
    const qty = (this.qty = new Float64Array(n));
    const entry = (this.entry = new Float64Array(n));
    const leverage = (this.leverage = new Float64Array(n));
    const tier = (this.tier = new Uint8Array(n));
    const liq = (this.liq = new Float64Array(n));
    // The sorted gather reads the columns in random order: interleaved first (one sequential
    // pass), each position costs one cache miss instead of four. Set-up of 10⁶ positions.
    const packed = new Float64Array(4 * n);
    for (let j = 0, k = 0; j < n; j++, k += 4) {
      packed[k] = cols.qty[j];
      packed[k + 1] = cols.entry[j];
      packed[k + 2] = cols.leverage[j];
      packed[k + 3] = cols.liq[j];
    }
    const tiers = cols.tier;
    let openQty = 0;
    let openCost = 0;
    for (let i = 0; i < n; i++) {
      const j = sortOrder[i];
      const k = 4 * j;
      const q = packed[k];
      const e = packed[k + 1];
      const lp = packed[k + 3];
      qty[i] = q;
      entry[i] = e;
      leverage[i] = packed[k + 2];
      tier[i] = tiers[j];
      liq[i] = lp;
      openQty += q;
      openCost += q * e;
      map.add(lp, q * lp);
    }
    this.openQty = openQty;
    this.openCost = openCost;
    this.cursor = side === 1 ? n - 1 : 0;
  }

  /**
   * The next open position breached at `mark`, or -1. Longs are breached when the mark is at or
   * below their liquidation price, shorts when it is at or above.
   */
  nextBreached(mark: number): number {
    const s = this.side;
    for (;;) {
      // Skip positions closed by ADL or emptied by partial liquidation.
      while (this.cursor >= 0 && this.cursor < this.count && this.qty[this.cursor] === 0) {
        this.cursor -= s;
      }
      // Drop heap entries of closed positions or of a liquidation price since replaced.
      while (this.moved.size > 0) {
        const top = this.moved.topId();
        if (this.qty[top] !== 0 && s * this.liq[top] === this.moved.topKey()) break;
        this.moved.pop();
      }
      const fromSorted =
        this.cursor >= 0 && this.cursor < this.count ? s * this.liq[this.cursor] : -Infinity;
      const fromMoved = this.moved.topKey();
      if (fromSorted === -Infinity && fromMoved === -Infinity) return -1;
      if (fromMoved > fromSorted) {
        const id = this.moved.topId();
        if (this.liq[id] * s < mark * s) return -1;
        this.moved.pop();
        return id;
      }
      const id = this.cursor;
      if (this.liq[id] * s < mark * s) return -1;
      this.cursor -= s;
      return id;
    }
  }

  /** Bankruptcy price of position i. */
  bankruptcy(i: number): number {
    return bankruptcyPrice(this.side, this.entry[i], this.leverage[i]);
  }

  /** Isolated margin of `q` units of position i. */
  margin(i: number, q: number): number {
    return (q * this.entry[i]) / this.leverage[i];
  }

  /** Closes `q` units of position i (all of it if q >= its quantity); returns units closed. */
  reduce(i: number, q: number): number {
    const open = this.qty[i];
    const closed = Math.min(open, q);
    if (closed <= 0) return 0;
    this.map.add(this.liq[i], -closed * this.liq[i]);
    this.qty[i] = closed === open ? 0 : open - closed;
    this.openQty -= closed;
    this.openCost -= closed * this.entry[i];
    return closed;
  }

  /**
   * Moves the remainder of a partially liquidated position to margin tier `tier`: its
   * maintenance rate falls, so its liquidation price moves away from the mark.
   */
  retier(i: number, tier: number): void {
    const q = this.qty[i];
    this.map.add(this.liq[i], -q * this.liq[i]);
    this.tier[i] = tier;
    const lp = liquidationPrice(this.side, this.entry[i], this.leverage[i], MARGIN_TIERS[tier].mmr);
    this.liq[i] = lp;
    this.map.add(lp, q * lp);
    this.moved.push(this.side * lp, i);
  }

  /**
   * Puts position i back among those the engine checks, at its current liquidation price: for a
   * position the engine found breached but left open (a slice's cooldown, the throughput limit),
   * which the walk has already passed.
   */
  requeue(i: number): void {
    if (this.qty[i] > 0) this.moved.push(this.side * this.liq[i], i);
  }

  /**
   * Adds `usd` of margin to position i's isolated margin (the surplus a liquidation slice left
   * it): its leverage falls, its liquidation price moves away. Call {@link requeue} after.
   */
  addMargin(i: number, usd: number): void {
    const q = this.qty[i];
    if (!(q > 0) || !(usd > 0)) return;
    const margin = (q * this.entry[i]) / this.leverage[i] + usd;
    this.map.add(this.liq[i], -q * this.liq[i]);
    this.leverage[i] = (q * this.entry[i]) / margin;
    const lp = liquidationPrice(
      this.side,
      this.entry[i],
      this.leverage[i],
      MARGIN_TIERS[this.tier[i]].mmr,
    );
    this.liq[i] = lp;
    this.map.add(lp, q * lp);
  }

  /** Signed open quantity (long positive). */
  get netQty(): number {
    return this.side * this.openQty;
  }
}
