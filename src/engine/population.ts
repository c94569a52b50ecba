/**
 * Draws the population of leveraged positions from the seed, the way open interest looks on a
 * real venue at the moment a shock hits:
 *
 * - Entry prices come from a warm-up price history (a week of the same random walk leading up to
 *   the start price), entry times uniform over it, so liquidation levels are spread out.
 *   A position whose liquidation price the warm-up path already crossed would have been
 *   liquidated before the run: it is redrawn (survivorship, as in real open interest).
 * - Leverage spreads log-normally around the `leverage` parameter above 1× and snaps to the
 *   exchange's slider stops (1, 2, 3, 5, 10, 20, 25, 50, 75, 100, 125), capped by the margin
 *   tier of the position's notional: whales cannot use 125×. At leverage 1 every position is 1×.
 * - Sizes are Pareto-distributed (tail index 1.5: a few whales hold much of it), scaled so the
 *   long side holds `longShare` of `openInterest`.
 * - `sizing`: with `count` (v=1) the tier and leverage cap come from each position's share of
 *   open interest, so they change with `positions` (2,000 positions are all whales, 200,000 all
 *   minnows), and a position that fails every redraw opens at the start price (a pile of
 *   liquidation prices next to spot). With `fixed` each position is a sample of one account-size
 *   distribution (the smallest account `MIN_ACCOUNT_USD`, a Pareto tail above it): its tier,
 *   maintenance rate and leverage cap come from that account size, whatever the count, and its
 *   share of open interest from its weight (the count sets resolution only). A position that
 *   fails every redraw keeps its last entry time and steps its leverage down until it survives:
 *   survivors of an old entry are the low-leverage ones, not a pile at the start.
 */

import type { PositionColumns } from './positions';
import type { Rng } from './rng';
import { LEVERAGE_STEPS, liquidationPrice, MARGIN_TIERS, tierOf } from './tiers';
import { stepVolatility } from './time';
import type { Scenario } from './types';
import { exp, pow } from './dmath';

/** Length of the warm-up history, in steps (a week of minutes). */
const WARMUP_STEPS = 10080;
/** Tail index of the size distribution. */
const PARETO_ALPHA = 1.5;
/** Largest size relative to the smallest, to keep one whale from being the whole book. */
const PARETO_CAP = 1e4;
/** Log-space spread of leverage around its median. */
const LEVERAGE_SPREAD = 0.6;
/** Redraws of the entry time before a position is opened at the start price instead. */
const ENTRY_TRIES = 8;
/** Notional of the smallest account in the `fixed` size distribution (USD). */
export const MIN_ACCOUNT_USD = 5000;

export interface Population {
  longs: PositionColumns;
  shorts: PositionColumns;
}

/** The warm-up price path ending at the start price, with its running extremes from each step. */
export function warmupPath(s: Scenario, rng: Rng) {
  const sigma = Math.max(stepVolatility(s.volatility), 1e-6);
  const path = new Float64Array(WARMUP_STEPS + 1);
  path[WARMUP_STEPS] = s.price;
  for (let t = WARMUP_STEPS; t > 0; t--) {
    path[t - 1] = path[t] * exp(-sigma * rng.normal() - 0.5 * sigma * sigma);
  }
  // minAfter[t], maxAfter[t]: extremes of the path from t to the start.
  const minAfter = new Float64Array(WARMUP_STEPS + 1);
  const maxAfter = new Float64Array(WARMUP_STEPS + 1);
  minAfter[WARMUP_STEPS] = maxAfter[WARMUP_STEPS] = s.price;
  for (let t = WARMUP_STEPS - 1; t >= 0; t--) {
    minAfter[t] = Math.min(path[t], minAfter[t + 1]);
    maxAfter[t] = Math.max(path[t], maxAfter[t + 1]);
  }
  return { path, minAfter, maxAfter };
}

/** Geometric midpoints between consecutive leverage stops: the snapping thresholds. */
const LEVERAGE_CUTS = LEVERAGE_STEPS.slice(1).map((l, i) => Math.sqrt(l * LEVERAGE_STEPS[i]));

