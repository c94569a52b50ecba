/**
 * Double-entry accounts. Every party that trades (market makers, arbitrageurs, noise traders,
 * the backstop vault, the pre-existing counterparties of the positions) is an account with cash
 * and a signed inventory; every fill moves both sides, so money and quantity are conserved by
 * construction and the conservation test checks the rest of the engine against that.
 */

export interface Account {
  /** USD received minus USD paid, funding included. */
  cash: number;
  /** Signed quantity held (long positive). */
  inventory: number;
}

export function newAccount(): Account {
  return { cash: 0, inventory: 0 };
}

/**
 * Settles a fill of `qty` for `value` USD: the taker buys (`side` +1) or sells (-1), the maker
 * takes the other side.
 */
export function settleTrade(
  taker: Account,
  maker: Account,
  side: 1 | -1,
  qty: number,
  value: number,
): void {
  taker.cash -= side * value;
  taker.inventory += side * qty;
  maker.cash += side * value;
  maker.inventory -= side * qty;
}

/** Profit and loss of an account marked at `price`. */
export function accountPnl(a: Account, price: number): number {
  return a.cash + a.inventory * price;
}
