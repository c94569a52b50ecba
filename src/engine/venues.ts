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
 * All three: the fund (and the vault) take over only as far as their equity carries the stock
 * unlevered (FUND_STOCK_LEVERAGE); the rest is auto-deleveraged at once, never queued.
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
 * The warehouses' capacity rule: a fund (or backstop vault) carries its stock unlevered, its
 * notional at the mark within FUND_STOCK_LEVERAGE (1) times its equity at the mark, the vault's
 * own 1× rule. Equivalently the stock's loss at any move, down to a price of zero, stays within
 * the equity. What is beyond goes to ADL. Without it a venue fund warehoused everything the band
 * could not fill whatever its size (a $5M fund carried $94M of stock and ADL never fired); a
 * fund that levers itself is a trader nobody backs (docs/model.md, "Fund capacity").
 */
export const FUND_STOCK_LEVERAGE = 1;

/**
 * Units of a close of side `s` at bankruptcy price `b` that a warehouse of equity `equity` at the
 * mark, holding `inventory` (signed), can take over. Units that net against an opposite stock
 * shrink it and are bound only by the equity at the mark; past that, the stock's notional at the
 * mark must stay within `k` × the equity, which each unit raises by its gain at the mark,
 * s·(mark − b). What it cannot take is the ADL trigger of the venue engines: it is
 * auto-deleveraged now rather than left to wait while the price walks away.
 */
export function fundCapacity(
  equity: number,
  inventory: number,
  s: 1 | -1,
  qty: number,
  b: number,
  mark: number,
  k = FUND_STOCK_LEVERAGE,
): number {
  if (!(equity >= 0) || !(qty > 0) || !(mark > 0)) return 0;
  const gain = s * (mark - b);
  const netting = Math.min(qty, Math.max(0, -s * inventory));
  const netted = gain < 0 ? Math.min(netting, equity / -gain) : netting;
  if (netted < netting || netted === qty) return netted;
  const held = Math.abs(inventory + s * netted);
  const room = k * (equity + netted * gain) - held * mark;
  if (!(room > 0)) return netted;
  // Each further unit adds `mark` of notional and k·gain of capacity.
  const perUnit = mark - k * gain;
  return perUnit <= 0 ? qty : Math.min(qty, netted + room / perUnit);
}

/**
 * Share of a warehouse's capacity its stock uses: notional at the mark over k × equity, at most 1
 * (a stock at or past its capacity, or a warehouse without equity, reads 1; 0 without stock).
 */
export function capacityUsed(
  equity: number,
  inventory: number,
  mark: number,
  k = FUND_STOCK_LEVERAGE,
): number {
  const notional = Math.abs(inventory) * mark;
  if (!(notional > 0)) return 0;
  return notional / Math.max(notional, k * equity);
}

/**
 * Quantity a warehouse (the fund's stock or the vault) must hand to ADL so that its stock is back
 * within its capacity (notional at the mark ≤ k × equity at the mark): the deleveraged traders
 * close at the stock's average cost, so each unit takes `mark` of notional off the stock and
 * moves (cost − mark) of loss off the warehouse.
 */
export function adlToRestore(
  equity: number,
  a: Account,
  mark: number,
  k = FUND_STOCK_LEVERAGE,
): number {
  if (a.inventory === 0) return 0;
  const held = Math.abs(a.inventory);
  const excess = held * mark - k * equity;
  if (!(excess > 0)) return 0;
  const cost = -a.cash / a.inventory;
  const perUnit = mark + k * Math.sign(a.inventory) * (cost - mark);
  return perUnit > 0 ? Math.min(held, excess / perUnit) : held;
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
