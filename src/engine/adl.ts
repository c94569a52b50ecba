/**
 * The auto-deleveraging ranking of one side at one mark price: positions in profit, best
 * candidate first by profit % (PnL over margin) × effective leverage (mark / |mark - bankruptcy|),
 * the ranking venues publish as the ADL indicator.
 *
 * Built once per step in which ADL is needed: one scan of the side into preallocated typed
 * arrays and a heapify, O(N); then each position taken costs O(log N). A full sort is not
 * needed because ADL rarely reaches far down the ranking.
 */

import type { PositionSide } from './positions';

export class AdlRanking {
  private readonly ids: Uint32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(capacity: number) {
    this.ids = new Uint32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  /** Ranks the open, profitable positions of `side` at `mark`. */
  build(side: PositionSide, mark: number): void {
    const o = side.side;
    let n = 0;
    for (let j = 0; j < side.count; j++) {
      if (side.qty[j] === 0) continue;
      const e = side.entry[j];
      const profitPct = (o * (mark - e) * side.leverage[j]) / e;
      if (!(profitPct > 0)) continue;
      const effectiveLeverage = mark / Math.abs(mark - side.bankruptcy(j));
      this.ids[n] = j;
      this.scores[n] = profitPct * effectiveLeverage;
      n++;
    }
    this.size = n;
    for (let i = (n >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  /** Number of candidates left. */
  get length(): number {
    return this.size;
  }

  /** Candidate `i` in heap order (for visiting every candidate, as pro-rata does). */
  at(i: number): number {
    return this.ids[i];
  }

  /** The best candidate left, or -1. */
  best(): number {
    return this.size > 0 ? this.ids[0] : -1;
  }

  /** Drops the best candidate. */
  dropBest(): void {
    this.size--;
    this.ids[0] = this.ids[this.size];
    this.scores[0] = this.scores[this.size];
    this.siftDown(0);
  }

  private siftDown(i: number): void {
    const { ids, scores } = this;
    const n = this.size;
    const id = ids[i];
    const score = scores[i];
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && scores[c + 1] > scores[c]) c++;
      if (scores[c] <= score) break;
      ids[i] = ids[c];
      scores[i] = scores[c];
      i = c;
    }
    ids[i] = id;
    scores[i] = score;
  }
}
