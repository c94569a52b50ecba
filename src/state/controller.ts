/**
 * The controller: the store's side effects. It owns the simulation client, turns the user's
 * intents (play, step, a slider moved) into protocol messages, and feeds the client's answers
 * back into the store through the frame sink.
 *
 * A scenario change takes effect at once in the store (the controls show it) and starts a new
 * generation, so nothing more of the old run is drawn; the new run is loaded after a short
 * debounce, so dragging a slider does not rebuild the population on every pixel.
 *
 * Failures — an error from the worker, a malformed message, no `ready` within the watchdog's
 * time, a playing worker that goes silent (it sends frames or a heartbeat at least once a
 * second while it plays) — end the client at once (a dead or runaway worker must not keep using the CPU) and show
 * a message with Restart, which starts a fresh client.
 */

import { decodeScenario, encodeScenario, type Scenario } from '../scenario';
import { createSimClient, type SimClient, type SimClientEvents } from '../worker/client';
import {
  PROTOCOL_VERSION,
  checkResponse,
  type SimRequest,
  type SimResponse,
  type Speed,
} from '../worker/protocol';
import { realClock as realTimers, type Timers } from '../shared/clock';
import { animationFrameScheduler, type FrameScheduler } from '../shared/frameScheduler';
import { createFrameSink } from './frameSink';
import type { AppStore } from './store';

export interface ControllerOptions {
  createClient?: (events: SimClientEvents) => SimClient;
  scheduler?: FrameScheduler;
  timers?: Timers;
  /** Delay before a changed scenario is run (ms). */
  debounceMs?: number;
  /** Called with each scenario as its run starts (the URL follows it). */
  onCommit?: (scenario: Scenario) => void;
  /** Most time (ms) a load or reset waits for the worker's `ready` before the run fails. */
  readyTimeoutMs?: number;
  /** Most time (ms) a playing worker may go without a message before the run fails. */
  stallTimeoutMs?: number;
}

/** Setting up a million positions takes about a second; twenty means the worker is gone. */
export const READY_TIMEOUT_MS = 20_000;
/** A playing worker posts at least once a second; six seconds of silence means it hangs or died. */
export const STALL_TIMEOUT_MS = 6_000;

export interface Controller {
  /** Creates the client and loads the store's scenario, computed up to `atStep` (a link's `t`). */
  start(atStep?: number): void;
  /** Plays; with `pauseOn` (event flags) the run pauses by itself after the first matching step. */
  play(pauseOn?: number): void;
  pause(): void;
  togglePlay(): void;
  step(): void;
  reset(): void;
  setSpeed(speed: Speed): void;
  setParam<K extends keyof Scenario>(key: K, value: Scenario[K]): void;
  /** Replaces the whole scenario (validated) and runs it after the debounce. */
  setScenario(scenario: Scenario): void;
  /** Replaces the client (after an error) and runs the scenario again. */
  restart(): void;
  /** Makes the worker throw (or hang), to test the error paths (see protocol's CrashRequest). */
  crashWorker(mode?: 'throw' | 'hang'): void;
  dispose(): void;
}

/** The scenario after the codec's validation: clamped, rounded, consistent. */
export function validScenario(candidate: Scenario): Scenario {
  const decoded = decodeScenario(encodeScenario(candidate));
  return decoded.ok ? decoded.scenario : candidate;
}

/** What validation changed that the user did not ask for, as a sentence (the shock must fit the run). */
export function adjustmentOf(asked: Scenario, valid: Scenario): string | null {
  if (valid.shockStep === asked.shockStep) return null;
  return `The shock moved from minute ${asked.shockStep} to minute ${valid.shockStep} to fit the ${valid.steps}-minute run.`;
}

