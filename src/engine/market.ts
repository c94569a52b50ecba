/**
 * The market around the book: the index (spot across other venues), noise traders,
 * arbitrageurs, the mark price, funding, realised volatility and the circuit breaker.
 *
 * Modelling choices a risk engineer would ask about:
 * - The index follows spot's own seeded geometric random walk plus the scenario's shock. Each
 *   step this venue pushes it a `venueWeight` share of the log basis toward its last price (a
 *   large venue is part of price discovery, so its crashes leak into spot), and spot's own
 *   buyers and sellers take back a `recovery` share of that push (so a liquidation-driven
 *   overshoot fades, while the shock stays). venueWeight 0 keeps the index exogenous.
 * - Arbitrageurs send a limit order each step that would close an `arbStrength` share of the
 *   gap between last and index price; what they get is bounded by the depth on the way.
 * - Funding: the premium (last - index) / index is averaged over the interval; the rate adds
 *   the usual clamped interest term (0.01 % per 8 h) and is capped at ±0.75 %. It is paid per
 *   unit of quantity held, so it sums to zero over all holders. Leveraged traders' funding
 *   settles against their wallets, not their isolated margin, so it does not move their
 *   liquidation prices (over a cascade's hours it is far smaller than the moves that do).
 */

import { type Account, newAccount } from './accounts';
import { BehaviouralAgents } from './agents';
import { bandLimit, OrderBook } from './book';
import type { Rng } from './rng';
import { STEPS_PER_8H, stepVolatility } from './time';
import type { Scenario } from './types';
import { exp, log, pow } from './dmath';

/** Decay of the realised-variance EWMA per step (half-life about 7 steps). */
const VARIANCE_DECAY = 0.9;
/** Realised volatility counts as calm up to this multiple of the index volatility. */
const CALM_VOL_MULTIPLE = 2;
/** Interest component of funding per 8 hours, and the clamp around it. */
const FUNDING_INTEREST_8H = 0.0001;
const FUNDING_CLAMP = 0.0005;
const FUNDING_CAP = 0.0075;
/** Makers never quote less than this share of their baseline depth, however wild the market. */
const MIN_WITHDRAW_FACTOR = 0.05;

export class Market {
  readonly book: OrderBook;
  readonly arbs: Account = newAccount();
  readonly noiseTraders: Account = newAccount();
  readonly agents: BehaviouralAgents;
  index: number;
  mark: number;
  /** Spot's own path: random walk and shock, without this venue's influence. */
  private spot: number;
  /** Log deviation of the index from spot's own path that this venue's trading caused. */
  private push = 0;
  /** Funding paid so far per unit of long quantity (USD); shorts received the same. */
  fundingIndex = 0;
  /** Funding rate that would be paid now (fraction per interval). */
  fundingRate = 0;
  /** Steps of halt left, counting the current one. */
  haltLeft = 0;
  private readonly sigma: number;
  private readonly shockFactor: number;
  private basisEma = 0;
  private variance: number;
  private premiumSum = 0;
  private premiumSteps = 0;
  private readonly closes: Float64Array;
  private closesSeen = 0;

  constructor(
    private readonly s: Scenario,
    private readonly indexRng: Rng,
    private readonly noiseRng: Rng,
  ) {
    this.book = new OrderBook(s.price, s.liquidity);
    this.agents = new BehaviouralAgents(s);
    this.index = s.price;
    this.spot = s.price;
    this.mark = s.price;
    this.sigma = stepVolatility(s.volatility);
    this.variance = this.sigma * this.sigma;
    this.shockFactor = pow(1 + s.shock / 100, 1 / s.shockSteps);
    this.closes = new Float64Array(s.breakerWindow + 1);
  }

  get last(): number {
    return this.book.tape.close;
  }

  get halted(): boolean {
    return this.haltLeft > 0;
  }

  /** Whether the shock is applied at `step`. */
  inShock(step: number): boolean {
    return step >= this.s.shockStep && step < this.s.shockStep + this.s.shockSteps;
  }

  /**
   * Moves the index one step. Spot's own path (random walk and shock) carries it; this venue
   * pushes it a `venueWeight` share of the (log) basis toward the last price; spot's own buyers
   * and sellers take back a `recovery` share of that push each step.
   */
  advanceIndex(step: number): void {
    const z = this.indexRng.normal();
    const sigma = this.sigma;
    this.spot *= exp(sigma * z - 0.5 * sigma * sigma);
    if (this.inShock(step)) this.spot *= this.shockFactor;
    this.push += this.s.venueWeight * log(this.last / this.index);
    this.push *= 1 - this.s.recovery;
    this.index = Math.max(this.spot * exp(this.push), this.book.tick);
  }

