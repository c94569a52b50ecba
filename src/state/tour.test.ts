import { describe, expect, it } from 'vitest';
import { EVENT, createFrameBatch } from '../engine/frame';
import { defaultScenario, type Scenario } from '../scenario';
import { findPreset } from '../scenario/presets';
import { findTour, stageScenario } from '../scenario/tours';
import type { Controller } from './controller';
import { createAppStore } from './store';
import {
  continueTour,
  endTour,
  momentSteps,
  openStage,
  openStageOf,
  pendingMask,
  shownControls,
  tourCompare,
  tourScenario,
  tourTeach,
} from './tour';

const anatomy = findTour('anatomy')!;
const safeguards = findTour('safeguards')!;

/** A controller that records the intents it is given and applies scenario changes. */
function fakeController(store: ReturnType<typeof createAppStore>) {
  const calls: string[] = [];
  const c = {
    play: (mask = 0) => calls.push(`play ${mask}`),
    reset: () => calls.push('reset'),
    setScenario: (s: Scenario) => {
      calls.push('setScenario');
      store.getState().setScenario(s);
    },
    // Compare mode is checked through the store (its own test below), not in `calls`.
    setCompare: (b: Scenario | null) => store.getState().setCompare(b),
  } as unknown as Controller;
  return { c, calls };
}

/** Frames with events at the given steps. */
function framesWith(events: Record<number, number>, count = 100) {
  const f = createFrameBatch(count, 1);
  f.count = count;
  for (const [step, e] of Object.entries(events)) f.scalars.events[Number(step)] = e;
  return f;
}

