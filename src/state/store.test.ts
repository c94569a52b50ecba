import { beforeEach, describe, expect, it } from 'vitest';
import { createFrameBatch, type RunInfo } from '../engine/frame';
import type { RunReport } from '../engine/report';
import { defaultScenario } from '../scenario';
import {
  selectIsLoading,
  selectIsStale,
  selectShownMinute,
  selectShownStep,
  selectStep,
  selectTotalSteps,
} from './selectors';
import { createAppStore, type AppState } from './store';

const info: RunInfo = {
  steps: 10,
  bucketCount: 2,
  bucketLow: 90,
  bucketHigh: 110,
  startPrice: 100,
  openInterest: 1e6,
  liquidity: 1e5,
  shockStep: 2,
  shockSteps: 1,
};
const report = { stepsRun: 3 } as RunReport;

function batch(start: number, count: number) {
  const b = createFrameBatch(count, 2, start);
  for (let r = 0; r < count; r++) b.scalars.step[r] = start + r;
  b.count = count;
  return b;
}

// One store for the file, reset to its initial state before each test (zustand's testing guide).
const store = createAppStore();
const initial: AppState = store.getState();
beforeEach(() => store.setState(initial, true));

describe('app store', () => {
  it('starts paused, loading the default scenario', () => {
    const s = store.getState();
    expect(s.scenario).toEqual(defaultScenario());
    expect(s).toMatchObject({ status: 'paused', phase: 'loading', frames: null });
    expect(selectStep(s)).toBe(0);
    expect(selectTotalSteps(s)).toBe(600);
  });

  it('allocates a history of one row per step when the run is ready', () => {
    const g = store.getState().beginRun();
    store.getState().runReady(g, info);
    const s = store.getState();
    expect(s.phase).toBe('ready');
    expect(s.frames?.capacity).toBe(10);
    expect(selectTotalSteps(s)).toBe(10);
  });

  it('appends frames of the current generation in one change, with the report', () => {
    const g = store.getState().beginRun();
    store.getState().runReady(g, info);
    let changes = 0;
    const stop = store.subscribe(() => changes++);
    store.getState().applyFrames(g, [batch(0, 2), batch(2, 1)], report, false);
    stop();
    expect(changes).toBe(1);
    expect(store.getState()).toMatchObject({ report, framesVersion: 2 });
    expect(selectStep(store.getState())).toBe(3);
  });

  it('ignores a ready or frames of any other generation', () => {
    const g = store.getState().beginRun();
    store.getState().runReady(g, info);
    store.getState().beginRun();
    store.getState().applyFrames(g, [batch(0, 2)], report, true);
    store.getState().runReady(g, { ...info, steps: 99 });
    expect(store.getState()).toMatchObject({ status: 'paused', report: null });
    expect(selectStep(store.getState())).toBe(0);
    expect(store.getState().info?.steps).toBe(10);
  });

  it('marks the run done and keeps the error until the next run', () => {
    const g = store.getState().beginRun();
    store.getState().runReady(g, info);
    store.getState().applyFrames(g, [], report, true);
    expect(store.getState().status).toBe('done');
    store.getState().runFailed('boom');
    expect(store.getState()).toMatchObject({ phase: 'error', error: 'boom', status: 'paused' });
    store.getState().beginRun();
    expect(store.getState()).toMatchObject({ phase: 'loading', error: null });
  });

  it('while a new run is set up, shows its length and no step or report of the old run', () => {
    const g = store.getState().beginRun();
    store.getState().runReady(g, info);
    store.getState().applyFrames(g, [batch(0, 3)], report, false);
    expect(selectShownStep(store.getState())).toBe(3);
    store.getState().setScenario({ ...store.getState().scenario, steps: 250 });
    const next = store.getState().beginRun();
    let s = store.getState();
    expect(selectIsLoading(s)).toBe(true);
    expect(s.report).toBeNull();
    expect(selectShownStep(s)).toBeNull();
    expect(selectTotalSteps(s)).toBe(250);
    expect(s.frames?.count).toBe(3); // the old frames stay for the charts, dimmed
    store.getState().runReady(next, { ...info, steps: 250 });
    s = store.getState();
    expect(selectIsLoading(s)).toBe(false);
    expect(selectShownStep(s)).toBe(0);
    expect(selectTotalSteps(s)).toBe(250);
  });

  it("keeps showing no step of the old run when the new run's set-up fails", () => {
    const g = store.getState().beginRun();
    store.getState().runReady(g, info);
    store.getState().applyFrames(g, [batch(0, 4)], report, false);
    store.getState().runFailed('the worker died mid-run');
    expect(selectIsStale(store.getState())).toBe(false);
    expect(selectShownStep(store.getState())).toBe(4); // where the failed run stopped
    store.getState().setScenario({ ...store.getState().scenario, steps: 300 });
    store.getState().beginRun();
    store.getState().runFailed('no answer');
    const s = store.getState();
    expect(s.phase).toBe('error');
    expect(selectIsStale(s)).toBe(true);
    expect(selectShownStep(s)).toBeNull();
    expect(selectTotalSteps(s)).toBe(300);
    expect(s.report).toBeNull();
  });

  it('holds the view at a past step, clamped to the frames so far, and goes live at the newest', () => {
    const g = store.getState().beginRun();
    store.getState().runReady(g, info);
    store.getState().applyFrames(g, [batch(0, 6)], report, false);
    const s = () => store.getState();
    expect(s().viewStep).toBeNull();
    expect(selectShownMinute(s())).toBe(5);
    s().setViewStep(2);
    expect(s().viewStep).toBe(2);
    expect(selectShownMinute(s())).toBe(2);
    s().setViewStep(-4);
    expect(s().viewStep).toBe(0);
    s().setViewStep(5);
    expect(s().viewStep).toBeNull();
    s().setViewStep(99);
    expect(s().viewStep).toBeNull();
  });

  it('keeps the held step while frames arrive, and follows a new run live', () => {
    const g = store.getState().beginRun();
    store.getState().runReady(g, info);
    store.getState().applyFrames(g, [batch(0, 4)], report, false);
    store.getState().setViewStep(1);
    store.getState().applyFrames(g, [batch(4, 3)], report, false);
    expect(store.getState().viewStep).toBe(1);
    store.getState().beginRun();
    expect(store.getState().viewStep).toBeNull();
    expect(selectShownMinute(store.getState())).toBe(-1);
  });
});
