/**
 * The liquidation heatmap a terminal would draw, built only from what a terminal sees: the
 * candles, the open interest and an assumed set of leverage tiers (the community algorithm of
 * aggr's liquidation-heatmap indicator). Every candle's new open interest opens a level per
 * assumed tier on each side (long `P (1 - 1/L) / (1 - mmr)`, short `P (1 + 1/L) / (1 + mmr)`),
 * a level is consumed once a candle trades through it, and levels fade with age.
 *
 * The terminal does not know which side opened, at which leverage, or who was closed by
 * anything but a price crossing (ADL, partial liquidation, a liquidation on the mark that the
 * last price never printed). Set beside the engine's true map, the gap is what the estimate
 * misses and what it invents (`compareMaps`).
 *
 * Levels are kept one by one in a heap per side, so consumption is exact, and their notional by
 * price bucket in a {@link LiquidationMap} on the true map's grid. Fading is lazy: a level is
 * stored at its notional scaled up by the decay it will undergo from time 0, and the map is read
 * scaled down by the decay up to now, so a step costs nothing for the levels it does not touch.
 */

import { exp } from './dmath';
import { LiquidationMap } from './positions';
import { liquidationPrice, MARGIN_TIERS } from './tiers';
import type { EstimateTiers } from './types';

/** One leverage the terminal assumes, with its maintenance rate and share of new interest. */
export interface AssumedTier {
  leverage: number;
  mmr: number;
  weight: number;
}

export interface EstimateOptions {
  tiers: readonly AssumedTier[];
  /** Steps over which a level's notional halves (Infinity: no fading). */
  halfLife: number;
  /** Share of new open interest assumed long (a terminal cannot tell: an even split). */
  longShare: number;
}

/** Half-life of a level on the terminal's heatmap: two days of minutes. */
export const ESTIMATE_HALF_LIFE = 2880;

/** The leverage sets of the `estimateTiers` parameter that do not depend on the population. */
const TIER_SETS: Record<Exclude<EstimateTiers, 'true'>, readonly number[]> = {
  common: [10, 25, 50, 100],
  wide: [5, 10, 25, 50, 100],
  high: [25, 50, 100],
};

/** Equal weights on a set of leverages, at the smallest accounts' maintenance rate. */
export function evenTiers(leverages: readonly number[]): AssumedTier[] {
  return leverages.map((leverage) => ({
    leverage,
    mmr: MARGIN_TIERS[0].mmr,
    weight: 1 / leverages.length,
  }));
}

/** The open positions' columns the true mix is read from. */
interface OpenPositions {
  count: number;
  qty: Float64Array;
  entry: Float64Array;
  leverage: Float64Array;
  tier: Uint8Array;
}

/**
 * The true leverage mix: each (leverage stop, margin tier) pair weighted by its share of the
 * open notional at entry. What a terminal would assume if it knew the population.
 */
export function trueTiers(sides: readonly OpenPositions[]): AssumedTier[] {
  const mix = new Map<string, { leverage: number; tier: number; usd: number }>();
  let total = 0;
  for (const s of sides) {
    for (let i = 0; i < s.count; i++) {
      const usd = s.qty[i] * s.entry[i];
      if (!(usd > 0)) continue;
      const key = `${s.leverage[i]} ${s.tier[i]}`;
      const m = mix.get(key) ?? { leverage: s.leverage[i], tier: s.tier[i], usd: 0 };
      mix.set(key, m);
      m.usd += usd;
      total += usd;
    }
  }
  return [...mix.values()]
    .sort((a, b) => a.leverage - b.leverage || a.tier - b.tier)
    .map((m) => ({ leverage: m.leverage, mmr: MARGIN_TIERS[m.tier].mmr, weight: m.usd / total }));
}

/** The assumed tiers of a choice of the `estimateTiers` parameter. */
export function assumedTiers(
  choice: EstimateTiers,
  sides: readonly OpenPositions[],
): AssumedTier[] {
  return choice === 'true' ? trueTiers(sides) : evenTiers(TIER_SETS[choice]);
}

/** A max-heap of levels keyed by side × price, so the top is the next a candle consumes. */
class LevelHeap {
  /** Keys and values in heap order: `keys[0]` is the top while `size` > 0. */
  keys = new Float64Array(16);
  values = new Float64Array(16);
  size = 0;