describe('tour state', () => {
  it('knows the open stage, clamping its number', () => {
    expect(openStageOf({})).toBeNull();
    expect(openStageOf({ tour: 'nope' })).toBeNull();
    expect(openStageOf({ tour: 'anatomy' })?.number).toBe(1);
    expect(openStageOf({ tour: 'anatomy', stage: 99 })?.number).toBe(anatomy.stages.length);
  });

  it('shows the stage’s controls in a tour, the link’s outside, else all', () => {
    expect(shownControls({})).toBeNull();
    expect([...shownControls({ show: ['leverage'] })!]).toEqual(['leverage']);
    expect([...shownControls({ tour: 'anatomy', show: ['leverage'] })!]).toEqual([
      'shock',
      'shockSteps',
    ]);
    expect(shownControls({ tour: 'anatomy', stage: anatomy.stages.length })).toBeNull();
  });

  it('finds where each moment first shows and what is left to stop at', () => {
    const frames = framesWith({ 60: EVENT.SHOCK, 61: EVENT.SHOCK, 62: EVENT.CASCADE_START });
    expect(momentSteps(frames, ['SHOCK', 'CASCADE_START', 'ADL'])).toEqual([60, 62, -1]);
    expect(momentSteps(null, ['SHOCK'])).toEqual([-1]);
    const stage = safeguards.stages[2]; // SHOCK, HALT, FUND_EXHAUSTED
    expect(pendingMask(frames, stage)).toBe(EVENT.HALT | EVENT.FUND_EXHAUSTED);
    expect(pendingMask(null, stage)).toBe(EVENT.SHOCK | EVENT.HALT | EVENT.FUND_EXHAUSTED);
  });

  it('opens a bare tour link on the stage’s market, a link with values on its own', () => {
    const seeded = { ...defaultScenario(), seed: 5 };
    expect(tourScenario(defaultScenario(), { tour: 'anatomy', stage: 2 })).toEqual(
      stageScenario(anatomy.stages[1]),
    );
    expect(tourScenario(seeded, { tour: 'anatomy' })).toEqual(seeded);
    expect(tourScenario(defaultScenario(), {})).toEqual(defaultScenario());
  });

  it('loads a stage’s market when it changes, keeps the run within one market', () => {
    const store = createAppStore();
    const { c, calls } = fakeController(store);
    openStage(store, c, 'anatomy', 1);
    expect(store.getState().teach).toEqual({ tour: 'anatomy', stage: 1 });
    expect(store.getState().scenario).toEqual(stageScenario(anatomy.stages[0]));
    expect(calls).toEqual(['setScenario']);
    // Same market: the run carries on; a moment already passed is shown.
    store.setState({ frames: framesWith({ 60: EVENT.SHOCK, 62: EVENT.CASCADE_START }, 70) });
    openStage(store, c, 'anatomy', 2);
    expect(calls).toEqual(['setScenario']);
    expect(store.getState().viewStep).toBe(62);
    // Starting the tour again on the market on screen starts its run again.
    endTour(store);
    expect(store.getState().teach).toEqual({});
    openStage(store, c, 'anatomy', 1);
    expect(calls).toEqual(['setScenario', 'reset']);
    // Another tour's stage with another preset loads it.
    openStage(store, c, 'safeguards', 2);
    expect(store.getState().scenario.mark).toBe('smoothed');
  });

  it('continues to the moments not reached yet, then to the end', () => {
    const store = createAppStore();
    const { c, calls } = fakeController(store);
    store.getState().setTeach({ tour: 'anatomy', stage: 1 });
    continueTour(store.getState(), c);
    // The current run's frames (ready for this generation) have passed the shock.
    const { generation } = store.getState();
    store.setState({ frames: framesWith({ 60: EVENT.SHOCK }, 61), readyGeneration: generation });
    continueTour(store.getState(), c);
    expect(calls).toEqual([`play ${EVENT.SHOCK}`, 'play 0']);
  });

  it("counts no moment from an old run's frames while the new run is set up", () => {
    const store = createAppStore();
    const { c, calls } = fakeController(store);
    store.getState().setTeach({ tour: 'anatomy', stage: 1 });
    store.setState({ frames: framesWith({ 60: EVENT.SHOCK }, 61) });
    store.getState().beginRun(); // a new run: the frames on screen are the last one's
    continueTour(store.getState(), c);
    expect(calls).toEqual([`play ${EVENT.SHOCK}`]);
  });

  it("sets the heatmap's map per stage; the student's switch holds within a stage", () => {
    const store = createAppStore();
    const { c } = fakeController(store);
    openStage(store, c, 'heatmaps', 1);
    expect(store.getState().teach).toEqual({ tour: 'heatmaps', stage: 1, map: 'estimated' });
    openStage(store, c, 'heatmaps', 2);
    expect(store.getState().teach).toEqual({ tour: 'heatmaps', stage: 2 });
    // Another tour's stages say nothing of the map: a switch the student made stays off.
    store.getState().setTeach({ ...store.getState().teach, map: 'estimated' });
    openStage(store, c, 'anatomy', 1);
    expect(store.getState().teach.map).toBeUndefined();
  });

  it("opens a tour link with its stage's map unless the link names one", () => {
    expect(tourTeach({ tour: 'heatmaps' })).toEqual({ tour: 'heatmaps', map: 'estimated' });
    expect(tourTeach({ tour: 'heatmaps', stage: 2 })).toEqual({ tour: 'heatmaps', stage: 2 });
    expect(tourTeach({ tour: 'anatomy' })).toEqual({ tour: 'anatomy' });
    expect(tourTeach({ show: ['leverage'] })).toEqual({ show: ['leverage'] });
  });

  it('runs a safeguard stage beside the market it changes one thing of, in compare mode', () => {
    const store = createAppStore();
    const { c } = fakeController(store);
    const crowded = findPreset('crowded-longs')!.scenario;
    openStage(store, c, 'safeguards', 3); // the circuit breaker, against crowded longs
    expect(store.getState().scenario.breaker).toBeGreaterThan(0);
    expect(store.getState().compare).toEqual(crowded);
    openStage(store, c, 'safeguards', 1); // no safeguard: one run again
    expect(store.getState().compare).toBeNull();
    // A tour link opens the stage's baseline too, unless the link names its own B.
    expect(tourCompare({ tour: 'safeguards', stage: 3 }, null)).toEqual(crowded);
    const own = { ...crowded, leverage: 5 };
    expect(tourCompare({ tour: 'safeguards', stage: 3 }, own)).toBe(own);
    expect(tourCompare({ tour: 'anatomy', stage: 2 }, null)).toBeNull();
  });
});
