/**
 * The typed protocol between the app and the simulation worker: the single source of the message
 * types. The run loop's handler table is typed from {@link SimRequest} (so the compiler checks
 * that the worker answers every request), and the client posts exactly these types.
 *
 * Runs are keyed by `runId` (compare mode will run two at once) and every run carries a
 * `generation`: the client bumps it on each load or reset, the worker stamps it on everything
 * that run emits, and the client drops any message whose generation is not the current one —
 * so after a scenario change no frame of the old run is ever drawn.
 *
 * Bump PROTOCOL_VERSION whenever a message's shape changes, so a stale worker (e.g. a cached
 * bundle) is detected instead of misreading frames: `ready` carries the worker's version.
 */

import { BUCKET_COLUMNS, SCALAR_COLUMNS, type FrameBatch, type RunInfo } from '../engine/frame';
import type { RunReport } from '../engine/report';
import { MAX_CHANGES, isScriptedChange } from '../engine/script';
import type { Scenario } from '../engine/types';

export const PROTOCOL_VERSION = 6;

/** Steps per second, or as fast as the worker can go. */
export type Speed = number | 'max';

/** The default speed: the default 600-step run plays in 20 s, slow enough to watch. */
export const DEFAULT_SPEED = 30;

interface RunRef {
  runId: string;
}

/** Sets up a run (population, books) and leaves it paused at step 0; answered by `ready`. */
export interface LoadRequest extends RunRef {
  type: 'load';
  generation: number;
  scenario: Scenario;
}
export interface PlayRequest extends RunRef {
  type: 'play';
  /**
   * A bit mask of event flags (`EVENT` in engine/frame.ts): the run pauses after the first step whose events match,
   * exactly there at any speed, and says so with `paused` (carrying the matching flags).
   */
  pauseOn?: number;
  /**
   * Runs playing with the same group advance in lockstep (compare mode): in each tick no run of
   * the group goes past the slowest one's step plus what is due, so the slower one holds the other.
   */
  group?: string;
}
/** Stops a playing run; answered by `paused` with the step it stopped at. */
export interface PauseRequest extends RunRef {
  type: 'pause';
}
/** Pauses, then advances `count` steps (default 1). */
export interface StepRequest extends RunRef {
  type: 'step';
  count?: number;
}
/** Starts the loaded scenario again from step 0 under a new generation; answered by `ready`. */
export interface ResetRequest extends RunRef {
  type: 'reset';
  generation: number;
}
export interface SpeedRequest extends RunRef {
  type: 'speed';
  stepsPerSecond: Speed;
}
/** Drops a run and its memory. */
export interface DisposeRequest extends RunRef {
  type: 'dispose';
}
/**
 * Throws inside the worker's handler, so the real error path (catch, `error` message, the UI's
 * alert and Restart) can be tested end to end against the production build. Harmless: it only
 * stops the sender's own worker, which Restart replaces.
 */
export interface CrashRequest extends RunRef {
  type: 'crash';
  /** `throw` (the default) throws in the handler; `hang` never returns, as a stuck worker. */
  mode?: 'throw' | 'hang';
}

/** One scenario of a report-only batch, with its place in the caller's list. */
export interface ReportJob {
  index: number;
  scenario: Scenario;
}
/**
 * Runs scenarios report-only (no frames), one after another, yielding between them; each is
 * answered by a `report` under the batch's `runId` (the caller's sweep, not a played run). More
 * batches under the same id queue behind it; `dispose` with that id drops what is still queued.
 */
export interface ReportsRequest extends RunRef {
  type: 'reports';
  jobs: ReportJob[];
}

export type SimRequest =
  | LoadRequest
  | PlayRequest
  | PauseRequest
  | StepRequest
  | ResetRequest
  | SpeedRequest
  | DisposeRequest
  | CrashRequest
  | ReportsRequest;

interface RunStamp {
  runId: string;
  generation: number;
}

/** A run is set up; `info` lays out its frames. */
export interface ReadyResponse extends RunStamp {
  type: 'ready';
  protocol: number;
  info: RunInfo;
  /**
   * The state before step 0, one row (transferred): where the fuel sits, the makers' first book.
   * Not a step: the frames start with step 0's, so histories and exports have a row per step.
   */
  opening: FrameBatch;
}
/** New consecutive frames (tight, transferred) and the report over all steps so far. */
export interface FramesResponse extends RunStamp {
  type: 'frames';
  batch: FrameBatch;
  report: RunReport;
}
/** The run reached its last step. */
export interface DoneResponse extends RunStamp {
  type: 'done';
  report: RunReport;
}
/**
 * The run is paused at `step` (its next step to simulate): every frame before it has been posted,
 * and no more will be until it plays or steps again.
 */
