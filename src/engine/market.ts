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
 * - Makers centre their quotes (`quoteMid`) on the last trade (the v=1 design: a liquidation's
 *   print becomes the next step's mid, and the book saw-tooths) or on fair value: the index,
 *   leaned against the makers' own inventory (holding `liquidity` USD of it moves their mid
 *   1 %, as a dealer who bought a dump quotes lower to sell it), never more than 5 %.
 * - Arbitrageurs send a limit order each step that would close an `arbStrength` share of the
 *   gap between last and index price; what they get is bounded by the depth on the way. With
 *   `arbBand` they take only quotes within that distance of the makers' mid, so an empty side
 *   of the book is not swept to print at the top of a gap.
 * - Withdrawal (`withdrawOn`): makers pull depth as realised volatility (a fast EWMA of squared
 *   one-step returns) exceeds twice a calm level: the `volatility` setting (v=1: lowering it
 *   makes every move look wilder), or `stress`, a slow EWMA of the same returns that the market
 *   measures itself, each step's input capped at the calm threshold so a cascade does not
 *   become the new calm. Never below `withdrawFloor` of baseline.
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
import type { ScriptedChange } from './script';
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
/** Decay per step of the measured calm variance (half-life about 6 hours). */
const CALM_DECAY = 0.998;
/** Mid shift per unit of makers' inventory (USD) over `liquidity`: holding `liquidity` moves 1 %. */
const INVENTORY_LEAN = 0.01;
/** Farthest the makers' mid leans from fair value. */
const MAX_LEAN = 0.05;

/** A bias-corrected EWMA: its value is the weighted mean of what it has seen, from step one. */
class Ewma {
  private sum = 0;
  private weight = 0;
  constructor(private readonly decay: number) {}
  add(x: number): void {
    this.sum = this.decay * this.sum + (1 - this.decay) * x;
    this.weight = this.decay * this.weight + (1 - this.decay);
  }
  get value(): number {
    return this.weight > 0 ? this.sum / this.weight : 0;
  }
}

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
  /** The index's volatility per step (scripted changes scale it). */
  private sigma: number;
  /** Scripted changes' multiple of the makers' baseline depth (1: the scenario's). */
  private depthFactor = 1;
  /** The scenario's makers' refill, withdrawal and noise flow, as scripted changes leave them. */
  private resilience: number;
  private withdrawal: number;
  private noise: number;
  private readonly shockFactor: number;
  private basisEma = 0;
  /** The mid the makers quote around this step (quoteCentre, set in beginStep). */
  private quoteMid: number;
  private variance: number;
  /** Measured stress (`withdrawOn: 'stress'`): recent and calm variance of one-step returns. */
  private readonly recentVar = new Ewma(VARIANCE_DECAY);
  private readonly calmVar = new Ewma(CALM_DECAY);
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
    this.quoteMid = s.price;
    this.sigma = stepVolatility(s.volatility);
    this.resilience = s.resilience;
    this.withdrawal = s.withdrawal;
    this.noise = s.noise;
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

  /**
   * Applies a scripted change (script.ts) before the step's index move: a parameter is multiplied
   * by the change's factor from here on; `index` moves spot's level once (a second shock).
   */
  applyChange(c: ScriptedChange): void {
    switch (c.param) {
      case 'liquidity':
        this.depthFactor *= c.factor;
        break;
      case 'resilience':
        this.resilience = Math.min(1, this.resilience * c.factor);
        break;
      case 'withdrawal':
        this.withdrawal *= c.factor;
        break;
      case 'volatility':
        this.sigma *= c.factor;
        break;
      case 'noise':
        this.noise *= c.factor;
        break;
      case 'index':
        this.spot *= c.factor;
        break;
    }
  }

  /** Share of baseline depth the makers keep quoting, given realised volatility. */
  withdrawFactor(): number {
    const excess = this.s.withdrawOn === 'stress' ? this.measuredExcess() : this.settingExcess();
    return Math.max(this.s.withdrawFloor, 1 / (1 + this.withdrawal * excess));
  }

  /** Realised volatility's excess over the calm level the `volatility` setting implies. */
  private settingExcess(): number {
    const calm = CALM_VOL_MULTIPLE * Math.max(this.sigma, 1e-4);
    return Math.max(0, Math.sqrt(this.variance) / calm - 1);
  }

  /** Realised volatility's excess over the calm level this market has measured. */
  private measuredExcess(): number {
    const calm = this.calmVar.value;
    if (!(calm > 0)) return 0;
    return Math.max(0, Math.sqrt(this.recentVar.value / calm) / CALM_VOL_MULTIPLE - 1);
  }

  /** Where the makers centre their quotes this step. */
  quoteCentre(): number {
    if (this.s.quoteMid === 'last') return this.last;
    const inventoryUsd = this.book.makers.inventory * this.index;
    const lean = Math.min(MAX_LEAN, (INVENTORY_LEAN * Math.abs(inventoryUsd)) / this.s.liquidity);
    return this.index * (1 - Math.sign(inventoryUsd) * lean);
  }

  /** Starts the step: new tape, makers refill around their mid. */
  beginStep(): void {
    this.book.beginStep();
    this.quoteMid = this.quoteCentre();
    // A scripted pull scales the makers' target, not the baseline the depletion is measured by.
    this.book.refill(this.quoteMid, this.resilience, this.withdrawFactor() * this.depthFactor);
  }

  /** Noise traders, arbitrageurs and behavioural agents trade (not while halted). */
  trade(): void {
    const rng = this.noiseRng;
    // Draw every step, halted or not, so the stream never depends on the state: the
    // counterfactual run sees the same noise flow step for step.
    const buyUsd = this.noise * rng.exponential();
    const sellUsd = this.noise * rng.exponential();
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
      const side = gap > 0 ? 1 : -1;
      let limit = this.last + this.s.arbStrength * gap;
      // Within the band of the makers' mid only: no sweep through an emptied side.
      if (this.s.arbBand > 0) {
        const edge = this.quoteMid * (1 + (side * this.s.arbBand) / 100);
        limit = side === 1 ? Math.min(limit, edge) : Math.max(limit, edge);
      }
      book.take(this.arbs, side, Infinity, limit);
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
    if (this.s.withdrawOn === 'stress') this.measureStress(r * r);
    this.agents.endStep(tape);
    this.updateBreaker();
    return this.accrueFunding(step);
  }

  /** Feeds one step's squared return to the recent and the calm variance. */
  private measureStress(r2: number): void {
    this.recentVar.add(r2);
    // A stressed step enters the calm level capped at the calm threshold.
    const calm = this.calmVar.value;
    const cap = CALM_VOL_MULTIPLE * CALM_VOL_MULTIPLE * calm;
    this.calmVar.add(calm > 0 ? Math.min(r2, cap) : r2);
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