/** Nearest leverage stop in log space. */
export function snapLeverage(l: number): number {
  let i = 0;
  while (i < LEVERAGE_CUTS.length && l >= LEVERAGE_CUTS[i]) i++;
  return LEVERAGE_STEPS[i];
}

function allocate(n: number): PositionColumns {
  return {
    qty: new Float64Array(n),
    entry: new Float64Array(n),
    leverage: new Float64Array(n),
    tier: new Uint8Array(n),
    liq: new Float64Array(n),
  };
}

/**
 * Whether a position entered at warm-up step `t` with liquidation price `lp` lives to the start:
 * the warm-up path after `t` never reached its liquidation price.
 */
function survives(
  side: 1 | -1,
  minAfter: Float64Array,
  maxAfter: Float64Array,
  t: number,
  lp: number,
): boolean {
  return side === 1 ? minAfter[t] > lp : maxAfter[t] < lp;
}

/** Draws the population. Deterministic in (scenario, rng). */
export function drawPopulation(s: Scenario, rng: Rng): Population {
  const { path, minAfter, maxAfter } = warmupPath(s, rng);
  const nLong = Math.round(s.positions * s.longShare);
  const sides: [PositionColumns, 1 | -1, number][] = [
    [allocate(nLong), 1, s.openInterest * s.longShare],
    [allocate(s.positions - nLong), -1, s.openInterest * (1 - s.longShare)],
  ];
  for (const [cols, side, sideNotional] of sides) {
    // Columns in locals: the loop below runs once per position (10⁶ at most).
    const { qty, entry: entries, leverage: leverages, tier: tiers, liq } = cols;
    const n = qty.length;
    if (n === 0) continue;
    // Sizes first, as notional weights, then scaled to the side's open interest.
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = Math.min(pow(1 - rng.next(), -1 / PARETO_ALPHA), PARETO_CAP);
      qty[i] = w;
      total += w;
    }
    const scale = sideNotional / total;
    const fixed = s.sizing === 'fixed';
    const spread = s.leverage - 1;
    for (let i = 0; i < n; i++) {
      const weight = qty[i];
      const notional = weight * scale;
      const u = rng.next();
      const raw = 1 + spread * exp(LEVERAGE_SPREAD * rng.normal());
      const tier0 = tierOf(fixed ? weight * MIN_ACCOUNT_USD : notional);
      let leverage = Math.min(snapLeverage(raw), MARGIN_TIERS[tier0].maxLeverage);
      const mmr = MARGIN_TIERS[tier0].mmr;
      let t = WARMUP_STEPS - Math.floor(u * WARMUP_STEPS);
      let entry = path[t];
      let lp = liquidationPrice(side, entry, leverage, mmr);
      for (let attempt = 1; attempt < ENTRY_TRIES; attempt++) {
        if (survives(side, minAfter, maxAfter, t, lp)) break;
        // The last try opens the position at the start price, where it always survives.
        t =
          attempt === ENTRY_TRIES - 1 && !fixed
            ? WARMUP_STEPS
            : WARMUP_STEPS - Math.floor(rng.next() * WARMUP_STEPS);
        entry = path[t];
        lp = liquidationPrice(side, entry, leverage, mmr);
      }
      // Fixed sizing: the survivor of an old entry is a lower leverage, down to 1×.
      if (fixed) {
        let j = LEVERAGE_STEPS.indexOf(leverage) - 1;
        for (; j >= 0 && !survives(side, minAfter, maxAfter, t, lp); j--) {
          leverage = LEVERAGE_STEPS[j];
          lp = liquidationPrice(side, entry, leverage, mmr);
        }
      }
      entries[i] = entry;
      qty[i] = notional / entry;
      leverages[i] = leverage;
      tiers[i] = tier0;
      liq[i] = lp;
    }
  }
  return { longs: sides[0][0], shorts: sides[1][0] };
}
