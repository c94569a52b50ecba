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
import { argsortNonNegative } from './sort';

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

/** Deciles a figure is split into. */
export const DECILES = 10;

/**
 * Who pays under ADL: each time a side is ranked for ADL, its candidates (the profitable
 * positions) fall into deciles of profit % and of effective leverage; a decile's haircut in that
 * ranking is the share of the quantity it held that ADL closed. The run's haircut of a decile is
 * the mean over rankings, weighted by the quantity each ranking closed, so a pro-rata cut reads
 * the same in every decile and a ranking queue's falls on the top ones. Arrays are indexed
 * `figure × DECILES + decile`, figure 0 profit and 1 leverage.
 */
export class AdlWhoPays {
  private readonly sum = new Float64Array(2 * DECILES);
  private readonly weight = new Float64Array(2 * DECILES);

  /** Adds one ranking: what each decile held and what was closed of it. */
  add(held: Float64Array, closed: Float64Array): void {
    let w = 0;
    for (let d = 0; d < DECILES; d++) w += closed[d];
    if (!(w > 0)) return;
    for (let k = 0; k < 2 * DECILES; k++) {
      if (!(held[k] > 0)) continue;
      this.sum[k] += w * Math.min(1, closed[k] / held[k]);
      this.weight[k] += w;
    }
  }

  /** Each decile's haircut by profit (0) or leverage (1), lowest first (0 where none held). */
  haircuts(figure: 0 | 1): number[] {
    const from = figure * DECILES;
    return Array.from(this.sum.subarray(from, from + DECILES), (x, d) =>
      this.weight[from + d] > 0 ? x / this.weight[from + d] : 0,
    );
  }
}

/**
 * Decile of each value by rank: 0 for the lowest tenth, 9 for the highest, equal values in the
 * order they come (so no decile is empty for ten values or more). Values must be >= 0.
 */
function deciles(values: Float64Array, out: Uint8Array): void {
  const n = values.length;
  const order = argsortNonNegative(values);
  for (let k = 0; k < n; k++) out[order[k]] = Math.floor((k * DECILES) / n);
}

/** What auto-deleveraging did to the traders of one side, for the books. */
export interface AdlResult {
  /** Units closed. */
  closed: number;
  /** Realised profit and loss of the deleveraged traders (USD). */
  realised: number;
}

/**
 * Auto-deleveraging of one side, by policy. Queue: positions are closed one by one in ranking
 * order. Pro rata: every profitable position loses the same share; the money is settled at once
 * from the candidates' totals (closing share f of quantity Q and cost C at price b realises
 * o · f · (b Q - C)), and the positions themselves are cut once, at the end of the step, so a
 * step costs one scan of the side however many liquidations it deleverages against.
 */
export class Deleverager {
  private readonly ranking: AdlRanking;
  private rankedAt = -1;
  /** Pro rata: open quantity and cost of the candidates, and the share of them still kept. */
  private candidateQty = 0;
  private candidateCost = 0;
  private keep = 1;
  /** Positions hit in the current step, each once (pro rata: counted when the cut is applied). */
  hits = 0;
  /** Positions hit at least once in the run, each once. */
  positionsHit = 0;
  /** Last step each position was hit at (-1: never), so a position counts once per step. */
  private readonly hitStep: Int32Array;
  private step = -1;

  /**
   * The current ranking's tallies (AdlWhoPays' indexing): each candidate's deciles, at 2j and
   * 2j + 1 (made at the first ADL), and what each decile held and had closed.
   */
  private decile: Uint8Array | null = null;
  private readonly held = new Float64Array(2 * DECILES);
  private readonly closedOf = new Float64Array(2 * DECILES);

  constructor(
    private readonly side: PositionSide,
    private readonly policy: 'queue' | 'prorata',
    private readonly whoPays: AdlWhoPays = new AdlWhoPays(),
  ) {
    this.ranking = new AdlRanking(side.count);
    this.hitStep = new Int32Array(side.count).fill(-1);
  }

  /** Counts `closed` units taken from position j against the deciles it was ranked in. */
  private charge(j: number, closed: number): void {
    if (!this.decile) return;
    this.closedOf[this.decile[2 * j]] += closed;
    this.closedOf[this.decile[2 * j + 1]] += closed;
  }

