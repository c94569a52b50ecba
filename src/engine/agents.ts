/**
 * Behavioural agents (model.md, "Other flows"), each off at 0:
 *
 * - **Stop-loss clusters at round numbers.** Holders of unlevered longs rest sell stops at every
 *   round number below the start price, and shorts rest buy stops above it, `stopLoss` USD at
 *   each. A stop fires once, the step the last price trades through its level, as a market
 *   order: one more way a fall feeds itself.
 * - **Panic sellers.** Once the last price is more than 2 % below its running peak, they sell
 *   `panic` USD per step for each further percentage point of drawdown.
 * - **Dip buyers.** Once the last price is more than 2 % below fair value (its moving average
 *   over the past four hours), they buy `dipBuyers` USD per step for each further point of
 *   discount: the flow that ends a cascade.
 *
 * They trade in both the real and the counterfactual market (they are not liquidations), with
 * orders limited to the same price band as other flow (book.ts, ORDER_BAND). No randomness: their orders follow from
 * the price path alone.
 */

import { type Account, newAccount } from './accounts';
import { bandLimit, type OrderBook, type Tape } from './book';
import type { Scenario } from './types';
import { powerOfTenAtOrBelow } from './dmath';

/** Drawdown or discount (as a share) before panic sellers or dip buyers act. */
const TRIGGER = 0.02;
/** Span of the fair-value moving average, in steps. */
const FAIR_VALUE_STEPS = 240;
/** Stops rest at round numbers within this share of the start price. */
const STOP_REACH = 0.5;

/** The round-number spacing for a price: 1, 2 or 5 times a power of ten, about 1-2 % of it. */
export function roundNumberSpacing(price: number): number {
  const target = price * 0.015;
  const power = powerOfTenAtOrBelow(target);
  for (const m of [1, 2, 5, 10]) if (m * power >= target) return m * power;
  return 10 * power;
}

export class BehaviouralAgents {
  readonly account: Account = newAccount();
  /** Sell-stop levels below the start price, highest first; buy-stops above, lowest first. */
  private readonly sellStops: Float64Array;
  private readonly buyStops: Float64Array;
  private nextSell = 0;
  private nextBuy = 0;
  private peak: number;
  private fair: number;
  /** Extremes the price reached after the agents last traded (liquidations trade after them). */
  private seenLow = Infinity;
  private seenHigh = -Infinity;

  constructor(private readonly s: Scenario) {
    this.peak = s.price;
    this.fair = s.price;
    const spacing = roundNumberSpacing(s.price);
    const below: number[] = [];
    const above: number[] = [];
    if (s.stopLoss > 0) {
      for (
        let p = Math.floor(s.price / spacing) * spacing;
        p >= s.price * (1 - STOP_REACH);
        p -= spacing
      ) {
        if (p < s.price && p > 0) below.push(p);
      }
      for (
        let p = Math.ceil(s.price / spacing) * spacing;
        p <= s.price * (1 + STOP_REACH);
        p += spacing
      ) {
        if (p > s.price) above.push(p);
      }
    }
    this.sellStops = Float64Array.from(below);
    this.buyStops = Float64Array.from(above);
  }

  /** Stops the step's trading triggered, then panic and dip flow, against the book. */
  trade(book: OrderBook): void {
    const s = this.s;
    const tape = book.tape;
    let sellUsd = 0;
    let buyUsd = 0;
    const low = Math.min(this.seenLow, tape.low);
    const high = Math.max(this.seenHigh, tape.high);
    this.seenLow = Infinity;
    this.seenHigh = -Infinity;
    while (this.nextSell < this.sellStops.length && low <= this.sellStops[this.nextSell]) {
      sellUsd += s.stopLoss;
      this.nextSell++;
    }
    while (this.nextBuy < this.buyStops.length && high >= this.buyStops[this.nextBuy]) {
      buyUsd += s.stopLoss;
      this.nextBuy++;
    }
    const last = tape.close;
    const drawdown = 1 - last / this.peak;
    if (s.panic > 0 && drawdown > TRIGGER) sellUsd += s.panic * (drawdown - TRIGGER) * 100;
    const discount = 1 - last / this.fair;
    if (s.dipBuyers > 0 && discount > TRIGGER) buyUsd += s.dipBuyers * (discount - TRIGGER) * 100;
    if (sellUsd > 0) book.take(this.account, -1, sellUsd / last, bandLimit(last, -1));
    if (buyUsd > 0) book.take(this.account, 1, buyUsd / last, bandLimit(last, 1));
  }

  /** Records the step's range and updates the running peak and fair value with its close. */
  endStep(tape: Tape): void {
    this.seenLow = Math.min(this.seenLow, tape.low);
    this.seenHigh = Math.max(this.seenHigh, tape.high);
    if (tape.close > this.peak) this.peak = tape.close;
    this.fair += (2 / (FAIR_VALUE_STEPS + 1)) * (tape.close - this.fair);
  }
}
