/**
 * One run's session (one per `runId`: the primary run, and B in compare mode): loads its scenario
 * as a new generation, debounces a changed scenario, times the worker's `ready`, and takes the
 * messages of its own run into the store through the frame sink. The worker, its failures and
 * stalls are the client supervisor's; the user's intents are the controller's.
 */

import type { Scenario } from '../scenario';
import { PROTOCOL_VERSION, type PlayRequest, type SimResponse } from '../worker/protocol';
import type { Timers } from '../shared/clock';
import type { ClientSupervisor } from './clientSupervisor';
import type { FrameSink } from './frameSink';
import type { AppStore } from './store';

export interface RunSessionOptions {
  store: AppStore;
  supervisor: ClientSupervisor;
  sink: FrameSink;
  timers: Timers;
  debounceMs: number;
  readyTimeoutMs: number;
  /** The scenario this run shows (the primary one, or B). */
  scenario(): Scenario | null;
  /** Runs shown together play as one group in the worker, so neither gets ahead. */
  group(): string | undefined;
  /** The run paused itself at a moment asked for (the others shown stop too). */
  onSelfPause?: () => void;
  /** Called with the scenario as its run starts. */
  onCommit?: (scenario: Scenario) => void;
}

export interface RunSession {
  readonly id: string;
  /** Loads the scenario as a new generation: computed to `atStep`, then playing if asked. */
  load(play: boolean, atStep?: number): void;
  /** A changed scenario: the old run stops now, the new one loads after the debounce. */
  scheduleLoad(playing: boolean): void;
  /** Whether a changed scenario waits for its debounce. */
  readonly pending: boolean;
  /** A play asked for while the load waits: play as soon as it is loaded (or not). */
  setPlayWhenLoaded(play: boolean, pauseOn?: number): void;
  play(pauseOn: number): void;
  pause(): void;
  step(count: number): void;
  reset(): void;
  speed(): void;
  handle(message: SimResponse): void;
  /** The worker failed: forget the load, stop timing it. */
  stop(): void;
  dispose(): void;
}

export function createRunSession(id: string, o: RunSessionOptions): RunSession {
  const { store, supervisor, sink, timers } = o;
  const state = () => store.getState();
  let pending: unknown = null;
  /** Fails the run if the worker has not answered a load or reset with `ready` in time. */
  let watchdog: unknown = null;
  /** Whether the run being loaded should play as soon as it is ready. */
  let playWhenLoaded = false;
  /** The event mask of the last play asked for, kept for a play that waits for a load. */
  let playMask = 0;

  function stopWatchdog(): void {
    if (watchdog !== null) timers.clearTimeout(watchdog);
    watchdog = null;
  }

  function startWatchdog(): void {
    stopWatchdog();
    watchdog = timers.setTimeout(() => {
      watchdog = null;
      const seconds = Math.round(o.readyTimeoutMs / 1000);
      supervisor.fail(
        `The simulation did not start: the worker has not answered for ${seconds} s.`,
      );
    }, o.readyTimeoutMs);
  }

  function clearPending(): void {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
  }

  const post = supervisor.post;
  function playRequest(pauseOn: number): PlayRequest {
    const group = o.group();
    return group === undefined
      ? { type: 'play', runId: id, pauseOn }
      : { type: 'play', runId: id, pauseOn, group };
  }
  const session: RunSession = {
    id,
    load(play, atStep = 0) {
      const scenario = o.scenario();
      if (!scenario) return;
      supervisor.ensure();
      clearPending();
      sink.clear(id);
      const generation = state().beginRun(id);
      post({ type: 'load', runId: id, generation, scenario });
      startWatchdog();
      post({ type: 'speed', runId: id, stepsPerSecond: state().speed });
      state().setStatus(play ? 'playing' : 'paused');
      if (atStep > 0) post({ type: 'step', runId: id, count: atStep });
      if (play) post(playRequest(playMask));
      o.onCommit?.(scenario);
    },
    scheduleLoad(playing) {
      if (pending === null) {
        // Stop the old run now: its frames are of no more use and must not be drawn.
        // A finished run is not playing: the next one is set up paused at step 0.
        playWhenLoaded = playing;
        stopWatchdog(); // its `ready` no longer counts; the debounced load starts the clock again
        sink.clear(id);
        state().beginRun(id);
        post({ type: 'pause', runId: id });
      } else timers.clearTimeout(pending);
      pending = timers.setTimeout(() => session.load(playWhenLoaded), o.debounceMs);
    },
    get pending() {
      return pending !== null;
    },
    setPlayWhenLoaded(play, pauseOn) {
      playWhenLoaded = play;
      if (pauseOn !== undefined) playMask = pauseOn;
    },
    play(pauseOn) {
      playMask = pauseOn;
      post(playRequest(pauseOn));
    },
    pause() {
      post({ type: 'pause', runId: id });
    },
    step(count) {
      if (count > 0) post({ type: 'step', runId: id, count });
    },
    reset() {
      sink.clear(id);
      const generation = state().beginRun(id);
      post({ type: 'reset', runId: id, generation });
      startWatchdog();
    },
    speed() {
      post({ type: 'speed', runId: id, stepsPerSecond: state().speed });
    },
    handle(message) {
      const run = state().runs[id];
      if (!run) return;
      if (message.type === 'error') {
        if (message.generation === run.generation || message.generation === -1) {
          supervisor.fail(message.message);
        }
        return;
      }
      if (message.generation !== run.generation || run.phase === 'error') return;
      if (message.type === 'done') supervisor.stopped(id);
      if (message.type === 'ready') {
        stopWatchdog();
        if (message.protocol !== PROTOCOL_VERSION) {
          supervisor.fail(
            `The simulation worker is out of date (protocol ${message.protocol}, page ${PROTOCOL_VERSION}): reload the page.`,
          );
          return;
        }
        sink.clear(id);
        state().runReady(message.generation, message.info, message.opening, id);
        supervisor.watch();
      } else if (message.type === 'frames' || message.type === 'done') sink.push(message);
      else if (
        message.type === 'paused' &&
        message.events !== undefined &&
        supervisor.isPlaying(id)
      ) {
        // The run stopped itself at a moment it was asked to stop at.
        supervisor.stopped(id);
        if (state().status === 'playing') state().setStatus('paused');
        o.onSelfPause?.();
      }
      // Otherwise `paused` and `heartbeat` only say the worker is alive (and where it stopped).
    },
    stop() {
      stopWatchdog();
      sink.clear(id);
    },
    dispose() {
      clearPending();
      stopWatchdog();
      sink.clear(id);
    },
  };
  return session;
}
