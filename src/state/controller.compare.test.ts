import { afterEach, describe, expect, it } from 'vitest';
import type { Controller } from './controller';
import { controllerHarness, smallScenario } from './controllerHarness';
import { runScenario } from '../engine/run';
import { selectIsStale, selectStep } from './selectors';
import { COMPARE_RUN, PRIMARY_RUN, lockstepCount } from './slices';

const small = smallScenario;

let controller: Controller | null = null;
afterEach(() => controller?.dispose());

function setUp(scenario = small()) {
  const h = controllerHarness(scenario, { debounceMs: 200 });
  controller = h.c;
  return h;
}

describe('controller: runs by id, compare mode', () => {
  it('opens B on the same worker at the step A is at, and both play to the end in lockstep', async () => {
    const t = setUp();
    t.c.start(20);
    await t.run(50);
    const b = small({ leverage: 5 });
    t.c.setCompare(b);
    await t.run(50);
    expect(t.clients()).toBe(1); // one worker holds both runs
    expect(t.count(PRIMARY_RUN)).toBe(20);
    expect(t.count(COMPARE_RUN)).toBe(20);
    expect(selectStep(t.store.getState())).toBe(20);
    t.c.setSpeed(200);
    t.c.play();
    for (let i = 0; i < 20; i++) {
      await t.run(30);
      // Drawn to the same step: the step shown is the slower run's.
      const s = t.store.getState();
      expect(selectStep(s)).toBe(Math.min(t.count(PRIMARY_RUN), t.count(COMPARE_RUN)));
      expect(Math.abs(t.count(PRIMARY_RUN) - t.count(COMPARE_RUN))).toBeLessThanOrEqual(8);
    }
    await t.run(1000);
    const s = t.store.getState();
    expect(s.status).toBe('done');
    // B is exactly B's headless run (same seed), A is A's.
    const expected = runScenario(b).frames.scalars.close;
    expect(Array.from(s.runs[COMPARE_RUN].frames!.scalars.close)).toEqual(Array.from(expected));
    expect(Array.from(s.frames!.scalars.close)).toEqual(
      Array.from(runScenario(small()).frames.scalars.close),
    );
    expect(s.runs[COMPARE_RUN].report?.stepsRun).toBe(100);
    expect(t.sent.filter((m) => m.type === 'play').every((m) => m.group === 'shown')).toBe(true);
  }, 20_000);

  it('steps, pauses and resets every run shown; a lagging run holds the step shown', async () => {
    const t = setUp();
    t.c.start();
    t.c.setCompare(small({ mark: 'smoothed' }));
    await t.run(50);
    t.c.step();
    t.c.step();
    await t.run(30);
    expect([t.count(PRIMARY_RUN), t.count(COMPARE_RUN)]).toEqual([2, 2]);
    // B lags (its frames have not arrived): the view holds A at B's step.
    t.store.setState((s) => ({
      runs: { ...s.runs, [COMPARE_RUN]: { ...s.runs[COMPARE_RUN], frames: null } },
    }));
    expect(lockstepCount(t.store.getState())).toBe(0);
    t.store.getState().setViewStep(1);
    expect(t.store.getState().viewStep).toBeNull(); // nothing to hold at: B has no step yet
    t.c.reset();
    await t.run(30);
    expect([t.count(PRIMARY_RUN), t.count(COMPARE_RUN)]).toEqual([0, 0]);
    expect(t.store.getState().status).toBe('paused');
  });

  it('reloads B alone when B changes, and both when A changes; exit leaves one run', async () => {
    const t = setUp();
    t.c.start();
    t.c.setCompare(small({ leverage: 5 }));
    await t.run(50);
    t.c.step();
    await t.run(30);
    const loads = () => t.sent.filter((m) => m.type === 'load').map((m) => m.runId);
    expect(loads()).toEqual([PRIMARY_RUN, COMPARE_RUN]);
    t.c.setCompare(small({ leverage: 8 }));
    expect(selectIsStale(t.store.getState())).toBe(true);
    await t.run(300);
    expect(loads()).toEqual([PRIMARY_RUN, COMPARE_RUN, COMPARE_RUN]);
    expect(t.store.getState().compare?.leverage).toBe(8);
    t.c.setParam('shock', -12);
    await t.run(300);
    expect(loads().slice(3).sort()).toEqual([PRIMARY_RUN, COMPARE_RUN].sort());
    t.c.setCompare(null);
    const s = t.store.getState();
    expect(s.compare).toBeNull();
    expect(Object.keys(s.runs)).toEqual([PRIMARY_RUN]);
    expect(t.sent.at(-1)).toEqual({ type: 'dispose', runId: COMPARE_RUN });
  });

  it('fails every run when the worker fails, and Restart brings both back', async () => {
    const t = setUp();
    t.c.start();
    t.c.setCompare(small({ leverage: 5 }));
    await t.run(50);
    t.c.crashWorker();
    await t.run(20);
    const s = t.store.getState();
    expect(s.runs[PRIMARY_RUN].phase).toBe('error');
    expect(s.runs[COMPARE_RUN].phase).toBe('error');
    t.c.restart();
    await t.run(50);
    expect(t.clients()).toBe(2);
    expect(t.store.getState().runs[COMPARE_RUN].phase).toBe('ready');
    expect(t.store.getState().phase).toBe('ready');
  });
});
