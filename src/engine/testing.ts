/**
 * Helpers for the engine's tests: hand-made populations, so a test can put exactly the
 * positions it reasons about in front of the liquidation engine.
 */

import { LiquidationMap, PositionSide } from './positions';
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
