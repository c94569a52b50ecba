/**
 * Maintenance-margin tiers: a larger notional needs a higher maintenance-margin rate and may use
 * less leverage. The brackets follow the shape of the large venues' BTC-USDT perpetual tables
 * (e.g. 0.4 % up to $50k at 125×, rising to 25 % at 2×), scaled to USD notional at entry.
 */

export interface MarginTier {
  /** Upper bound of the tier's notional (USD, inclusive). */
  maxNotional: number;
  /** Maintenance-margin rate. */
  mmr: number;
  /** Highest leverage allowed in the tier. */
  maxLeverage: number;
}

export const MARGIN_TIERS: readonly MarginTier[] = [
  { maxNotional: 50_000, mmr: 0.004, maxLeverage: 125 },
  { maxNotional: 250_000, mmr: 0.005, maxLeverage: 100 },
  { maxNotional: 3_000_000, mmr: 0.01, maxLeverage: 50 },
  { maxNotional: 15_000_000, mmr: 0.025, maxLeverage: 20 },
  { maxNotional: 30_000_000, mmr: 0.05, maxLeverage: 10 },
  { maxNotional: 80_000_000, mmr: 0.1, maxLeverage: 5 },
  { maxNotional: 150_000_000, mmr: 0.125, maxLeverage: 4 },
  { maxNotional: 300_000_000, mmr: 0.15, maxLeverage: 3 },
  { maxNotional: 500_000_000, mmr: 0.25, maxLeverage: 2 },
  { maxNotional: Infinity, mmr: 0.5, maxLeverage: 1 },
];

/** Leverage settings traders pick from (the usual exchange slider stops). */
export const LEVERAGE_STEPS: readonly number[] = [1, 2, 3, 5, 10, 20, 25, 50, 75, 100, 125];

/** Index of the tier that a notional falls in. */
export function tierOf(notional: number): number {
  let t = 0;
  while (notional > MARGIN_TIERS[t].maxNotional) t++;
  return t;
}

/**
 * Liquidation price of an isolated position (model.md):
 * long `E (1 - 1/L) / (1 - mmr)`, short `E (1 + 1/L) / (1 + mmr)`.
 */
export function liquidationPrice(
  side: 1 | -1,
  entry: number,
  leverage: number,
  mmr: number,
): number {
  return side === 1
    ? (entry * (1 - 1 / leverage)) / (1 - mmr)
    : (entry * (1 + 1 / leverage)) / (1 + mmr);
}

/** Bankruptcy price (margin exhausted): long `E (1 - 1/L)`, short `E (1 + 1/L)`. */
export function bankruptcyPrice(side: 1 | -1, entry: number, leverage: number): number {
  return entry * (1 - side / leverage);
}