export interface PausedResponse extends RunStamp {
  type: 'paused';
  step: number;
  /** Set when the run paused itself on a step matching the play's `pauseOn`: those flags. */
  events?: number;
}
/** Sent while a run plays, at least once a second even when no step is due: the worker lives. */
export interface HeartbeatResponse extends RunStamp {
  type: 'heartbeat';
  step: number;
}
/** Something failed in the worker; the run is stopped. `generation` is -1 if unknown. */
export interface ErrorResponse extends RunStamp {
  type: 'error';
  message: string;
}

/** One job of a `reports` batch is done; `generation` is always 0 (a batch is not a run). */
export interface ReportResponse extends RunStamp {
  type: 'report';
  index: number;
  report: RunReport;
}

export type SimResponse =
  | ReportResponse
  | ReadyResponse
  | FramesResponse
  | DoneResponse
  | PausedResponse
  | HeartbeatResponse
  | ErrorResponse;

/** The handler of each request type, as the worker's switch implements it. */
export type RequestHandlers = {
  [T in SimRequest['type']]: (message: Extract<SimRequest, { type: T }>) => void;
};

/** Posts a response, transferring the given buffers. */
export type PostResponse = (message: SimResponse, transfer: Transferable[]) => void;

// What the page checks of each response before using it: a worker of another build, or a bug,
// must become a readable run error, never a render crash on a missing field.

const INFO_FIELDS: Record<keyof RunInfo, true> = {
  steps: true,
  bucketCount: true,
  bucketLow: true,
  bucketHigh: true,
  startPrice: true,
  openInterest: true,
  liquidity: true,
  shockStep: true,
  shockSteps: true,
};

/** The report's figures that are lists of numbers. */
type ReportSeries = 'adlHaircutByProfitDecile' | 'adlHaircutByLeverageDecile';
const REPORT_SERIES: readonly ReportSeries[] = [
  'adlHaircutByProfitDecile',
  'adlHaircutByLeverageDecile',
];

/** The report's numeric fields; `true` where null is allowed too. */
const REPORT_FIELDS: Record<Exclude<keyof RunReport, 'direction' | ReportSeries>, boolean> = {
  stepsRun: false,
  maxDrawdown: false,
  maxDrawdownStep: false,
  counterfactualDrawdown: false,
  maxRunUp: false,
  maxRunUpStep: false,
  counterfactualRunUp: false,
  amplification: false,
  liquidatedNotional: false,
  liquidatedLong: false,
  liquidatedShort: false,
  liquidations: false,
  openInterest: false,
  openInterestOneSided: false,
  oiOneSidedLiquidatedShare: false,
  oiLiquidatedShare: false,
  cascadeStart: false,
  cascadeSteps: false,
  branchingRatio: false,
  exogenousNotional: false,
  endogenousShare: false,
  peakDepletion: false,
  insuranceFundUsed: false,
  insuranceFundLow: false,
  adlNotional: false,
  adlCount: false,
  adlSteps: false,
  adlShortfall: false,
  adlExcessNotional: false,
  peakQueued: false,
  maxQueueAge: false,
  peakQueueLoss: false,
  peakFundStock: false,
  peakVaultInventory: false,
  vaultInventory: false,
  vaultPnl: false,
  badDebt: false,
  recoverySteps: true,
  fundingVariance: false,
  conservationError: false,
  estimateMissShare: false,
  estimateInventShare: false,
  estimateMissShare10: false,
  estimateInventShare10: false,
};

type Fields = Record<string, unknown>;

const isObject = (x: unknown): x is Fields => typeof x === 'object' && x !== null;
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

function checkInfo(info: unknown): string | null {
  if (!isObject(info)) return 'ready has no run info';
  for (const key of Object.keys(INFO_FIELDS)) {
    if (typeof info[key] !== 'number') return `ready info.${key} is not a number`;
  }
  if (!isCount(info.steps) || !isCount(info.bucketCount)) return 'ready info has bad sizes';
  return null;
}

function checkReport(type: string, report: unknown): string | null {
  if (!isObject(report)) return `${type} has no report`;
  for (const [key, nullable] of Object.entries(REPORT_FIELDS)) {
    const v = report[key];
    if (typeof v !== 'number' && !(nullable && v === null)) {
      return `${type} report.${key} is not a number`;
    }
  }
  const isList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'number');
  const list = REPORT_SERIES.find((k) => !isList(report[k]));
  if (list) return `${type} report.${list} is not a list of numbers`;
  if (report.direction !== 'down' && report.direction !== 'up') {
    return `${type} report.direction is not down or up`;
  }
  return null;
}

