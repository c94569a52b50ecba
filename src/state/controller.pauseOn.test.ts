/** The controller's exact stops: play(pauseOn) ends paused at the moment, and the store says so. */

import { afterEach, describe, expect, it } from 'vitest';
import { STALL_TIMEOUT_MS, type Controller } from './controller';
import { controllerHarness } from './controllerHarness';
import { EVENT } from '../engine/frame';
import { runScenario } from '../engine/run';
import { defaultScenario, type Scenario } from '../scenario';
import { selectStep } from './selectors';

const scenario: Scenario = {
  ...defaultScenario(),
  positions: 400,
  steps: 100,
  shockStep: 30,
};
const shockAt = runScenario(scenario).frames.scalars.events.findIndex(
  (e) => (e & EVENT.SHOCK) !== 0,
);

let controller: Controller | null = null;
afterEach(() => controller?.dispose());

function setUp() {
  const h = controllerHarness(scenario);
  controller = h.c;
  return h;
}

describe('controller: play(pauseOn)', () => {
  it('stops at the first matching step at max speed and shows it paused', async () => {
    const t = setUp();
    t.c.start();
    t.c.setSpeed('max');
    await t.run(50);
    t.c.play(EVENT.SHOCK);
    await t.run(200);
    const s = t.store.getState();
    expect(s.status).toBe('paused');
    // The counter counts steps done: the last one simulated is the shock's.
    expect(selectStep(s)).toBe(shockAt + 1);
    expect(s.frames!.scalars.step[selectStep(s) - 1]).toBe(shockAt);
    expect(t.sent.filter((m) => m.type === 'play')).toEqual([
      { type: 'play', runId: 'main', pauseOn: EVENT.SHOCK },
    ]);
  });

  it('does not take the stop for a stalled worker', async () => {
    const t = setUp();
    t.c.start();
    t.c.setSpeed('max');
    await t.run(50);
    t.c.play(EVENT.SHOCK);
    await t.run(STALL_TIMEOUT_MS + 500);
    expect(t.store.getState()).toMatchObject({ phase: 'ready', status: 'paused', error: null });
  });

  it('keeps the mask for a play that waits for a changed scenario', async () => {
    const t = setUp();
    t.c.start();
    t.c.setSpeed('max');
    await t.run(50);
    t.c.setParam('seed', 2);
    t.c.play(EVENT.SHOCK);
    await t.run(500);
    expect(t.sent.filter((m) => m.type === 'play').at(-1)).toEqual({
      type: 'play',
      runId: 'main',
      pauseOn: EVENT.SHOCK,
    });
    expect(t.store.getState().status).toBe('paused');
  });

  it("in compare mode stops at the primary run's moment; B stops with it, never at its own", async () => {
    const t = setUp();
    t.c.start();
    t.c.setSpeed('max');
    // B's shock comes 20 minutes earlier: asked to stop at the shock, it must not stop there.
    t.c.setCompare({ ...scenario, shockStep: scenario.shockStep - 20 });
    await t.run(100);
    t.c.play(EVENT.SHOCK);
    await t.run(300);
    const s = t.store.getState();
    expect(s.status).toBe('paused');
    expect(selectStep(s)).toBe(shockAt + 1);
    const plays = t.sent.filter((m) => m.type === 'play');
    expect(plays.map((m) => [m.runId, m.type === 'play' && m.pauseOn])).toEqual([
      ['main', EVENT.SHOCK],
      ['b', 0],
    ]);
  });
});