export function createController(store: AppStore, options: ControllerOptions = {}): Controller {
  const createClient = options.createClient ?? createSimClient;
  const timers = options.timers ?? realTimers;
  const debounceMs = options.debounceMs ?? 200;
  const readyTimeoutMs = options.readyTimeoutMs ?? READY_TIMEOUT_MS;
  const stallTimeoutMs = options.stallTimeoutMs ?? STALL_TIMEOUT_MS;
  const sink = createFrameSink(store, options.scheduler ?? animationFrameScheduler());
  let client: SimClient | null = null;
  /** Bumped for each client and when one is dropped: events of any earlier client are ignored. */
  let connection = 0;
  let pending: unknown = null;
  /** Fails the run if the worker has not answered a load or reset with `ready` in time. */
  let watchdog: unknown = null;
  /** Whether the run being loaded should play as soon as it is ready. */
  let playWhenLoaded = false;
  /** The event mask of the last play asked for, kept for a play that waits for a load. */
  let playMask = 0;
  /** Whether a run was playing when it failed, so Restart plays again. */
  let playAfterRestart = false;
  /** A run failed: the next load starts a fresh client (the worker may be dead). */
  let broken = false;
  /** Whether the worker was last told to play (and has not said it is done): it must keep posting. */
  let workerPlaying = false;
  /** Fails the run if a playing worker sends nothing for `stallTimeoutMs`. */
  let stallTimer: unknown = null;

  const state = () => store.getState();
  const runId = () => state().runId;

  function post(message: SimRequest): void {
    if (!client) return;
    if (message.type === 'play') workerPlaying = true;
    else if (message.type !== 'speed' && message.type !== 'crash') workerPlaying = false;
    client.post(message);
    watchStall();
  }

  /** (Re)starts the stall clock while the worker should be playing a ready run, or stops it. */
  function watchStall(): void {
    if (stallTimer !== null) timers.clearTimeout(stallTimer);
    stallTimer = null;
    // While a run is set up the worker is busy building it: the ready watchdog times that.
    if (!workerPlaying || !client || state().phase !== 'ready') return;
    stallTimer = timers.setTimeout(() => {
      stallTimer = null;
      const seconds = Math.round(stallTimeoutMs / 1000);
      fail(`The worker has not answered for ${seconds} s while playing: it hangs or has died.`);
    }, stallTimeoutMs);
  }

  function stopWatchdog(): void {
    if (watchdog !== null) timers.clearTimeout(watchdog);
    watchdog = null;
  }

  function startWatchdog(): void {
    stopWatchdog();
    watchdog = timers.setTimeout(() => {
      watchdog = null;
      const seconds = Math.round(readyTimeoutMs / 1000);
      fail(`The simulation did not start: the worker has not answered for ${seconds} s.`);
    }, readyTimeoutMs);
  }

  function fail(message: string): void {
    if (!broken) playAfterRestart = state().status === 'playing';
    broken = true;
    stopWatchdog();
    sink.clear();
    // The failed worker may still be playing, or stuck: end it now; Restart starts a fresh one.
    client?.terminate();
    client = null;
    connection++;
    workerPlaying = false;
    watchStall();
    state().runFailed(message);
  }

  function onMessage(message: SimResponse): void {
    const problem = checkResponse(message);
    if (problem) {
      fail(`The simulation worker sent a malformed message: ${problem}.`);
      return;
    }
    watchStall(); // the worker is alive
    const s = state();
    if (message.runId !== s.runId && message.runId !== '') return;
    if (message.type === 'error') {
      if (message.generation === s.generation || message.generation === -1) fail(message.message);
      return;
    }
    if (message.generation !== s.generation || s.phase === 'error') return;
    if (message.type === 'done') {
      workerPlaying = false;
      watchStall();
    }
    if (message.type === 'ready') {
      stopWatchdog();
      if (message.protocol !== PROTOCOL_VERSION) {
        fail(
          `The simulation worker is out of date (protocol ${message.protocol}, page ${PROTOCOL_VERSION}): reload the page.`,
        );
        return;
      }
      sink.clear();
      s.runReady(message.generation, message.info, message.opening);
      watchStall();
    } else if (message.type === 'frames' || message.type === 'done') sink.push(message);
    else if (message.type === 'paused' && message.events !== undefined && workerPlaying) {
      // The run stopped itself at a moment it was asked to stop at.
      workerPlaying = false;
      watchStall();
      if (s.status === 'playing') s.setStatus('paused');
    }
    // Otherwise `paused` and `heartbeat` only say the worker is alive (and where it stopped).
  }

  function connect(): void {
    const id = ++connection;
    client = createClient({
      onMessage: (message) => {
        if (id === connection) onMessage(message);
      },
      onError: (message) => {
        if (id === connection) fail(message);
      },
    });
  }

  /** Loads the store's scenario as a new generation, playing it if asked or computed to a step. */
  function load(play: boolean, atStep = 0): void {
    if (broken || !client) {
      client?.terminate();
      connect();
      broken = false;
    }
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
    sink.clear();
    const generation = state().beginRun();
    const scenario = state().scenario;
    post({ type: 'load', runId: runId(), generation, scenario });
    startWatchdog();
    post({ type: 'speed', runId: runId(), stepsPerSecond: state().speed });
    state().setStatus(play ? 'playing' : 'paused');
    if (play) post({ type: 'play', runId: runId(), pauseOn: playMask });
    else if (atStep > 0) post({ type: 'step', runId: runId(), count: atStep });
    options.onCommit?.(scenario);
  }

  function scheduleLoad(): void {
    const s = state();
    if (pending === null) {
      // Stop the old run now: its frames are of no more use and must not be drawn.
      // A finished run is not playing: the next one is set up paused at step 0.
      playWhenLoaded = s.status === 'playing';
      stopWatchdog(); // its `ready` no longer counts; the debounced load starts the clock again
      sink.clear();
      s.beginRun();
      post({ type: 'pause', runId: runId() });
    } else timers.clearTimeout(pending);
    pending = timers.setTimeout(() => load(playWhenLoaded), debounceMs);
  }

  const controller: Controller = {
    start(atStep = 0) {
      if (!client) connect();
      load(false, atStep);
    },
    play(pauseOn = 0) {
      const s = state();
      if (s.phase === 'error') return;
      playMask = pauseOn;
      if (s.status === 'done') {
        controller.reset();
        state().setStatus('playing');
        post({ type: 'play', runId: runId(), pauseOn });
        return;
      }
      if (pending !== null) {
        playWhenLoaded = true;
        s.setStatus('playing');
        return;
      }
      s.setStatus('playing');
      post({ type: 'play', runId: runId(), pauseOn });
    },
    pause() {
      if (pending !== null) playWhenLoaded = false;
      if (state().status === 'playing') state().setStatus('paused');
      post({ type: 'pause', runId: runId() });
    },
    togglePlay() {
      if (state().status === 'playing') controller.pause();
      else controller.play();
    },
    step() {
      const s = state();
      if (s.phase === 'error' || s.status === 'done') return;
      // A changed scenario waiting for its debounce: run it now, so the step is the new run's.
      if (pending !== null) load(false);
      state().setStatus('paused');
      post({ type: 'step', runId: runId(), count: 1 });
    },
    reset() {
      if (pending !== null || state().phase === 'error') {
        load(false);
        return;
      }
      sink.clear();
      const generation = state().beginRun();
      state().setStatus('paused');
      post({ type: 'reset', runId: runId(), generation });
      startWatchdog();
    },
    setSpeed(speed) {
      state().setSpeed(speed);
      post({ type: 'speed', runId: runId(), stepsPerSecond: speed });
    },
    setParam(key, value) {
      controller.setScenario({ ...state().scenario, [key]: value });
    },
    setScenario(scenario) {
      const next = validScenario(scenario);
      if (encodeScenario(next) === encodeScenario(state().scenario)) return;
      state().setScenario(next, adjustmentOf(scenario, next));
      scheduleLoad();
    },
    restart() {
      broken = true;
      load(playAfterRestart);
    },
    crashWorker(mode = 'throw') {
      post({ type: 'crash', runId: runId(), mode });
    },
    dispose() {
      if (pending !== null) timers.clearTimeout(pending);
      pending = null;
      stopWatchdog();
      workerPlaying = false;
      watchStall();
      connection++;
      sink.dispose();
      client?.terminate();
      client = null;
    },
  };
  return controller;
}