  /** Share of baseline depth the makers keep quoting, given realised volatility. */
  withdrawFactor(): number {
    const calm = CALM_VOL_MULTIPLE * Math.max(this.sigma, 1e-4);
    const excess = Math.max(0, Math.sqrt(this.variance) / calm - 1);
    return Math.max(MIN_WITHDRAW_FACTOR, 1 / (1 + this.s.withdrawal * excess));
  }

  /** Starts the step: new tape, makers refill around the last price. */
  beginStep(): void {
    this.book.beginStep();
    this.book.refill(this.last, this.s.resilience, this.withdrawFactor());
  }

  /** Noise traders, arbitrageurs and behavioural agents trade (not while halted). */
  trade(): void {
    const rng = this.noiseRng;
    // Draw every step, halted or not, so the stream never depends on the state: the
    // counterfactual run sees the same noise flow step for step.
    const buyUsd = this.s.noise * rng.exponential();
    const sellUsd = this.s.noise * rng.exponential();
    const buyFirst = rng.next() < 0.5;
    if (this.halted) return;
    const book = this.book;
    const n = this.noiseTraders;
    // Market orders, but not past the band: an emptied book is not swept to the ladder's end.
    const up = bandLimit(this.last, 1);
    const down = bandLimit(this.last, -1);
    if (buyFirst) book.take(n, 1, buyUsd / this.last, up);
    book.take(n, -1, sellUsd / this.last, down);
    if (!buyFirst) book.take(n, 1, buyUsd / this.last, up);
    const gap = this.index - this.last;
    if (Math.abs(gap) > book.tick) {
      const limit = this.last + this.s.arbStrength * gap;
      book.take(this.arbs, gap > 0 ? 1 : -1, Infinity, limit);
    }
    this.agents.trade(book);
  }

  /** Recomputes the mark price from the last and index prices. */
  updateMark(): void {
    const basis = this.last - this.index;
    const alpha = 2 / (this.s.markEma + 1);
    this.basisEma += alpha * (basis - this.basisEma);
    if (this.s.mark === 'last') {
      this.mark = this.last;
    } else {
      const clamp = (this.s.basisClamp / 100) * this.index;
      this.mark = this.index + Math.min(clamp, Math.max(-clamp, this.basisEma));
    }
  }

  /**
   * Ends the step: realised variance, the circuit breaker, the funding premium. Returns the
   * funding paid per unit of long quantity at this step (0 between payments).
   */
  endStep(step: number): number {
    const tape = this.book.tape;
    const r = log(tape.close / tape.open);
    this.variance = VARIANCE_DECAY * this.variance + (1 - VARIANCE_DECAY) * r * r;
    this.agents.endStep(tape);
    this.updateBreaker();
    return this.accrueFunding(step);
  }

  private updateBreaker(): void {
    const w = this.closes.length;
    if (this.haltLeft > 0) {
      this.haltLeft--;
      if (this.haltLeft === 0) this.closesSeen = 0; // measure afresh after a halt
      return;
    }
    const close = this.last;
    this.closes[this.closesSeen % w] = close;
    this.closesSeen++;
    if (this.s.breaker <= 0) return;
    const oldest = this.closes[this.closesSeen >= w ? this.closesSeen % w : 0];
    if (Math.abs(close / oldest - 1) >= this.s.breaker / 100) this.haltLeft = this.s.breakerHalt;
  }

  private accrueFunding(step: number): number {
    const premium = (this.last - this.index) / this.index;
    this.premiumSum += premium;
    this.premiumSteps++;
    const avg = this.premiumSum / this.premiumSteps;
    // The rate is set per 8 hours, as venues quote it, and paid pro rata to the interval.
    const rate8h =
      avg + Math.min(FUNDING_CLAMP, Math.max(-FUNDING_CLAMP, FUNDING_INTEREST_8H - avg));
    const capped = Math.min(FUNDING_CAP, Math.max(-FUNDING_CAP, rate8h));
    this.fundingRate = (capped * this.s.fundingInterval) / STEPS_PER_8H;
    if ((step + 1) % this.s.fundingInterval !== 0) return 0;
    this.premiumSum = 0;
    this.premiumSteps = 0;
    const perUnit = this.fundingRate * this.mark;
    this.fundingIndex += perUnit;
    return perUnit;
  }
}
