/**
 * The charts' palette and colour maps, for a dark (slate-950/900) page that may be shown on a
 * projector: light lines on dark ground, and nothing that only red/green can tell apart.
 * Long vs short is orange vs blue, and each also has a side (longs below the price, shorts
 * above) so colour is never the only cue.
 */

import { color, interpolateRgbBasis } from 'd3';
import { interpolateViridis } from './viridis';

export const PALETTE = {
  background: '#020617', // slate-950
  panel: '#0f172a', // slate-900
  text: '#e2e8f0', // slate-200
  muted: '#94a3b8', // slate-400
  axis: '#475569', // slate-600
  grid: '#1e293b', // slate-800
  /** Last price: the main line, near white. */
  close: '#f8fafc',
  /** Compare mode's run B, over the close of run A. */
  compare: '#f472b6',
  /** Mark price: amber. */
  mark: '#fbbf24',
  /** Index (spot) price: sky blue. */
  index: '#38bdf8',
  /** Counterfactual path without liquidations: grey, dashed. */
  ghost: '#94a3b8',
  /** Low-high band of the last price within a step. */
  range: '#64748b',
  /** Long positions (liquidated as the price falls): orange. */
  long: '#fb923c',
  /** Short positions (liquidated as the price rises): blue. */
  short: '#60a5fa',
  /** The shock window. */
  shock: '#a78bfa',
  /** Trading halted by the circuit breaker. */
  halt: '#fb7185',
  /** Heatmap cells with no open position's liquidation price in them. */
  heatEmpty: '#0b1022',
  /** Heatmap rings of realised liquidations: the burn scale's light orange (orange-300). */
  burnRing: '#fdba74',
  /** Order book: bids (below the price) teal, asks (above) amber. */
  bid: '#2dd4bf',
  ask: '#fbbf24',
  /** Order book: baseline depth outline and the missing (depleted) part. */
  baseline: '#cbd5e1',
  depleted: '#f43f5e',
} as const;

/** Dash pattern of the ghost line (SVG stroke-dasharray). */
export const GHOST_DASH = '5 4';

export type Rgb = readonly [number, number, number];

/** Parses a CSS colour to 0..255 RGB (black if it does not parse). */
export function toRgb(css: string): Rgb {
  const c = color(css)?.rgb();
  return c ? [Math.round(c.r), Math.round(c.g), Math.round(c.b)] : [0, 0, 0];
}

/** Samples an interpolator into an n-entry RGB lookup table (3 bytes per entry). */
export function buildLut(interpolate: (t: number) => string, n = 256): Uint8Array {
  const lut = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    const [r, g, b] = toRgb(interpolate(n === 1 ? 0 : i / (n - 1)));
    lut[i * 3] = r;
    lut[i * 3 + 1] = g;
    lut[i * 3 + 2] = b;
  }
  return lut;
}

/**
 * The fuel (predicted liquidation notional) scale: viridis, perceptually uniform and readable
 * with any colour vision. Its top (yellow) is left out so that the burn's orange-to-white stays
 * the only warm, bright colour on the heatmap.
 */
export const predictedInterpolator = (t: number): string => interpolateViridis(t * 0.62);

/** Realised liquidations: hot orange at a trickle, near white at the robust maximum. */
export const burnInterpolator = interpolateRgbBasis(['#f97316', '#fb923c', '#fed7aa', '#fffbeb']);

/**
 * Index 0..255 into a lookup table for `v` against a robust maximum, on a square-root scale so
 * that small buckets stay visible next to large ones. Values above the maximum saturate; any
 * value above a millionth of the maximum gets at least index 1, so "a little" never looks like
 * "none".
 */
export function intensityIndex(v: number, max: number): number {
  // Below a millionth of the maximum is float residue of closed positions, not fuel.
  if (!(max > 0) || !(v > max * 1e-6)) return 0;
  const t = Math.sqrt(Math.min(1, v / max));
  return Math.max(1, Math.round(t * 255));
}

/** Share of the burn's robust reference above which a cell gets at least {@link BURN_MIN_T}. */
export const BURN_VISIBLE_SHARE = 0.01;
/** The lowest intensity (0..1) of a cell that burnt at least {@link BURN_VISIBLE_SHARE}. */
export const BURN_MIN_T = 0.4;

/**
 * Index 0..255 into the burn lookup table for realised notional `v` against the burn's robust
 * reference (a high percentile of the non-zero cells, so one huge step cannot wash out the
 * rest): square root of the share, saturating at the reference, and never below
 * {@link BURN_MIN_T} once the cell holds more than {@link BURN_VISIBLE_SHARE} of it, so an
 * ordinary wave stays bright next to an auto-deleveraging outlier. Trickles below that share
 * keep the plain square root (at least index 1), float residue (a millionth) none.
 */
export function burnIndex(v: number, ref: number): number {
  if (!(ref > 0) || !(v > ref * 1e-6)) return 0;
  const share = Math.min(1, v / ref);
  const t = Math.sqrt(share);
  return Math.max(1, Math.round((share >= BURN_VISIBLE_SHARE ? Math.max(BURN_MIN_T, t) : t) * 255));
}

/** Opacity of the burn over the fuel colour for a burn index 1..255: never faint. */
export function burnAlpha(index: number): number {
  return index <= 0 ? 0 : 0.6 + (0.4 * index) / 255;
}
