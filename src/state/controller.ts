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
 *
 * Runs are plural: one worker (clientSupervisor.ts) holds one run session (runSession.ts) per
 * run id — the primary run, and B in compare mode. This object is the intent API: play, pause,
 * step, reset and speed act on every run shown, in lockstep (the worker plays them as one group,
 * and the store draws them to the same step, so the slower one holds the other).
 */

import {
  decodeScenario,
  encodeScenario,
  rebaseCompare,
  type ParamKey,
  type Scenario,
} from '../scenario';
import { createSimClient, type SimClient, type SimClientEvents } from '../worker/client';
import type { Speed } from '../worker/protocol';
import { realClock as realTimers, type Timers } from '../shared/clock';
import { animationFrameScheduler, type FrameScheduler } from '../shared/frameScheduler';
import { createClientSupervisor } from './clientSupervisor';
import { createFrameSink } from './frameSink';
import { createRunSession, type RunSession } from './runSession';
import { COMPARE_RUN, PRIMARY_RUN, lockstepCount } from './slices';
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
  /**
   * Creates the client and loads the store's scenario (and B's, in compare mode), computed up to
   * `atStep` (a link's `t`).
   */
  start(atStep?: number): void;
  /** Plays; with `pauseOn` (event flags) the run pauses by itself after the first matching step. */
  play(pauseOn?: number): void;
  pause(): void;
  togglePlay(): void;
  step(): void;
  reset(): void;
  setSpeed(speed: Speed): void;
  setParam<K extends ParamKey>(key: K, value: Scenario[K]): void;
  /** Replaces the whole scenario (validated) and runs it after the debounce. */
  setScenario(scenario: Scenario): void;
  /**
   * Compare mode: shows scenario B (validated) beside the primary one, same seed, in lockstep,
   * computed to the step the primary run is at; null ends compare mode.
   */
  setCompare(scenario: Scenario | null): void;
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
  const dropped = (asked.changes?.length ?? 0) - (valid.changes?.length ?? 0);
  // A scripted change past the end of a shortened run is dropped (changes.ts).
  const changes = dropped > 0 ? ` ${dropped} scripted change(s) after it dropped.` : '';
  if (valid.shockStep === asked.shockStep)
    return changes ? `The run is ${valid.steps} minutes:${changes}` : null;
  return `The shock moved from minute ${asked.shockStep} to minute ${valid.shockStep} to fit the ${valid.steps}-minute run.${changes}`;
}

