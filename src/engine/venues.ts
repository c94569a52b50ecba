/**
 * The venue-style liquidation engines' rules, as small pure functions with the venues' own
 * constants (../shared/design/venues.md; docs/model.md, "Liquidation engines and safeguards").
 * The liquidation engine (liquidation.ts) applies them; the tests check each with worked figures.
 *
 * - binance: the whole breached position goes to the book as one immediate-or-cancel order
 *   within the price band, no worse than bankruptcy; the insurance fund takes over what it
 *   leaves at the bankruptcy price.
 * - bybit: a breached position above the first risk-limit tier is cut only down to the next
 *   lower tier's limit (whose lower maintenance rate moves the rest's liquidation price away);
 *   the cut goes to the book, then to the fund at bankruptcy, then to ADL.
 * - hyperliquid: book orders in the trader's name; above $100k only 20 % of the position per
 *   order with a 30 s cooldown, the trader keeping the rest and the order's surplus; below ⅔ of
 *   maintenance margin the backstop vault takes the whole position over at bankruptcy.
 * All three: what the fund cannot carry at the mark is auto-deleveraged at once, never queued.
 */

import type { Account } from './accounts';
import { liquidationPrice, MARGIN_TIERS } from './tiers';

/** Hyperliquid: positions above this notional are liquidated in slices (USD). */
export const SLICE_ABOVE_NOTIONAL = 100_000;
/** Hyperliquid: share of the position each slice sends to the book. */
export const SLICE_SHARE = 0.2;
/** Hyperliquid: seconds between two slices of one position. */
export const SLICE_COOLDOWN_SECONDS = 30;
/** Seconds of market time in one engine step. */
export const STEP_SECONDS = 60;
/** Hyperliquid: the vault takes over below this share of maintenance margin. */
export const VAULT_MARGIN_SHARE = 2 / 3;
/** Share of a warehouse's inventory (fund stock or vault) it offers back per step. */
export const WAREHOUSE_UNWIND_SHARE = 0.02;
/** Farthest below (above, for a buy) the last price a warehouse's unwinding order may fill. */
export const WAREHOUSE_UNWIND_LIMIT = 0.005;

/** Slices a large position gets in one step: one per cooldown that fits in the step. */
export function slicesPerStep(): number {
  return Math.max(1, Math.floor(STEP_SECONDS / SLICE_COOLDOWN_SECONDS));
}

/**
 * Quantity of the next Hyperliquid liquidation order for a position of `qty` units worth
 * `notional` at the mark: all of it up to $100k, else a 20 % slice.
 */
export function sliceQty(qty: number, notional: number): number {
  return notional > SLICE_ABOVE_NOTIONAL ? SLICE_SHARE * qty : qty;
}

/**
 * Price at which a position's equity falls to ⅔ of its maintenance margin: the Hyperliquid
 * vault's take-over price. It is the liquidation price with ⅔ of the maintenance rate.
 */
export function vaultTriggerPrice(
  side: 1 | -1,
  entry: number,
  leverage: number,
  mmr: number,
): number {
  return liquidationPrice(side, entry, leverage, VAULT_MARGIN_SHARE * mmr);
}

/** Whether the mark has reached a position's vault trigger price. */
export function belowVaultThreshold(side: 1 | -1, mark: number, trigger: number): boolean {
  return side * (mark - trigger) <= 0;
}

/**
 * Bybit's risk-limit step-down: the quantity to liquidate so that what stays is within the next
 * lower tier's limit at the mark (everything in the first tier).
 */
export function stepDownQty(qty: number, tier: number, mark: number): number {
  if (tier <= 0) return qty;
  const keep = MARGIN_TIERS[tier - 1].maxNotional / mark;
  return Math.max(0, qty - keep);
}

/**
 * Units of a close of side `s` at bankruptcy price `b` that a fund of equity `equity` can carry
 * at the mark: its loss at the mark, s·(b − mark) per unit, must stay within the equity. This is
 * the ADL trigger of the venue engines: what the fund cannot pay for at the mark is
 * auto-deleveraged now rather than left to wait while the price walks away.
 */
export function fundCapacity(
  equity: number,
  s: 1 | -1,
  qty: number,
  b: number,
  mark: number,
): number {
  if (!(equity >= 0)) return 0;
  const lossPerUnit = s * (b - mark);
  return lossPerUnit <= 0 ? qty : Math.min(qty, equity / lossPerUnit);
}

/**
 * Quantity a warehouse (the fund's stock or the vault) must hand to ADL so that its equity at the
 * mark is back to zero: its stock's average cost is what the deleveraged traders close at, so
 * each unit moves (cost − mark) of loss off the warehouse.
 */
export function adlToRestore(equity: number, a: Account, mark: number): number {
  if (equity >= 0 || a.inventory === 0) return 0;
  const cost = -a.cash / a.inventory;
  const lossPerUnit = Math.sign(a.inventory) * (cost - mark);
  if (!(lossPerUnit > 0)) return 0;
  return Math.min(Math.abs(a.inventory), -equity / lossPerUnit);
}

/**
 * The unwinding order a warehouse sends this step: a share of its inventory, only while the price
 * is not moving against the sale (a long stock sells only if the last price has not fallen since
 * the previous step), never below its average cost (it warehouses a loss rather than realise it
 * into a crash) and never more than a shallow limit from the last price, so it never dumps into
 * a falling book. Returns the signed quantity to trade (0: hold) and its limit price.
 */
export function unwindOrder(
  a: Account,
  last: number,
  previousLast: number,
): { qty: number; limit: number } {
  const inventory = a.inventory;
  if (inventory === 0) return { qty: 0, limit: last };
  const sell = inventory > 0;
  const cost = -a.cash / inventory;
  const against = sell ? last < previousLast : last > previousLast;
  const limit = last * (1 + (sell ? -1 : 1) * WAREHOUSE_UNWIND_LIMIT);
  // The limit itself keeps to the cost, so no fill realises a loss.
  const bounded = sell ? Math.max(limit, cost) : Math.min(limit, cost);
  const atLoss = sell ? bounded > last : bounded < last;
  if (against || atLoss) return { qty: 0, limit: last };
  return { qty: -WAREHOUSE_UNWIND_SHARE * inventory, limit: bounded };
}
