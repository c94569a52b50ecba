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

import type { FrameBatch, RunInfo } from '../engine/frame';
import type { RunReport } from '../engine/report';
import type { Scenario } from '../engine/types';

export const PROTOCOL_VERSION = 2;

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
}
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
}

export type SimRequest =
  | LoadRequest
  | PlayRequest
  | PauseRequest
  | StepRequest
  | ResetRequest
  | SpeedRequest
  | DisposeRequest
  | CrashRequest;

interface RunStamp {
  runId: string;
  generation: number;
}

/** A run is set up; `info` lays out its frames. */
export interface ReadyResponse extends RunStamp {
  type: 'ready';
  protocol: number;
  info: RunInfo;
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
/** Something failed in the worker; the run is stopped. `generation` is -1 if unknown. */
export interface ErrorResponse extends RunStamp {
  type: 'error';
  message: string;
}

export type SimResponse = ReadyResponse | FramesResponse | DoneResponse | ErrorResponse;

/** The handler of each request type, as the worker's switch implements it. */
export type RequestHandlers = {
  [T in SimRequest['type']]: (message: Extract<SimRequest, { type: T }>) => void;
};

/** Posts a response, transferring the given buffers. */
export type PostResponse = (message: SimResponse, transfer: Transferable[]) => void;

/** A readable one-line message from anything thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string' && error !== '') return error;
  return 'Unknown error in the simulation';
}