  /** Builds the heap in O(n) from unordered levels: `keys` and the first as many `values`. */
  static from(keys: Float64Array, values: Float64Array): LevelHeap {
    const h = new LevelHeap();
    h.keys = keys.slice();
    h.values = values.slice(0, keys.length);
    h.size = keys.length;
    for (let i = (h.size >> 1) - 1; i >= 0; i--) h.siftDown(i);
    return h;
  }

  push(key: number, value: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(Math.max(16, this.size * 2));
      k.set(this.keys);
      const v = new Float64Array(k.length);
      v.set(this.values);
      this.keys = k;
      this.values = v;
    }
    let c = this.size++;
    while (c > 0) {
      const parent = (c - 1) >> 1;
      if (this.keys[parent] >= key) break;
      this.keys[c] = this.keys[parent];
      this.values[c] = this.values[parent];
      c = parent;
    }
    this.keys[c] = key;
    this.values[c] = value;
  }

  pop(): void {
    const n = --this.size;
    this.keys[0] = this.keys[n];
    this.values[0] = this.values[n];
    this.siftDown(0);
  }

  private siftDown(i: number): void {
    const { keys, values } = this;
    const n = this.size;
    const key = keys[i];
    const value = values[i];
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && keys[c + 1] > keys[c]) c++;
      if (keys[c] <= key) break;
      keys[i] = keys[c];
      values[i] = values[c];
      i = c;
    }
    keys[i] = key;
    values[i] = value;
  }
}

export class TerminalEstimate {
  /** Stored notional by bucket, scaled up by the decay from time 0 (read it with {@link read}). */
  private readonly stored: LiquidationMap;
  /** The estimated liquidation notional by bucket at the current step (USD). */
  readonly notional: Float64Array;
  private longs = new LevelHeap();
  private shorts = new LevelHeap();
  /** What is left of a level after one step (1: no fading). */
  private readonly decay: number;
  /** The decay from time 0 to now: the stored map is read scaled by it. */
  private scale = 1;
  private lastOpenQty = NaN;

  constructor(
    low: number,
    high: number,
    count: number,
    private readonly options: EstimateOptions,
  ) {
    this.stored = new LiquidationMap(low, high, count);
    this.notional = new Float64Array(count);
    // Multiplied step by step rather than exp'd each time: dmath's exp is exact but not cheap.
    this.decay = Number.isFinite(options.halfLife) ? exp(-Math.LN2 / options.halfLife) : 1;
  }

  /**
   * Adds the levels of `qty` units opened at `price` by one side at `time`, one per assumed tier
   * inside the grid (outside, a level is not drawn, as in the true map), to the map and to
   * `keys`/`values`, unless a later price `reached` it (NaN: nothing did).
   */
  private addLevels(
    side: 1 | -1,
    price: number,
    qty: number,
    growth: number,
    reached: number,
    push: (key: number, value: number) => void,
  ): void {
    const { low, high } = this.stored;
    for (const t of this.options.tiers) {
      const lp = liquidationPrice(side, price, t.leverage, t.mmr);
      if (!(lp >= low && lp < high) || side * lp >= side * reached) continue;
      const value = qty * t.weight * lp * growth;
      push(side * lp, value);
      this.stored.add(lp, value);
    }
  }

  /** Adds the levels of `qty` units that one side opened at `price` in the current step. */
  open(side: 1 | -1, price: number, qty: number): void {
    const heap = side === 1 ? this.longs : this.shorts;
    this.addLevels(side, price, qty, 1 / this.scale, NaN, (k, v) => heap.push(k, v));
    this.read();
  }