export function createController(store: AppStore, options: ControllerOptions = {}): Controller {
  const timers = options.timers ?? realTimers;
  const sink = createFrameSink(store, options.scheduler ?? animationFrameScheduler());
  const state = () => store.getState();
  /** Whether a run was playing when it failed, so Restart plays again. */
  let playAfterRestart = false;
  const sessions = new Map<string, RunSession>();

  const supervisor = createClientSupervisor({
    createClient: options.createClient ?? createSimClient,
    timers,
    stallTimeoutMs: options.stallTimeoutMs ?? STALL_TIMEOUT_MS,
    allReady: () => shown().every((r) => state().runs[r.id]?.phase === 'ready'),
    onMessage(message) {
      // A message the worker could not place ('') is the primary run's.
      const session = sessions.get(message.runId === '' ? PRIMARY_RUN : message.runId);
      session?.handle(message);
    },
    onFail(message, first) {
      if (first) playAfterRestart = state().status === 'playing';
      for (const session of sessions.values()) session.stop();
      sink.clear();
      for (const session of sessions.values()) state().runFailed(message, session.id);
    },
  });

  function session(id: string, scenario: () => Scenario | null, onCommit?: (s: Scenario) => void) {
    return createRunSession(id, {
      store,
      supervisor,
      sink,
      timers,
      debounceMs: options.debounceMs ?? 200,
      readyTimeoutMs: options.readyTimeoutMs ?? READY_TIMEOUT_MS,
      scenario,
      // Runs shown together advance as one group: the worker never lets one get ahead.
      group: () => (sessions.size > 1 ? 'shown' : undefined),
      onSelfPause: () => shown().forEach((r) => r.pause()),
      onCommit,
    });
  }
  const primary = session(PRIMARY_RUN, () => state().scenario, options.onCommit);
  sessions.set(PRIMARY_RUN, primary);

  /** The runs on screen: the primary one, and B in compare mode. */
  const shown = (): RunSession[] => [...sessions.values()];
  /**
   * The moments a run stops at: the primary run's (a tour's stops are its moments); the others
   * follow it in lockstep and stop with it, never at a moment of their own first.
   */
  const stopsOf = (r: RunSession, pauseOn: number) => (r === primary ? pauseOn : 0);
  const failed = () => shown().some((r) => state().runs[r.id]?.phase === 'error');
  const anyPending = () => shown().some((r) => r.pending);

  function loadAll(play: boolean, atStep = 0): void {
    for (const r of shown()) r.load(play, atStep);
    state().setStatus(play ? 'playing' : 'paused');
  }

  const controller: Controller = {
    start(atStep = 0) {
      // A compare link: B's scenario is in the store already; it opens beside A.
      if (state().compare && !sessions.has(COMPARE_RUN)) {
        sessions.set(
          COMPARE_RUN,
          session(COMPARE_RUN, () => state().compare),
        );
      }
      loadAll(false, atStep);
    },
    play(pauseOn = 0) {
      const s = state();
      if (failed()) return;
      if (s.status === 'done') {
        controller.reset();
        state().setStatus('playing');
        for (const r of shown()) r.play(stopsOf(r, pauseOn));
        return;
      }
      s.setStatus('playing');
      for (const r of shown()) {
        if (r.pending) r.setPlayWhenLoaded(true, stopsOf(r, pauseOn));
        else r.play(stopsOf(r, pauseOn));
      }
    },
    pause() {
      for (const r of shown()) if (r.pending) r.setPlayWhenLoaded(false);
      if (state().status === 'playing') state().setStatus('paused');
      for (const r of shown()) r.pause();
    },
    togglePlay() {
      if (state().status === 'playing') controller.pause();
      else controller.play();
    },
    step() {
      const s = state();
      if (failed() || s.status === 'done') return;
      // A changed scenario waiting for its debounce: run it now, so the step is the new run's.
      for (const r of shown()) if (r.pending) r.load(false);
      state().setStatus('paused');
      if (sessions.size === 1) {
        primary.step(1);
        return;
      }
      // Lockstep: every run to one step past the step they all have (a run ahead waits).
      sink.flush();
      const target = lockstepCount(state()) + 1;
      for (const r of shown()) r.step(target - (state().runs[r.id]?.frames?.count ?? 0));
    },
    reset() {
      if (anyPending() || failed()) {
        loadAll(false);
        return;
      }
      state().setStatus('paused');
      for (const r of shown()) r.reset();
    },
    setSpeed(speed) {
      state().setSpeed(speed);
      for (const r of shown()) r.speed();
    },
    setParam(key, value) {
      controller.setScenario({ ...state().scenario, [key]: value });
    },
    setScenario(scenario) {
      const next = validScenario(scenario);
      const before = state().scenario;
      if (encodeScenario(next) === encodeScenario(before)) return;
      state().setScenario(next, adjustmentOf(scenario, next));
      // B is "A, with …": it follows A in everything it did not set apart.
      const b = state().compare;
      if (b) state().setCompare(validScenario(rebaseCompare(before, next, b)));
      const playing = state().status === 'playing';
      // Runs shown together restart together, so they stay at the same step.
      for (const r of shown()) r.scheduleLoad(playing);
    },
    setCompare(scenario) {
      const b = sessions.get(COMPARE_RUN);
      if (scenario === null) {
        if (!b) return;
        b.dispose();
        supervisor.post({ type: 'dispose', runId: COMPARE_RUN });
        sessions.delete(COMPARE_RUN);
        state().setCompare(null);
        state().dropRun(COMPARE_RUN);
        return;
      }
      const next = validScenario(scenario);
      const before = state().compare;
      if (before && encodeScenario(next) === encodeScenario(before)) return;
      state().setCompare(next);
      const playing = state().status === 'playing';
      if (b) {
        b.scheduleLoad(playing);
        return;
      }
      const session_ = session(COMPARE_RUN, () => state().compare);
      sessions.set(COMPARE_RUN, session_);
      // B starts at the step the primary run is at, so both show the same minute.
      sink.flush();
      const at = state().frames?.count ?? 0;
      session_.load(false, at);
      if (playing) controller.play();
    },
    restart() {
      supervisor.markBroken();
      loadAll(playAfterRestart);
    },
    crashWorker(mode = 'throw') {
      supervisor.post({ type: 'crash', runId: PRIMARY_RUN, mode });
    },
    dispose() {
      for (const r of shown()) r.dispose();
      sink.dispose();
      supervisor.dispose();
    },
  };
  return controller;
}
