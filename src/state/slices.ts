/**
 * The store's slices (zustand's slices pattern): each owns its part of the state and the setters
 * that keep it consistent. Setters are plain state changes; side effects (the worker, the URL,
 * timers) live in the controller.
 */

import type { StateCreator } from 'zustand/vanilla';
import type { FrameBatch, RunInfo } from '../engine/frame';
import type { RunReport } from '../engine/report';
import { defaultScenario, type Scenario, type View } from '../scenario';
import { DEFAULT_SPEED, type Speed } from '../worker/protocol';
import { appendBatch, createHistory } from './history';

/** A message about the link the page was opened with, shown as text, dismissible. */
export type LinkNotice =
  | {
      kind: 'corrections';
      /** Where the values came from (default: the link the page was opened with). */
      source?: NoticeSource;
      messages: string[];
    }
  | { kind: 'link-error'; source?: NoticeSource; message: string };

/** What a notice is about: the link, a file that was opened, or a scenario the browser kept. */
export type NoticeSource = 'link' | 'file' | 'saved';

export interface ScenarioSlice {
  /** What the controls show (valid); the run follows it after a short debounce. */
  scenario: Scenario;
  notice: LinkNotice | null;
  /** What validation changed in the user's last edit, said beside the controls (or null). */
  adjustment: string | null;
  setScenario(scenario: Scenario, adjustment?: string | null): void;
  setNotice(notice: LinkNotice | null): void;
}

/** What the user asked for: playing, paused, or the run is over. */
export type PlaybackStatus = 'paused' | 'playing' | 'done';

export interface PlaybackSlice {
  status: PlaybackStatus;
  speed: Speed;
  setStatus(status: PlaybackStatus): void;
  setSpeed(speed: Speed): void;
}

/** Where the run is: being set up, running (or runnable), or failed. */
export type RunPhase = 'loading' | 'ready' | 'error';

export interface RunSlice {
  runId: string;
  /** Generation of the current run; messages of any other are dropped. */
  generation: number;
  phase: RunPhase;
  /**
   * Generation of the run that `info` and `frames` belong to (-1: none yet). While it is not
   * `generation` — a new run is being set up, or its set-up failed — they are an older run's.
   */
  readyGeneration: number;
  info: RunInfo | null;
  /** Every frame of the current run so far (bounded: one row per step of the run). */
  frames: FrameBatch | null;
  /** The run's state before step 0 (one row, not a step): what the charts show before Play. */
  opening: FrameBatch | null;
  /** Bumped whenever `frames` changes in place, so subscribers can tell. */
  framesVersion: number;
  report: RunReport | null;
  error: string | null;
  /**
   * Starts a new generation. The old run's frames stay (the charts show them, dimmed) until the
   * new run is ready; its report goes at once, so no figure shows it as the new run's.
   */
  beginRun(): number;
  runReady(generation: number, info: RunInfo, opening?: FrameBatch | null): void;
  /** Appends batches of the current generation, in one state change. */
  applyFrames(
    generation: number,
    batches: readonly FrameBatch[],
    report: RunReport | null,
    done: boolean,
  ): void;
  runFailed(message: string): void;
}

/**
 * Which minute the charts and figures show. `null` is live: they follow the newest frame. A
 * number is a step of the history (the scrubber, the event log); nothing is recomputed, the
 * history already holds every row up to the newest.
 */
export interface ViewSlice {
  viewStep: number | null;
  /** Shows step `step` (clamped to the frames so far), or live with null or the newest step. */
  setViewStep(step: number | null): void;
  /** The minute under the pointer (or the last tap) on the price chart, or null. */
  hoverStep: number | null;
  setHoverStep(step: number | null): void;
}

/**
 * The teaching view keys in force (shown and locked controls, tour and stage, embed, autoplay):
 * the app writes them into every link it makes. Presentation mode (a link's `present=1`: large
 * type, a light theme, the controls hidden) is kept apart: a toggle in the header sets it.
 */
export interface TeachSlice {
  teach: Omit<View, 't' | 'preset' | 'present'>;
  setTeach(teach: Omit<View, 't' | 'preset' | 'present'>): void;
  present: boolean;
  setPresent(present: boolean): void;
}

export type AppState = ScenarioSlice & PlaybackSlice & RunSlice & ViewSlice & TeachSlice;

type Slice<T> = StateCreator<AppState, [], [], T>;

export const createScenarioSlice =
  (scenario: Scenario = defaultScenario()): Slice<ScenarioSlice> =>
  (set) => ({
    scenario,
    notice: null,
    adjustment: null,
    setScenario: (next, adjustment = null) => set({ scenario: next, adjustment }),
    setNotice: (notice) => set({ notice }),
  });

export const createPlaybackSlice: Slice<PlaybackSlice> = (set) => ({
  status: 'paused',
  speed: DEFAULT_SPEED,
  setStatus: (status) => set({ status }),
  setSpeed: (speed) => set({ speed }),
});

export const createViewSlice: Slice<ViewSlice> = (set, get) => ({
  viewStep: null,
  setViewStep(step) {
    const count = get().frames?.count ?? 0;
    // The newest step is what live shows: scrubbing to the end follows the run again.
    const viewStep =
      step === null || count === 0 || step >= count - 1 ? null : Math.max(0, Math.floor(step));
    if (viewStep !== get().viewStep) set({ viewStep });
  },
  hoverStep: null,
  setHoverStep(step) {
    if (step !== get().hoverStep) set({ hoverStep: step });
  },
});

export const createTeachSlice: Slice<TeachSlice> = (set) => ({
  teach: {},
  setTeach: (teach) => set({ teach }),
  present: false,
  setPresent: (present) => set({ present }),
});

export const createRunSlice: Slice<RunSlice> = (set, get) => ({
  runId: 'main',
  generation: 0,
  phase: 'loading',
  readyGeneration: -1,
  info: null,
  frames: null,
  opening: null,
  framesVersion: 0,
  report: null,
  error: null,
  beginRun() {
    const generation = get().generation + 1;
    // A new run has other minutes: the view follows it live.
    set({
      generation,
      phase: 'loading',
      error: null,
      report: null,
      viewStep: null,
      hoverStep: null,
    });
    return generation;
  },
  runReady(generation, info, opening = null) {
    if (generation !== get().generation) return;
    set((s) => ({
      phase: 'ready',
      readyGeneration: generation,
      info,
      frames: createHistory(info),
      opening,
      framesVersion: s.framesVersion + 1,
      report: null,
    }));
  },
  applyFrames(generation, batches, report, done) {
    const s = get();
    if (generation !== s.generation || !s.frames) return;
    let added = 0;
    for (const batch of batches) added += appendBatch(s.frames, batch);
    const next: Partial<AppState> = {};
    if (added > 0) next.framesVersion = s.framesVersion + 1;
    if (report) next.report = report;
    if (done) next.status = 'done';
    if (Object.keys(next).length > 0) set(next);
  },
  runFailed(message) {
    set({ phase: 'error', error: message, status: 'paused' });
  },
});
