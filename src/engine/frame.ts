/**
 * The frame's columnar layout: what one step emits, stored as one typed array per series
 * (Observable Plot's channels), so charts, exports and the worker all read columns.
 *
 * A {@link FrameBatch} holds a run of consecutive steps. The engine writes rows into a batch it
 * is given (no per-step allocation); the worker slices rows out and transfers the buffers.
 */

/** Per-step scalar series. Prices in USD, notionals in USD, counts as plain numbers. */
export const SCALAR_COLUMNS = [
  /** Step number, 0-based. */
  'step',
  /** OHLC of the last (traded) price within the step. */
  'open',
  'high',
  'low',
  'close',
  /** Mark price the liquidation engine checked against at this step. */
  'mark',
  /** Index (spot) price. */
  'index',
  /** Last price of the counterfactual run with the liquidation engine off (the ghost line). */
  'ghost',
  /** Traded notional in the step, all flows. */
  'volume',
  /**
   * Notional taken over by the liquidation engine in the step, long and short positions, at
   * their bankruptcy price (as terminals total liquidations). Executions (the `realised` bucket column) may follow later, under a throughput limit
   * or the price band, so the two need not match step by step.
   */
  'liqLong',
  'liqShort',
  /** Positions taken over by the liquidation engine in the step. */
  'liqCount',
  /**
   * The part of `liqLong + liqShort` the counterfactual path had already breached by this step
   * (criticality.ts): exogenous. The rest of the step's take-overs is endogenous.
   */
  'liqExogenous',
  /** Open interest of the leveraged positions after the step. */
  'oiLong',
  'oiShort',
  /** Insurance fund balance after the step. */
  'insuranceFund',
  /** Auto-deleveraging in the step: positions hit (each once) and notional closed. */
  'adlCount',
  'adlNotional',
  /** Distinct positions auto-deleveraged so far (one hit in several steps counts once). */
  'adlPositions',
  /** Cumulative bad debt (losses nobody paid) after the step. */
  'badDebt',
  /** Funding rate (premium averaged since the last payment), as a fraction per interval. */
  'fundingRate',
  /** Basis (last - index) / index. */
  'basis',
  /** Resting depth within 5 % of the last price, bid and ask, in USD. */
  'bidDepth',
  'askDepth',
  /** Share of the baseline depth within 5 % of the last price that is missing (0..1). */
  'depletion',
  /** Notional waiting in the liquidation engine's queue after the step. */
  'queued',
  /** Steps the oldest position in the queue has waited (0: empty). */
  'queueAge',
  /** The queue's loss at the mark against its bankruptcy prices (USD; positive: a loss). */
  'queueLoss',
  /** Venue engines: the insurance fund's stock of taken-over positions, signed, at the mark. */
  'fundStock',
  /** The insurance fund's equity at the mark: its cash plus its stock marked (USD). */
  'fundEquity',
  /**
   * Venue engines: share of the fund's capacity its stock uses (stock notional over equity at the
   * mark, venues.ts FUND_STOCK_LEVERAGE), 0..1: 0 without stock, 1 at or past the capacity.
   */
  'fundCapacityUsed',
  /** The backstop vault's inventory, signed, at the mark (USD). */
  'vaultInventory',
  /** The backstop vault's profit and loss at the last price (USD). */
  'vaultPnl',
  /** Bit set of {@link EVENT} flags. */
  'events',
  /**
   * The terminal-style estimate against the true map (estimate.ts), within ±5 % and ±10 % of the
   * last price: the share of the true fuel it misses and the share of its own it invents (0..1).
   */
  'estimateMiss5',
  'estimateInvent5',
  'estimateMiss10',
  'estimateInvent10',
] as const;

export type ScalarColumn = (typeof SCALAR_COLUMNS)[number];

/** Per-step, per-price-bucket series, row-major (step × bucket). USD notional or depth. */
export const BUCKET_COLUMNS = [
  /** Notional of open positions whose liquidation price lies in the bucket (the fuel). */
  'predicted',
  /**
   * Notional the liquidation engine executed in the step, by the bucket of its fill price: book
   * fills at their VWAP, vault and ADL transfers at the bankruptcy price.
   */
  'realised',
  /** Resting bid and ask depth in the bucket after the step. */
  'bid',
  'ask',
  /** Baseline depth the market makers aim for in the bucket, around the current last price. */
  'baseline',
  /** The terminal-style estimate of `predicted`, from candles and open interest (estimate.ts). */
  'estimated',
] as const;

