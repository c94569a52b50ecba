/**
 * How self-exciting a run is: which liquidations the shock alone would have caused
 * (exogenous) and which the liquidations themselves caused (endogenous), and the branching
 * ratio estimated from them (model.md, "Criticality").
 *
 * The counterfactual market (the ghost: same seed and shock, liquidation engine off) runs beside
 * the real one. A take-over is **exogenous** once the ghost's mark has crossed the liquidation
 * price the position had when it was taken over: the counterfactual path alone breaches it too.
 * Two attributions are kept, for two questions:
 * - per step (causal): a take-over of step t is exogenous if the ghost had crossed its price by
 *   step t. A position the cascade took before the shock reached it is endogenous in that step
 *   (the liquidations before it brought it forward). The branching ratio uses this.
 * - in total (over the steps run so far): a take-over is exogenous if the ghost crosses its price
 *   at any step so far. This is `exogenousNotional`: what the counterfactual path alone would
 *   have liquidated, of what was liquidated. It is at least the sum of the per-step figures.
 */

/** A growable FIFO of (price, notional) pairs, sorted by the order they were pushed. */
class PriceQueue {
  price = new Float64Array(64);
  notional = new Float64Array(64);
  head = 0;
  tail = 0;
  push(price: number, notional: number): void {
    if (this.tail === this.price.length) this.grow();
    this.price[this.tail] = price;
    this.notional[this.tail] = notional;
    this.tail++;
  }
  private grow(): void {
    const live = this.tail - this.head;
    const cap = Math.max(64, live * 2);
    const price = new Float64Array(cap);
    const notional = new Float64Array(cap);
    price.set(this.price.subarray(this.head, this.tail));
    notional.set(this.notional.subarray(this.head, this.tail));
    this.price = price;
    this.notional = notional;
    this.head = 0;
    this.tail = live;
  }
}

/**
 * Classifies take-overs as exogenous or endogenous against the ghost's most extreme marks.
 *
 * Take-overs of longs come in non-increasing order of liquidation price over a run (a long still
 * open has its price below every mark seen so far, else it would have been taken), and shorts in
 * non-decreasing order. So the take-overs the ghost has not reached yet wait in a FIFO whose head
 * is always the next the ghost can reach: each is looked at once when pushed and once when
 * released, and a step costs in proportion to its take-overs.
 */
export class ExogenousLedger {
  /** Lowest and highest ghost mark so far: longs at or above the low are breached, shorts at or below the high. */
  private ghostLow = Infinity;
  private ghostHigh = -Infinity;
  private readonly pendingLongs = new PriceQueue();
  private readonly pendingShorts = new PriceQueue();
  /** Exogenous notional over the steps so far (whole-run attribution). */
  total = 0;
  /** Exogenous and endogenous notional of this step's take-overs (causal attribution). */
  stepExogenous = 0;
  stepEndogenous = 0;

  /** Starts a step with the ghost's mark for it, before the engine takes anything over. */
  beginStep(ghostMark: number): void {
    this.stepExogenous = 0;
    this.stepEndogenous = 0;
    if (ghostMark < this.ghostLow) {
      this.ghostLow = ghostMark;
      const q = this.pendingLongs;
      while (q.head < q.tail && q.price[q.head] >= ghostMark) this.total += q.notional[q.head++];
    }
    if (ghostMark > this.ghostHigh) {
      this.ghostHigh = ghostMark;
      const q = this.pendingShorts;
      while (q.head < q.tail && q.price[q.head] <= ghostMark) this.total += q.notional[q.head++];
    }
  }

  /** A take-over of `notional` USD of a position of `side` whose liquidation price is `liq`. */
  record(side: 1 | -1, liq: number, notional: number): void {
    const reached = side === 1 ? this.ghostLow <= liq : this.ghostHigh >= liq;
    if (reached) {
      this.total += notional;
      this.stepExogenous += notional;
    } else {
      this.stepEndogenous += notional;
      (side === 1 ? this.pendingLongs : this.pendingShorts).push(liq, notional);
    }
  }

  /**
   * Endogenous notional over the steps so far: the take-overs the ghost has not reached. Summed
   * afresh, not kept as a running difference, so a run without any reads exactly 0.
   */
  endogenous(): number {
    let sum = 0;
    for (const q of [this.pendingLongs, this.pendingShorts]) {
      for (let k = q.head; k < q.tail; k++) sum += q.notional[k];
    }
    return sum;
  }
}

/**
 * The endogenous share `1 − exogenous / liquidated`, computed as endogenous / liquidated so that
 * a run whose liquidations are all exogenous reads exactly 0 (0 too when nothing is liquidated).
 */
export function endogenousShare(endogenous: number, liquidated: number): number {
  return liquidated > 0 ? Math.min(1, endogenous / liquidated) : 0;
}

/**
 * The branching ratio: endogenous liquidations of each next step over all liquidations of this
 * step, as a ratio of sums over the cascade's growth phase.
 *
 * Step t's price impact is first seen by step t+1's mark, so the endogenous take-overs of step
 * t+1 are step t's offspring (Harris' estimator of a branching process's mean offspring,
 * Σ children / Σ parents, with immigrants — the exogenous take-overs — left out of the children).
 * The sum runs from the first step with a liquidation to the step before the largest wave: once
 * a finite book of positions is burnt, waves stop for lack of fuel, not of feedback, and
 * counting those steps would pull every cascade toward 1. When the first wave is the largest
 * there is no growth phase and the sum runs over every step with a liquidation (a chain that
 * dies reads below 1: two waves of one position each read 1/2). Exogenous take-overs are never
 * anyone's offspring,
 * so a market whose mark cannot feel this venue's trades reads exactly 0.
 *
 * @param waves liquidated notional per step; @param endogenous its endogenous part per step.
 */
export function branchingRatio(
  waves: Float64Array,
  endogenous: Float64Array,
  stepsRun: number,
): number {
  let first = -1;
  let peak = -1;
  let last = -1;
  for (let t = 0; t < stepsRun; t++) {
    if (!(waves[t] > 0)) continue;
    if (first < 0) first = t;
    if (peak < 0 || waves[t] > waves[peak]) peak = t;
    last = t;
  }
  if (first < 0 || first + 1 >= stepsRun) return 0;
  const lastParent = peak > first ? peak - 1 : Math.min(last, stepsRun - 2);
  let parents = 0;
  let children = 0;
  for (let t = first; t <= lastParent; t++) {
    parents += waves[t];
    children += endogenous[t + 1];
  }
  return parents > 0 ? children / parents : 0;
}