function checkBatch(batch: unknown, what = 'frames'): string | null {
  if (!isObject(batch)) return `${what} has no batch`;
  const { start, count, capacity, bucketCount, scalars, buckets } = batch;
  if (!isCount(start) || !isCount(count) || !isCount(capacity) || !isCount(bucketCount)) {
    return `${what} batch has bad sizes`;
  }
  if (count > capacity) return `${what} batch has more rows than room`;
  if (!isObject(scalars) || !isObject(buckets)) return `${what} batch has no columns`;
  for (const c of SCALAR_COLUMNS) {
    const col = scalars[c];
    if (!(col instanceof Float64Array) || col.length < count) {
      return `${what} column ${c} is missing or short`;
    }
  }
  for (const c of BUCKET_COLUMNS) {
    const col = buckets[c];
    if (!(col instanceof Float32Array) || col.length < count * bucketCount) {
      return `${what} column ${c} is missing or short`;
    }
  }
  return null;
}

function checkOpening(opening: unknown, info: RunInfo): string | null {
  const problem = checkBatch(opening, 'ready opening');
  if (problem) return problem;
  const { count, bucketCount } = opening as FrameBatch;
  return count === 1 && bucketCount === info.bucketCount ? null : 'ready opening is not one row';
}

/**
 * Why `data` is not a well-formed {@link SimResponse}, as a short phrase, or null if it is one.
 * Checks shapes (fields, types, column lengths), not values. A `ready` of another protocol
 * version passes, so the caller can say the worker is out of date instead.
 */
export function checkResponse(data: unknown): string | null {
  if (!isObject(data)) return 'not an object';
  const type = typeof data.type === 'string' ? data.type : '';
  if (typeof data.runId !== 'string' || typeof data.generation !== 'number') {
    return `${type || 'a message'} has no run id or generation`;
  }
  switch (type) {
    case 'ready':
      if (typeof data.protocol !== 'number') return 'ready has no protocol version';
      if (data.protocol !== PROTOCOL_VERSION) return null;
      return checkInfo(data.info) ?? checkOpening(data.opening, data.info as RunInfo);
    case 'frames':
      return checkBatch(data.batch) ?? checkReport(type, data.report);
    case 'done':
      return checkReport(type, data.report);
    case 'report':
      return isCount(data.index) ? checkReport(type, data.report) : 'report has no job index';
    case 'paused':
    case 'heartbeat':
      return isCount(data.step) ? null : `${type} has no step`;
    case 'error':
      return typeof data.message === 'string' ? null : 'error has no message';
    default:
      return `unknown type "${String(data.type).slice(0, 40)}"`;
  }
}

/**
 * Why `data` is not a well-formed {@link ReportsRequest}, or null if it is one: the worker checks
 * a batch before queueing any of it, so a bad job fails the batch at once, not halfway through.
 */
export function checkReportsRequest(data: unknown): string | null {
  if (!isObject(data) || data.type !== 'reports') return 'not a reports request';
  if (typeof data.runId !== 'string') return 'reports has no run id';
  if (!Array.isArray(data.jobs)) return 'reports has no job list';
  for (const job of data.jobs as unknown[]) {
    if (!isObject(job) || !isCount(job.index)) return 'a reports job has no index';
    if (!isObject(job.scenario)) return `reports job ${String(job.index)} has no scenario`;
    const problem = checkChanges(job.scenario);
    if (problem) return `reports job ${String(job.index)}: ${problem}`;
  }
  return null;
}

/**
 * Why a scenario's scripted changes are not ones the engine can apply, or null: the scenario
 * layer has validated them (changes.ts), so a bad list here is a caller's bug, refused outright
 * rather than run without the changes it asked for.
 */
export function checkChanges(scenario: unknown): string | null {
  if (!isObject(scenario)) return 'no scenario';
  const { changes, steps } = scenario;
  if (changes === undefined) return null;
  if (!Array.isArray(changes) || changes.length > MAX_CHANGES) {
    return `changes is not a list of at most ${MAX_CHANGES}`;
  }
  const bad = changes.findIndex((c) => !isScriptedChange(c, steps as number));
  return bad < 0 ? null : `change ${bad} is not one the engine can apply within the run`;
}