  /**
   * Seeds the map from the price history before the run: `path[path.length - 1]` is the start,
   * each earlier point one step before it, and each point after the first opened `usd` of open
   * interest, split between the sides by the assumed long share. Levels a later point of the
   * history traded through are consumed, as they would have been candle by candle.
   */
  seedHistory(path: Float64Array, usd: number): void {
    const w = path.length - 1;
    const sides = ([1, -1] as const).map((side) => {
      const size = w * this.options.tiers.length;
      const levels = { keys: new Float64Array(size), values: new Float64Array(size), n: 0 };
      const put = (key: number, value: number) => {
        levels.keys[levels.n] = key;
        levels.values[levels.n++] = value;
      };
      const share = side === 1 ? this.options.longShare : 1 - this.options.longShare;
      return { side, share, levels, put };
    });
    let lowAfter = Infinity;
    let highAfter = -Infinity;
    // The decay from time 0 back to the candle, inverted: 1 at the start, less the older.
    let growth = 1;
    for (let t = w; t >= 1; t--) {
      const p = path[t];
      lowAfter = Math.min(lowAfter, p);
      highAfter = Math.max(highAfter, p);
      for (const s of sides) {
        // A long's level survives if no later point fell to it, a short's if none rose to it.
        const reached = s.side === 1 ? lowAfter : highAfter;
        this.addLevels(s.side, p, (usd * s.share) / p, growth, reached, s.put);
      }
      growth *= this.decay;
    }
    const heap = ({ keys, values, n }: (typeof sides)[number]['levels']) =>
      LevelHeap.from(keys.subarray(0, n), values);
    this.longs = heap(sides[0].levels);
    this.shorts = heap(sides[1].levels);
    this.read();
  }

  /** Removes every level a candle from `low` to `high` traded through. */
  consume(low: number, high: number): void {
    this.consumeSide(this.longs, 1, low);
    this.consumeSide(this.shorts, -1, high);
  }

  /** Removes one side's levels at or beyond `edge` (a long's at or above it). */
  private consumeSide(heap: LevelHeap, side: 1 | -1, edge: number): void {
    while (heap.size > 0 && heap.keys[0] >= side * edge) {
      this.stored.add(side * heap.keys[0], -heap.values[0]);
      heap.pop();
    }
  }

  /**
   * One candle of the run: consumes the levels it traded through, opens levels for a rise in open
   * interest since the last candle (`openQty`, units, both sides; the first candle has none to
   * compare with, and a fall closes nothing a terminal can place), fades and refreshes
   * {@link notional}.
   */
  observe(low: number, high: number, close: number, openQty: number): void {
    this.consume(low, high);
    const added = openQty - this.lastOpenQty;
    if (added > 0) {
      this.open(1, close, added * this.options.longShare);
      this.open(-1, close, added * (1 - this.options.longShare));
    }
    this.lastOpenQty = openQty;
    this.scale *= this.decay;
    this.read();
  }

  /** Refreshes {@link notional} from the stored map at the current time. */
  private read(): void {
    const scale = this.scale;
    const src = this.stored.notional;
    for (let i = 0; i < src.length; i++) this.notional[i] = src[i] * scale;
  }
}

/** What an estimate misses of the true fuel and what it invents, within a band of the price. */
export interface MapGap {
  /** Share of the true fuel in the band that the estimate does not place there (0..1). */
  miss: number;
  /** Share of the estimate's fuel in the band that is not there in truth (0..1). */
  invent: number;
}

/**
 * Compares two maps on one grid within `band` (a fraction) of `price`, read as a heatmap is
 * read, relatively: each map is first divided by its own total over the grid, so a terminal's
 * scale does not count against it, only where it puts the fuel. A bucket is in the band if its
 * centre is.
 */
export function compareMaps(
  truth: ArrayLike<number>,
  estimate: ArrayLike<number>,
  grid: { low: number; high: number },
  price: number,
  band: number,
  out: MapGap,
): MapGap {
  const n = truth.length;
  let truthTotal = 0;
  let estimateTotal = 0;
  for (let i = 0; i < n; i++) {
    truthTotal += truth[i];
    estimateTotal += estimate[i];
  }
  const width = (grid.high - grid.low) / n;
  const from = Math.max(0, Math.ceil((price * (1 - band) - grid.low) / width - 0.5));
  const to = Math.min(n - 1, Math.floor((price * (1 + band) - grid.low) / width - 0.5));
  let t = 0;
  let e = 0;
  let missed = 0;
  let invented = 0;
  for (let i = from; i <= to; i++) {
    const ti = truthTotal > 0 ? truth[i] / truthTotal : 0;
    const ei = estimateTotal > 0 ? estimate[i] / estimateTotal : 0;
    t += ti;
    e += ei;
    if (ti > ei) missed += ti - ei;
    else invented += ei - ti;
  }
  // Each share's part is at most its whole, so both stay within [0, 1].
  out.miss = t > 0 ? missed / t : 0;
  out.invent = e > 0 ? invented / e : 0;
  return out;
}