export type BucketColumn = (typeof BUCKET_COLUMNS)[number];

/** Event flags of a step, for markers and the guided mode's key moments. */
export const EVENT = {
  /** The exogenous shock is being applied in this step. */
  SHOCK: 1,
  /** First step of a liquidation cascade. */
  CASCADE_START: 2,
  /** The insurance fund ran out in this step. */
  FUND_EXHAUSTED: 4,
  /** Auto-deleveraging closed positions in this step. */
  ADL: 8,
  /** Matching was halted by the circuit breaker in this step. */
  HALT: 16,
  /** The book within 5 % of the price lost most of its baseline depth (first time). */
  BOOK_DRY: 32,
  /** Bad debt appeared for the first time in this step (the `badDebt` column has the rest). */
  BAD_DEBT: 64,
  /** A scripted change (script.ts) applied at the start of this step. */
  CHANGE: 128,
} as const;

export type EventName = keyof typeof EVENT;

/** A run of consecutive frames, one typed array per column. */
export interface FrameBatch {
  /** Step number of row 0. */
  start: number;
  /** Rows filled. */
  count: number;
  /** Rows allocated. */
  capacity: number;
  bucketCount: number;
  scalars: Record<ScalarColumn, Float64Array>;
  /** Each array has capacity × bucketCount entries, row-major. */
  buckets: Record<BucketColumn, Float32Array>;
}

/** Allocates an empty batch for `capacity` steps. */
export function createFrameBatch(capacity: number, bucketCount: number, start = 0): FrameBatch {
  const scalars = {} as Record<ScalarColumn, Float64Array>;
  for (const c of SCALAR_COLUMNS) scalars[c] = new Float64Array(capacity);
  const buckets = {} as Record<BucketColumn, Float32Array>;
  for (const c of BUCKET_COLUMNS) buckets[c] = new Float32Array(capacity * bucketCount);
  return { start, count: 0, capacity, bucketCount, scalars, buckets };
}

/** Copies rows [from, to) of a batch into a new, tight batch (whose buffers can be transferred). */
export function sliceFrameBatch(batch: FrameBatch, from: number, to: number): FrameBatch {
  const n = Math.max(0, to - from);
  const b = batch.bucketCount;
  const scalars = {} as Record<ScalarColumn, Float64Array>;
  for (const c of SCALAR_COLUMNS) scalars[c] = batch.scalars[c].slice(from, from + n);
  const buckets = {} as Record<BucketColumn, Float32Array>;
  for (const c of BUCKET_COLUMNS) buckets[c] = batch.buckets[c].slice(from * b, (from + n) * b);
  return { start: batch.start + from, count: n, capacity: n, bucketCount: b, scalars, buckets };
}

/** The buffers of a batch, for `postMessage(batch, transferables(batch))`. */
export function transferables(batch: FrameBatch): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const c of SCALAR_COLUMNS) out.push(batch.scalars[c].buffer as ArrayBuffer);
  for (const c of BUCKET_COLUMNS) out.push(batch.buckets[c].buffer as ArrayBuffer);
  return out;
}

/** Reads one bucket row of a bucket column as a view (no copy). */
export function bucketRow(batch: FrameBatch, column: BucketColumn, row: number): Float32Array {
  const b = batch.bucketCount;
  return batch.buckets[column].subarray(row * b, (row + 1) * b);
}

/**
 * Static facts of a run that charts need to lay out its frames: the price grid of the bucket
 * columns and the scale of the market.
 */
export interface RunInfo {
  steps: number;
  bucketCount: number;
  /** Price of the lower edge of bucket 0 and the upper edge of the last bucket (USD). */
  bucketLow: number;
  bucketHigh: number;
  startPrice: number;
  /** Leveraged open interest at step 0 (USD, long + short). */
  openInterest: number;
  /** Baseline bid depth within 1 % of mid (USD), the liquidity parameter. */
  liquidity: number;
  shockStep: number;
  shockSteps: number;
}

/** Lower edge price of bucket `i` of a run's price grid. */
export function bucketPrice(info: RunInfo, i: number): number {
  return info.bucketLow + ((info.bucketHigh - info.bucketLow) * i) / info.bucketCount;
}
