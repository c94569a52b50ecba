/**
 * Guided tours at run time: which stage is open (the teaching view's `tour` and `stage`), which
 * of its moments the run has reached, and the intents the tour panel offers — open a stage,
 * continue to the next moment, end the tour. The tours themselves are data (scenario/tours.ts).
 */

import { selectIsStale } from './selectors';
import { EVENT, type EventName, type FrameBatch } from '../engine/frame';
import {
  defaultScenario,
  encodeScenario,
  type ParamKey,
  type Scenario,
  type View,
} from '../scenario';
import { findPreset } from '../scenario/presets';
import { findTour, momentMask, stageScenario, type Tour, type TourStage } from '../scenario/tours';
import type { Controller } from './controller';
import type { AppState, AppStore } from './store';

export interface OpenStage {
  tour: Tour;
  /** 1-based, as in the link. */
  number: number;
  stage: TourStage;
}

/** The stage the teaching view has open, or null outside a tour. */
export function openStageOf(teach: Omit<View, 't'>): OpenStage | null {
  const tour = teach.tour === undefined ? undefined : findTour(teach.tour);
  if (!tour) return null;
  const number = Math.min(tour.stages.length, Math.max(1, teach.stage ?? 1));
  return { tour, number, stage: tour.stages[number - 1] };
}

/** The controls shown: the tour stage's, else the link's `show`, else all (null). */
export function shownControls(teach: Omit<View, 't'>): ReadonlySet<ParamKey> | null {
  const open = openStageOf(teach);
  const show = open ? open.stage.show : (teach.show ?? 'all');
  return show === 'all' ? null : new Set(show);
}

/** The step at which each moment first shows in the frames so far (-1: not yet). */
export function momentSteps(frames: FrameBatch | null, moments: readonly EventName[]): number[] {
  const events = frames?.scalars.events;
  const count = frames?.count ?? 0;
  return moments.map((m) => {
    if (!events) return -1;
    for (let i = 0; i < count; i++) if ((events[i] & EVENT[m]) !== 0) return frames.start + i;
    return -1;
  });
}

/** The event mask of the stage's moments the run has not reached yet (0: none left). */
export function pendingMask(frames: FrameBatch | null, stage: TourStage): number {
  const reached = momentSteps(frames, stage.moments);
  return momentMask(stage.moments.filter((_, i) => reached[i] < 0));
}

const same = (a: Scenario, b: Scenario) => encodeScenario(a) === encodeScenario(b);

/**
 * The scenario a page opened with a tour link runs: the link's if it names one, else the
 * stage's (a bare `?tour=anatomy` opens the tour's own market).
 */
export function tourScenario(scenario: Scenario, view: View): Scenario {
  const open = openStageOf(view);
  return open && same(scenario, defaultScenario()) ? stageScenario(open.stage) : scenario;
}

/** The market a stage runs beside its own in compare mode (its `compareWith`), or null. */
export function stageBaseline(stage: TourStage): Scenario | null {
  return (stage.compareWith && findPreset(stage.compareWith)?.scenario) || null;
}

/** What a tour link opens in compare mode: the link's B if it names one, else the stage's baseline. */
export function tourCompare(view: View, compare: Scenario | null): Scenario | null {
  const open = openStageOf(view);
  return compare ?? (open ? stageBaseline(open.stage) : null);
}

/** The teaching view a tour link opens with: its stage's map unless the link names one. */
export function tourTeach<T extends Omit<View, 't'>>(teach: T): T {
  const map = openStageOf(teach)?.stage.map;
  return map && teach.map === undefined ? { ...teach, map } : teach;
}

/**
 * Opens stage `number` (1-based) of a tour. Its scenario is loaded when it differs from the
 * stage before's (so a change the student made carries on within one market), and when the
 * tour starts; a stage whose moment the run has already passed shows that minute.
 */
export function openStage(
  store: AppStore,
  controller: Controller,
  tourName: string,
  number: number,
): void {
  const s = store.getState();
  const before = openStageOf(s.teach);
  const tour = findTour(tourName);
  if (!tour) return;
  const next = Math.min(tour.stages.length, Math.max(1, number));
  const stage = tour.stages[next - 1];
  // The stage says which map the heatmap shows; a student's switch holds until the next stage.
  const teach = { ...s.teach };
  delete teach.map;
  store
    .getState()
    .setTeach({ ...teach, tour: tour.name, stage: next, ...(stage.map ? { map: stage.map } : {}) });
  const wanted = stageScenario(stage);
  const starting = before?.tour.name !== tour.name;
  if (starting || !same(stageScenario(before.stage), wanted)) {
    if (same(s.scenario, wanted)) controller.reset();
    else controller.setScenario(wanted);
    // A stage that changes one thing of a market runs beside it, in compare mode (after A is
    // set, so B is the baseline itself, not A's change carried over to it).
    controller.setCompare(stageBaseline(stage));
    return;
  }
  const reached = momentSteps(s.frames, stage.moments).find((step) => step >= 0);
  if (reached !== undefined) store.getState().setViewStep(reached);
}

/** Plays on to the stage's next moment, or to the end when none is left. */
export function continueTour(state: AppState, controller: Controller): void {
  const open = openStageOf(state.teach);
  state.setViewStep(null);
  // While a new run is set up the frames are the old run's: none of its moments count yet.
  const frames = selectIsStale(state) ? null : state.frames;
  controller.play(open ? pendingMask(frames, open.stage) : 0);
}

/** Leaves the tour: every control again, the run as it is. */
export function endTour(store: AppStore): void {
  const rest = { ...store.getState().teach };
  delete rest.tour;
  delete rest.stage;
  store.getState().setTeach(rest);
}
