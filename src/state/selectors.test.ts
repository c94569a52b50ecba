import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/run';
import { defaultScenario } from '../scenario';
import * as select from './selectors';
import { createAppStore } from './store';

const scenario = { ...defaultScenario(), positions: 200, steps: 12, shockStep: 3 };

describe('selectors', () => {
  it('show no step and the scenario’s length while a run is set up, then the run’s', () => {
    const store = createAppStore(scenario);
    const s = store.getState();
    expect(select.selectIsLoading(s)).toBe(true);
    expect(select.selectIsStale(s)).toBe(true);
    expect(select.selectShownStep(s)).toBeNull();
    expect(select.selectTotalSteps(s)).toBe(12);
    expect(select.selectStep(s)).toBe(0);

    const { info, frames, report } = runScenario(scenario);
    const generation = store.getState().beginRun();
    store.getState().runReady(generation, info);
    store.getState().applyFrames(generation, [frames], report, true);
    const ready = store.getState();
    expect(select.selectIsLoading(ready)).toBe(false);
    expect(select.selectShownStep(ready)).toBe(12);
    expect(select.selectReport(ready)).toBe(report);
    expect(select.selectStatus(ready)).toBe('done');

    // A changed scenario: the old run's 12 steps are not the new run's.
    ready.setScenario({ ...scenario, steps: 20 });
    ready.beginRun();
    const stale = store.getState();
    expect(select.selectShownStep(stale)).toBeNull();
    expect(select.selectTotalSteps(stale)).toBe(20);
    expect(select.selectScenario(stale).steps).toBe(20);
  });

  it('read the playback, the error and the notice as they are', () => {
    const store = createAppStore(scenario);
    store.getState().setSpeed('max');
    store.getState().setStatus('playing');
    store.getState().setNotice({ kind: 'link-error', message: 'bad link' });
    store.getState().runFailed('boom');
    const s = store.getState();
    expect(select.selectSpeed(s)).toBe('max');
    expect(select.selectPhase(s)).toBe('error');
    expect(select.selectError(s)).toBe('boom');
    expect(select.selectNotice(s)).toEqual({ kind: 'link-error', message: 'bad link' });
  });
});
