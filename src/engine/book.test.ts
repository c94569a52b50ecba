import { describe, expect, it } from 'vitest';
import { newAccount } from './accounts';
import { OrderBook } from './book';

const START = 60_000;
const LIQUIDITY = 20_000_000;

describe('order book', () => {
  it('rests bid depth within 1 % of the price equal to the liquidity parameter', () => {
    const book = new OrderBook(START, LIQUIDITY);
    const { bid, ask } = book.depthWithin(START, 0.01);
    expect(bid / LIQUIDITY).toBeCloseTo(1, 2);
    expect(ask / LIQUIDITY).toBeCloseTo(1, 2);
    expect(book.baselineWithin(0.01)).toBeCloseTo(LIQUIDITY, 6);
  });

  it('fills a market sell at the VWAP of the levels it walks, best first', () => {
    const book = new OrderBook(START, LIQUIDITY);
    const before = Float64Array.from(book.bids);
    const taker = newAccount();
    const qty = 200; // about $12M: walks well into the ladder
    const filled = book.take(taker, -1, qty, 0);
    expect(filled).toBeCloseTo(qty, 9);
    // Walk the snapshot by hand.
    let rest = qty;
    let value = 0;
    let lowest = Infinity;
    for (let k = before.length - 1; k > 0 && rest > 0; k--) {
      if (before[k] === 0) continue;
      const take = Math.min(before[k], rest);
      value += take * k * book.tick;
      rest -= take;
      lowest = k * book.tick;
    }
    expect(book.filledValue).toBeCloseTo(value, 6);
    const vwap = book.filledValue / filled;
    expect(vwap).toBeLessThan(START);
    expect(vwap).toBeGreaterThan(lowest);
    expect(book.tape.close).toBeCloseTo(lowest, 9);
    expect(book.tape.low).toBeCloseTo(lowest, 9);
  });

  it('settles every fill between taker and makers: cash and quantity are conserved', () => {
    const book = new OrderBook(START, LIQUIDITY);
    const taker = newAccount();
    book.take(taker, -1, 50, 0);
    book.take(taker, 1, 80, Infinity);
    expect(taker.inventory + book.makers.inventory).toBeCloseTo(0, 12);
    expect(taker.cash + book.makers.cash).toBeCloseTo(0, 6);
    expect(taker.inventory).toBeCloseTo(30, 9);
  });

  it('stops a limit buy at its limit price', () => {
    const book = new OrderBook(START, LIQUIDITY);
    const taker = newAccount();
    const limit = START * 1.002;
    const filled = book.take(taker, 1, Infinity, limit);
    expect(filled).toBeGreaterThan(0);
    expect(book.tape.high).toBeLessThanOrEqual(limit);
    const next = Math.ceil(limit / book.tick + 1e-9);
    expect(book.asks[next]).toBeGreaterThan(0);
  });

  it('never loses more than its budget below the reference price', () => {
    const book = new OrderBook(START, LIQUIDITY);
    const before = Float64Array.from(book.bids);
    const ref = START * 0.999;
    const budget = 10_000;
    const filled = book.take(newAccount(), -1, 1e6, 0, ref, budget);
    // Loss = what each unit filled below ref fell short of it, level by level.
    let loss = 0;
    for (let k = 1; k < before.length; k++) {
      const taken = before[k] - book.bids[k];
      const p = k * book.tick;
      if (taken > 0 && p < ref) loss += taken * (ref - p);
    }
    expect(filled).toBeGreaterThan(0);
    expect(filled).toBeLessThan(1e6);
    expect(loss).toBeGreaterThan(budget * 0.999);
    expect(loss).toBeLessThanOrEqual(budget * (1 + 1e-9));
  });

  it('refills a resilience share of the missing depth and recentres on the price', () => {
    const book = new OrderBook(START, LIQUIDITY);
    const full = Float64Array.from(book.bids);
    book.take(newAccount(), -1, 100, 0);
    const low = book.tape.close;
    book.refill(START, 0.5, 1);
    const k = Math.round((START - 2 * book.tick) / book.tick);
    expect(book.bids[k]).toBeCloseTo(full[k] * 0.5, 9);
    // Recentre on the new, lower price: nothing bids at or above it.
    book.refill(low, 0.5, 1);
    const mid = Math.round(low / book.tick);
    for (let j = mid; j < mid + 50; j++) expect(book.bids[j]).toBe(0);
    expect(book.bids[mid - 1]).toBeGreaterThan(0);
  });

  it('withdraws depth at once when makers pull back', () => {
    const book = new OrderBook(START, LIQUIDITY);
    book.refill(START, 0.5, 0.25);
    expect(book.depthWithin(START, 0.01).bid / LIQUIDITY).toBeCloseTo(0.25, 2);
  });
});