  /** Hands the current ranking's tallies to the run's figures. */
  private foldTallies(): void {
    this.whoPays.add(this.held, this.closedOf);
    this.held.fill(0);
    this.closedOf.fill(0);
  }

  /** Counts a hit on position j: once per step for the frame, once per run for the report. */
  private hit(j: number): void {
    const before = this.hitStep[j];
    if (before === this.step) return;
    if (before < 0) this.positionsHit++;
    this.hitStep[j] = this.step;
    this.hits++;
  }

  /** Closes up to `qty` units at price `b` (the liquidated position's bankruptcy price). */
  take(qty: number, b: number, mark: number, step: number, out: AdlResult): void {
    out.closed = 0;
    out.realised = 0;
    if (this.rankedAt !== step) this.rank(mark, step);
    this.step = step;
    const o = this.side.side;
    if (this.policy === 'prorata') {
      const y = Math.min(qty, this.candidateQty);
      if (!(y > 0)) return;
      const f = y / this.candidateQty;
      out.closed = y;
      out.realised = o * (y * b - f * this.candidateCost);
      this.candidateQty = y === this.candidateQty ? 0 : this.candidateQty - y;
      this.candidateCost *= 1 - f;
      this.keep *= 1 - f;
      return;
    }
    const ranking = this.ranking;
    const side = this.side;
    let rest = qty;
    for (let j = ranking.best(); rest > 0 && j >= 0; j = ranking.best()) {
      const closed = side.reduce(j, rest);
      if (closed > 0) {
        out.closed += closed;
        out.realised += o * closed * (b - side.entry[j]);
        rest -= closed;
        this.hit(j);
        this.charge(j, closed);
      }
      if (side.qty[j] === 0) ranking.dropBest();
    }
  }

  /** Applies the step's pro-rata cut to every candidate, and closes the step's tallies. */
  finishStep(): void {
    this.cutProRata();
    this.foldTallies();
  }

  private cutProRata(): void {
    if (this.policy !== 'prorata' || this.keep === 1) return;
    const cut = 1 - this.keep;
    for (let r = 0; r < this.ranking.length; r++) {
      const j = this.ranking.at(r);
      const closed = this.side.reduce(j, this.keep === 0 ? Infinity : this.side.qty[j] * cut);
      if (closed > 0) {
        this.hit(j);
        this.charge(j, closed);
      }
    }
    this.keep = 1;
    this.candidateQty = 0;
    this.candidateCost = 0;
  }

  private rank(mark: number, step: number): void {
    this.ranking.build(this.side, mark);
    this.rankedAt = step;
    this.keep = 1;
    this.foldTallies();
    this.sortIntoDeciles(mark);
    if (this.policy !== 'prorata') return;
    let q = 0;
    let c = 0;
    for (let r = 0; r < this.ranking.length; r++) {
      const j = this.ranking.at(r);
      q += this.side.qty[j];
      c += this.side.qty[j] * this.side.entry[j];
    }
    this.candidateQty = q;
    this.candidateCost = c;
  }

  /** Sorts the candidates just ranked into deciles and counts what each decile holds. */
  private sortIntoDeciles(mark: number): void {
    const side = this.side;
    const n = this.ranking.length;
    const profit = new Float64Array(n);
    const leverage = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const j = this.ranking.at(r);
      const e = side.entry[j];
      profit[r] = (side.side * (mark - e) * side.leverage[j]) / e;
      leverage[r] = Math.min(Number.MAX_VALUE, mark / Math.abs(mark - side.bankruptcy(j)));
    }
    this.decile ??= new Uint8Array(2 * side.count);
    const byRank = new Uint8Array(n);
    for (const [figure, values] of [profit, leverage].entries()) {
      deciles(values, byRank);
      for (let r = 0; r < n; r++) {
        const j = this.ranking.at(r);
        this.decile[2 * j + figure] = figure * DECILES + byRank[r];
        this.held[figure * DECILES + byRank[r]] += side.qty[j];
      }
    }
  }
}
