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

/** The primary run (what one scenario shows), and compare mode's second run, B. */
export const PRIMARY_RUN = 'main';
export const COMPARE_RUN = 'b';

/** One run's state; the store holds one per run id (`runs`). */
export interface RunState {
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
}

export const emptyRun = (): RunState => ({
  generation: 0,
  phase: 'loading',
  readyGeneration: -1,
  info: null,
  frames: null,
  opening: null,
  framesVersion: 0,
  report: null,
  error: null,
});

/**
 * Runs by id. The primary run's state is also spread at the top level (`frames`, `info`, …), the
 * same objects, so single-run views read it unchanged; compare views read `runs[id]`.
 */
export interface RunSlice extends RunState {
  runId: string;
  runs: Record<string, RunState>;
  /**
   * Starts a new generation. The old run's frames stay (the charts show them, dimmed) until the
   * new run is ready; its report goes at once, so no figure shows it as the new run's.
   */
  beginRun(runId?: string): number;
  runReady(generation: number, info: RunInfo, opening?: FrameBatch | null, runId?: string): void;
  /** Appends batches of the current generation, in one state change. */
  applyFrames(
    generation: number,
    batches: readonly FrameBatch[],
    report: RunReport | null,
    done: boolean,
    runId?: string,
  ): void;
  runFailed(message: string, runId?: string): void;
  /** Forgets a run other than the primary one (compare mode ended). */
  dropRun(runId: string): void;
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

/**
 * Compare mode: scenario B beside the primary one (A), run on the same seed in lockstep, or null.
 * B has its own run (`runs[COMPARE_RUN]`); the controller loads it.
 */
export interface CompareSlice {
  compare: Scenario | null;
  setCompare(scenario: Scenario | null): void;
}

export type AppState = ScenarioSlice &
  PlaybackSlice &
  RunSlice &
  ViewSlice &
  TeachSlice &
  CompareSlice;

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
    const count = lockstepCount(get());
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

export const createCompareSlice: Slice<CompareSlice> = (set) => ({
  compare: null,
  setCompare: (compare) => set({ compare }),
});

export const createTeachSlice: Slice<TeachSlice> = (set) => ({
  teach: {},
  setTeach: (teach) => set({ teach }),
  present: false,
  setPresent: (present) => set({ present }),
});

/** The state change that sets run `id` to `next` (and the top level, for the primary run). */
function putRun(s: AppState, id: string, next: RunState): Partial<AppState> {
  const runs = { ...s.runs, [id]: next };
  return id === PRIMARY_RUN ? { ...next, runs } : { runs };
}

export const createRunSlice: Slice<RunSlice> = (set, get) => ({
  runId: PRIMARY_RUN,
  ...emptyRun(),
  runs: { [PRIMARY_RUN]: emptyRun() },
  beginRun(id = PRIMARY_RUN) {
    const s = get();
    const run = s.runs[id] ?? emptyRun();
    const generation = run.generation + 1;
    const next = { ...run, generation, phase: 'loading' as const, error: null, report: null };
    // A new run has other minutes: the view follows it live.
    set({ ...putRun(s, id, next), viewStep: null, hoverStep: null });
    return generation;
  },
  runReady(generation, info, opening = null, id = PRIMARY_RUN) {
    const s = get();
    const run = s.runs[id];
    if (!run || generation !== run.generation) return;
    set(
      putRun(s, id, {
        ...run,
        phase: 'ready',
        readyGeneration: generation,
        info,
        frames: createHistory(info),
        opening,
        framesVersion: run.framesVersion + 1,
        report: null,
      }),
    );
  },
  applyFrames(generation, batches, report, done, id = PRIMARY_RUN) {
    const s = get();
    const run = s.runs[id];
    if (!run || generation !== run.generation || !run.frames) return;
    let added = 0;
    for (const batch of batches) added += appendBatch(run.frames, batch);
    let next: Partial<AppState> = {};
    if (added > 0 || report) {
      next = putRun(s, id, {
        ...run,
        framesVersion: added > 0 ? run.framesVersion + 1 : run.framesVersion,
        report: report ?? run.report,
      });
    }
    // Runs shown together end together: done once every one of them has its last step.
    if (done && everyRunDone(s.runs, id)) next.status = 'done';
    if (Object.keys(next).length > 0) set(next);
  },
  runFailed(message, id = PRIMARY_RUN) {
    const s = get();
    const run = s.runs[id] ?? emptyRun();
    set({ ...putRun(s, id, { ...run, phase: 'error', error: message }), status: 'paused' });
  },
  dropRun(id) {
    if (id === PRIMARY_RUN) return;
    const runs = { ...get().runs };
    delete runs[id];
    set({ runs });
  },
});

/** Whether every run but `id` (which just finished) has all its steps. */
function everyRunDone(runs: Record<string, RunState>, id: string): boolean {
  return Object.entries(runs).every(
    ([other, run]) =>
      other === id || (run.frames !== null && run.frames.count >= run.frames.capacity),
  );
}

/**
 * Steps every run shown has: runs shown together are drawn to the same step, so the one ahead
 * waits for the slower (only the primary run without compare mode).
 */
export function lockstepCount(s: Pick<AppState, 'runs' | 'frames'>): number {
  let count = s.frames?.count ?? 0;
  for (const id in s.runs)
    if (id !== PRIMARY_RUN) count = Math.min(count, s.runs[id].frames?.count ?? 0);
  return count;
}
