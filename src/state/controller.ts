/**
 * The controller: the store's side effects. It owns the simulation client, turns the user's
 * intents (play, step, a slider moved) into protocol messages, and feeds the client's answers
 * back into the store through the frame sink.
 *
 * A scenario change takes effect at once in the store (the controls show it) and starts a new
 * generation, so nothing more of the old run is drawn; the new run is loaded after a short
 * debounce, so dragging a slider does not rebuild the population on every pixel.
 */

import { decodeScenario, encodeScenario, type Scenario } from '../scenario';
import { createSimClient, type SimClient, type SimClientEvents } from '../worker/client';
import {
  PROTOCOL_VERSION,
  type SimRequest,
  type SimResponse,
  type Speed,
} from '../worker/protocol';
import { animationFrameScheduler, type FrameScheduler } from '../charts/rafScheduler';
import { createFrameSink } from './frameSink';
import type { AppStore } from './store';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ControllerOptions {
  createClient?: (events: SimClientEvents) => SimClient;
  scheduler?: FrameScheduler;
  timers?: Timers;
  /** Delay before a changed scenario is run (ms). */
  debounceMs?: number;
  /** Called with each scenario as its run starts (the URL follows it). */
  onCommit?: (scenario: Scenario) => void;
}

export interface Controller {
  /** Creates the client and loads the store's scenario. */
  start(): void;
  play(): void;
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
  /** Makes the worker throw, to test the error path (see protocol's CrashRequest). */
  crashWorker(): void;
  dispose(): void;
}

/** The scenario after the codec's validation: clamped, rounded, consistent. */
export function validScenario(candidate: Scenario): Scenario {
  const decoded = decodeScenario(encodeScenario(candidate));
  return decoded.ok ? decoded.scenario : candidate;
}

const realTimers: Timers = {
  setTimeout: (cb, ms) => setTimeout(cb, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createController(store: AppStore, options: ControllerOptions = {}): Controller {
  const createClient = options.createClient ?? createSimClient;
  const timers = options.timers ?? realTimers;
  const debounceMs = options.debounceMs ?? 200;
  const sink = createFrameSink(store, options.scheduler ?? animationFrameScheduler());
  let client: SimClient | null = null;
  let pending: unknown = null;
  /** Whether the run being loaded should play as soon as it is ready. */
  let playWhenLoaded = false;
  /** Whether a run was playing when it failed, so Restart plays again. */
  let playAfterRestart = false;
  /** A run failed: the next load starts a fresh client (the worker may be dead). */
  let broken = false;

  const state = () => store.getState();
  const runId = () => state().runId;

  function post(message: SimRequest): void {
    client?.post(message);
  }

  function fail(message: string): void {
    if (!broken) playAfterRestart = state().status === 'playing';
    broken = true;
    sink.clear();
    state().runFailed(message);
  }

  function onMessage(message: SimResponse): void {
    const s = state();
    if (message.runId !== s.runId && message.runId !== '') return;
    if (message.type === 'error') {
      if (message.generation === s.generation || message.generation === -1) fail(message.message);
      return;
    }
    if (message.generation !== s.generation || s.phase === 'error') return;
    if (message.type === 'ready') {
      if (message.protocol !== PROTOCOL_VERSION) {
        fail(
          `The simulation worker is out of date (protocol ${message.protocol}, page ${PROTOCOL_VERSION}): reload the page.`,
        );
        return;
      }
      sink.clear();
      s.runReady(message.generation, message.info);
    } else sink.push(message);
  }

  function connect(): void {
    client = createClient({ onMessage, onError: fail });
  }

  /** Loads the store's scenario as a new generation, playing it if asked. */
  function load(play: boolean): void {
    if (broken) {
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
    post({ type: 'speed', runId: runId(), stepsPerSecond: state().speed });
    state().setStatus(play ? 'playing' : 'paused');
    if (play) post({ type: 'play', runId: runId() });
    options.onCommit?.(scenario);
  }

  function scheduleLoad(): void {
    const s = state();
    if (pending === null) {
      // Stop the old run now: its frames are of no more use and must not be drawn.
      playWhenLoaded = s.status !== 'paused';
      sink.clear();
      s.beginRun();
      post({ type: 'pause', runId: runId() });
    } else timers.clearTimeout(pending);
    pending = timers.setTimeout(() => load(playWhenLoaded), debounceMs);
  }

  const controller: Controller = {
    start() {
      if (!client) connect();
      load(false);
    },
    play() {
      const s = state();
      if (s.phase === 'error') return;
      if (s.status === 'done') {
        controller.reset();
        state().setStatus('playing');
        post({ type: 'play', runId: runId() });
        return;
      }
      if (pending !== null) {
        playWhenLoaded = true;
        s.setStatus('playing');
        return;
      }
      s.setStatus('playing');
      post({ type: 'play', runId: runId() });
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
      if (s.phase === 'error' || s.status === 'done' || pending !== null) return;
      s.setStatus('paused');
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
      state().setScenario(next);
      scheduleLoad();
    },
    restart() {
      broken = true;
      load(playAfterRestart);
    },
    crashWorker() {
      post({ type: 'crash', runId: runId() });
    },
    dispose() {
      if (pending !== null) timers.clearTimeout(pending);
      pending = null;
      sink.dispose();
      client?.terminate();
      client = null;
    },
  };
  return controller;
}
