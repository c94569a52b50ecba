/**
 * Scale helpers shared by the charts: how many ticks fit, robust maxima for colour scales,
 * label de-overlap and padded domains. Pure functions and one small accumulator; no DOM.
 */

/** Rough width of a label in px (tabular digits are a little under 0.6 em in the app's sans font). */
export function labelWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * 0.58);
}

/**
 * How many ticks to ask d3 for along `lengthPx` so that labels `labelPx` long (their width on
 * an x axis, their height on a y axis) keep at least `gapPx` between them. At least 2, so an
 * axis always shows its scale; at most `max`.
 */
export function tickCount(lengthPx: number, labelPx: number, gapPx = 24, max = 10): number {
  if (!(lengthPx > 0)) return 2;
  return Math.max(2, Math.min(max, Math.floor(lengthPx / (labelPx + gapPx))));
}

const MIN_LOG2 = -20; // ~1e-6
const MAX_LOG2 = 60; // ~1e18

/**
 * A robust maximum, kept up to date as values stream in: the `quantile` (default 99th
 * percentile) of the positive values, a maximum that one outlier cannot set, so a single whale's
 * bucket does not wash out the rest of a colour scale; 0 before any positive value. A histogram
 * on a log grid (8 bins per doubling by default), so adding is O(1) and the quantile is read in
 * O(bins) without keeping the values. The answer is the upper edge of the quantile's bin (at most 9 % above the exact
 * quantile with 8 bins per doubling), capped at the largest value seen.
 */
export class RobustMaxTracker {
  readonly quantile: number;
  private readonly binsPerOctave: number;
  private readonly bins: Float64Array;
  private n = 0;
  private largest = 0;
  private cached = 0;
  private dirty = false;

  constructor(quantile = 0.99, binsPerOctave = 8) {
    this.quantile = quantile;
    this.binsPerOctave = binsPerOctave;
    this.bins = new Float64Array((MAX_LOG2 - MIN_LOG2) * binsPerOctave + 1);
  }

  /** Values seen that were positive (tests check that no row is added twice). */
  get count(): number {
    return this.n;
  }

  add(v: number): void {
    if (!(v > 0) || !Number.isFinite(v)) return;
    const k = Math.floor((Math.log2(v) - MIN_LOG2) * this.binsPerOctave);
    this.bins[Math.max(0, Math.min(this.bins.length - 1, k))]++;
    this.n++;
    if (v > this.largest) this.largest = v;
    this.dirty = true;
  }

  addAll(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) this.add(values[i]);
  }

  /** The robust maximum so far (0 before any positive value). */
  value(): number {
    if (!this.dirty) return this.cached;
    this.dirty = false;
    const rank = Math.max(1, Math.ceil(this.quantile * this.n));
    let seen = 0;
    for (let k = 0; k < this.bins.length; k++) {
      seen += this.bins[k];
      if (seen >= rank) {
        const upper = 2 ** (MIN_LOG2 + (k + 1) / this.binsPerOctave);
        this.cached = Math.min(upper, this.largest);
        return this.cached;
      }
    }
    this.cached = this.largest;
    return this.cached;
  }
}

/**
 * Moves labels apart along one axis so that no two are closer than `gap`, displacing them as
 * little as possible: overlapping labels are merged into groups centred on their wanted
 * positions, and groups are kept within [lo, hi] where there is room. Returns the new
 * positions in the input's order.
 */
export function deoverlap(
  wanted: readonly number[],
  gap: number,
  lo = -Infinity,
  hi = Infinity,
): number[] {
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a] - wanted[b]);
  interface Group {
    members: number[];
    sum: number;
    top: number;
  }
  const place = (g: Group): void => {
    const span = (g.members.length - 1) * gap;
    const top = g.sum / g.members.length - span / 2;
    g.top = Math.max(lo, Math.min(hi - span, top));
  };
  const groups: Group[] = [];
  for (const i of order) {
    const g: Group = { members: [i], sum: wanted[i], top: 0 };
    place(g);
    groups.push(g);
    // Merge with the group before while they overlap.
    while (groups.length > 1) {
      const b = groups[groups.length - 1];
      const a = groups[groups.length - 2];
      if (a.top + a.members.length * gap <= b.top) break;
      a.members.push(...b.members);
      a.sum += b.sum;
      place(a);
      groups.pop();
    }
  }
  const out = new Array<number>(wanted.length);
  for (const g of groups) g.members.forEach((i, k) => (out[i] = g.top + k * gap));
  return out;
}

/**
 * [min, max] padded by `pad` of the span on each side; a flat series gets a span of at least
 * `minSpan` of its level (0.2 % by default), so a quiet market does not fill the chart with
 * noise-sized wiggles. Non-finite input gives [0, 1].
 */
export function paddedDomain(
  min: number,
  max: number,
  pad = 0.05,
  minSpan = 0.002,
): [number, number] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) return [0, 1];
  const mid = (min + max) / 2;
  const span = Math.max(max - min, Math.abs(mid) * minSpan, 1e-9);
  const half = span / 2 + span * pad;
  return [mid - half, mid + half];
}

/** A rectangle in px, origin top-left. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An axis tick: its value, its position in px along the axis, its label. */
export interface Tick {
  value: number;
  pos: number;
  label: string;
}

/** Rounds px to 0.1, so snapshots and path strings do not carry float noise. */
export function px(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Font size for a chart of this width: small on a phone, larger on a wide screen/projector. */
export function chartFontSize(width: number): number {
  if (width < 480) return 11;
  if (width < 1000) return 12;
  return 14;
}
