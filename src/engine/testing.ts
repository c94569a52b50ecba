/**
 * Helpers for the engine's tests: hand-made populations, so a test can put exactly the
 * positions it reasons about in front of the liquidation engine.
 */

import { ExogenousLedger } from './criticality';
import type { StepLiquidations } from './liquidation';
import { LiquidationMap, type PositionColumns, PositionSide } from './positions';
import { argsortNonNegative } from './sort';
import { liquidationPrice, MARGIN_TIERS, tierOf } from './tiers';

export interface PositionSpec {
  qty: number;
  entry: number;
  leverage: number;
}

/** One side of positions, sorted by liquidation price like a drawn population. */
export function makeSide(side: 1 | -1, specs: PositionSpec[], map?: LiquidationMap): PositionSide {
  const n = specs.length;
  const cols = {
    qty: Float64Array.from(specs, (p) => p.qty),
    entry: Float64Array.from(specs, (p) => p.entry),
    leverage: Float64Array.from(specs, (p) => p.leverage),
    tier: Uint8Array.from(specs, (p) => tierOf(p.qty * p.entry)),
    liq: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    cols.liq[i] = liquidationPrice(
      side,
      cols.entry[i],
      cols.leverage[i],
      MARGIN_TIERS[cols.tier[i]].mmr,
    );
  }
  return new PositionSide(
    side,
    cols,
    map ?? new LiquidationMap(1, 1e7, 10),
    argsortNonNegative(cols.liq),
  );
}

/** No positions: one side of a hand-built population left empty. */
export function noPositions(): PositionColumns {
  return {
    qty: new Float64Array(0),
    entry: new Float64Array(0),
    leverage: new Float64Array(0),
    tier: new Uint8Array(0),
    liq: new Float64Array(0),
  };
}

/**
 * A ladder of long positions of `notional` USD each at `leverage`, whose liquidation prices sit
 * `first`, `first + spacing`, `first + 2 spacing`, … (fractions) below `price`.
 */
export function longLadder(ladder: {
  count: number;
  price: number;
  first: number;
  spacing: number;
  notional: number;
  leverage: number;
}): PositionColumns {
  const { count, price, first, spacing, notional, leverage } = ladder;
  const cols = {
    qty: new Float64Array(count),
    entry: new Float64Array(count),
    leverage: new Float64Array(count).fill(leverage),
    tier: new Uint8Array(count),
    liq: new Float64Array(count),
  };
  const tier = tierOf(notional);
  const mmr = MARGIN_TIERS[tier].mmr;
  for (let k = 0; k < count; k++) {
    // Entry price that puts the liquidation price where the ladder wants it.
    const entry = (price * (1 - first - k * spacing) * (1 - mmr)) / (1 - 1 / leverage);
    cols.entry[k] = entry;
    cols.qty[k] = notional / entry;
    cols.tier[k] = tier;
    cols.liq[k] = liquidationPrice(1, entry, leverage, mmr);
  }
  return cols;
}

/** A step's liquidation record with nothing in it yet, as the step starts one. */
export function emptyStepLiquidations(): StepLiquidations {
  return {
    longNotional: 0,
    shortNotional: 0,
    count: 0,
    adlCount: 0,
    adlNotional: 0,
    realised: new LiquidationMap(1, 1e7, 10),
    ledger: new ExogenousLedger(),
  };
}
