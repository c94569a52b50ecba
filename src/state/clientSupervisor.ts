/**
 * The client supervisor: the one simulation worker every run shares. It connects and terminates
 * the client, checks each message, routes it to its run (by `runId`), and fails everything at
 * once when the worker errs, sends garbage or goes silent while it should be playing — a dead or
 * runaway worker must not keep using the CPU, and one worker holds every run.
 *
 * What each run is doing (its generation, a pending load, its ready watchdog) is the run
 * session's (runSession.ts); the intents are the controller's.
 */

import type { SimClient, SimClientEvents } from '../worker/client';
import { checkResponse, type SimRequest, type SimResponse } from '../worker/protocol';
import type { Timers } from '../shared/clock';

export interface SupervisorOptions {
  createClient: (events: SimClientEvents) => SimClient;
  timers: Timers;
  stallTimeoutMs: number;
  /** A checked message for run `runId` ('' for one the worker could not place). */
  onMessage(message: SimResponse): void;
  /** The worker failed: every run stops with this message (`first`: not already broken). */
  onFail(message: string, first: boolean): void;
  /** Whether every run is set up (while one is built the ready watchdog times the worker). */
  allReady(): boolean;
}

export interface ClientSupervisor {
  post(message: SimRequest): void;
  /** Connects a fresh client if there is none or the last one failed. */
  ensure(): void;
  /** Ends the client and reports `message` for every run (once per failure). */
  fail(message: string): void;
  /** Whether the last client failed (or Restart asked for a fresh one). */
  readonly broken: boolean;
  markBroken(): void;
  /** Whether the worker should be posting for run `runId` (it was told to play). */
  isPlaying(runId: string): boolean;
  /** Starts the stall clock again (a run became ready). */
  watch(): void;
  /** A run stopped by itself (done, or paused at a moment asked for). */
  stopped(runId: string): void;
  dispose(): void;
}

export function createClientSupervisor(options: SupervisorOptions): ClientSupervisor {
  const { timers, stallTimeoutMs } = options;
  let client: SimClient | null = null;
  /** Bumped for each client and when one is dropped: events of any earlier client are ignored. */
  let connection = 0;
  let broken = false;
  /** Runs the worker was last told to play (and that have not said they are done). */
  const playing = new Set<string>();
  /** Fails the runs if a playing worker sends nothing for `stallTimeoutMs`. */
  let stallTimer: unknown = null;

  /** (Re)starts the stall clock while the worker should be playing ready runs, or stops it. */
  function watchStall(): void {
    if (stallTimer !== null) timers.clearTimeout(stallTimer);
    stallTimer = null;
    // While a run is set up the worker is busy building it: the ready watchdog times that.
    if (playing.size === 0 || !client || !options.allReady()) return;
    stallTimer = timers.setTimeout(() => {
      stallTimer = null;
      const seconds = Math.round(stallTimeoutMs / 1000);
      supervisor.fail(
        `The worker has not answered for ${seconds} s while playing: it hangs or has died.`,
      );
    }, stallTimeoutMs);
  }

  function connect(): void {
    const id = ++connection;
    client = options.createClient({
      onMessage: (message) => {
        if (id !== connection) return;
        const problem = checkResponse(message);
        if (problem) {
          supervisor.fail(`The simulation worker sent a malformed message: ${problem}.`);
          return;
        }
        watchStall(); // the worker is alive
        options.onMessage(message);
      },
      onError: (message) => {
        if (id === connection) supervisor.fail(message);
      },
    });
  }

  function drop(): void {
    client?.terminate();
    client = null;
    connection++;
    playing.clear();
    watchStall();
  }

  const supervisor: ClientSupervisor = {
    post(message) {
      if (!client) return;
      if (message.type === 'play') playing.add(message.runId);
      else if (message.type !== 'speed' && message.type !== 'crash') playing.delete(message.runId);
      client.post(message);
      watchStall();
    },
    ensure() {
      if (broken || !client) {
        client?.terminate();
        connect();
        broken = false;
      }
    },
    fail(message) {
      const first = !broken;
      broken = true;
      // The failed worker may still be playing, or stuck: end it now; Restart starts a fresh one.
      drop();
      options.onFail(message, first);
    },
    get broken() {
      return broken;
    },
    markBroken() {
      broken = true;
    },
    isPlaying: (runId) => playing.has(runId),
    watch: () => watchStall(),
    stopped(runId) {
      playing.delete(runId);
      watchStall();
    },
    dispose() {
      drop();
    },
  };
  return supervisor;
}
