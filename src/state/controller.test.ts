import { afterEach, describe, expect, it } from 'vitest';
import { controllerHarness, settle, smallScenario } from './controllerHarness';
import { runScenario } from '../engine/run';
import { BUCKET_COLUMNS, SCALAR_COLUMNS } from '../engine/frame';
import type { Scenario } from '../scenario';
import { createInProcessClient } from '../worker/inProcess';
import { createFakeClock } from '../shared/fakeClock';
import type { SimRequest } from '../worker/protocol';
import {
  READY_TIMEOUT_MS,
  STALL_TIMEOUT_MS,
  createController,
  type Controller,
} from './controller';
import { createManualScheduler } from '../shared/frameScheduler';
import { selectStep } from './selectors';
import { createAppStore } from './store';

const small = smallScenario;

let controller: Controller | null = null;
afterEach(() => controller?.dispose());

function setUp(scenario = small()) {
  const commits: Scenario[] = [];
  const h = controllerHarness(scenario, {
    debounceMs: 200,
    onCommit: (s) => commits.push(s),
  });
  controller = h.c;
  return { ...h, commits };
}

describe('controller', () => {
  it('loads the scenario paused at step 0 and writes it to the URL', async () => {
    const t = setUp();
    t.c.start();
    await t.run(50);
    const s = t.store.getState();
    expect(s.phase).toBe('ready');
    expect(s.status).toBe('paused');
    expect(selectStep(s)).toBe(0);
    expect(s.info?.steps).toBe(100);
    expect(t.commits).toHaveLength(1);
  });

  it('shows the state before step 0 from the first screen, apart from the frames', async () => {
    const t = setUp();
    t.c.start();
    await t.run(50);
    const s = t.store.getState();
    // The fuel and the book are there before Play, and the history still has no row.
    expect(s.opening?.count).toBe(1);
    expect(s.opening?.scalars.close[0]).toBe(small().price);
    expect(s.opening?.buckets.predicted.some((v) => v > 0)).toBe(true);
    expect(s.opening?.buckets.ask.some((v) => v > 0)).toBe(true);
    expect(s.frames?.count).toBe(0);
    t.c.step();
    await t.run(50);
    // Step 0's frame is the history's first row: a row per step, as the CLI writes them.
    const expected = runScenario(small()).frames;
    expect(t.store.getState().frames?.count).toBe(1);
    expect(t.store.getState().frames?.scalars.close[0]).toBe(expected.scalars.close[0]);
    // A slider change sets up the next run's opening in its place.
    t.c.setParam('leverage', 30);
    await t.run(600);
    const next = t.store.getState();
    expect(next.frames?.count).toBe(0);
    expect(next.opening).not.toBe(s.opening);
    expect(next.opening?.count).toBe(1);
  });

  it('opens computed up to a given step (a link with t=), paused, with the headless frames', async () => {
    const t = setUp();
    t.c.start(40);
    await t.run(100);
    const s = t.store.getState();
    expect(s.status).toBe('paused');
    expect(selectStep(s)).toBe(40);
    const expected = runScenario(small()).frames;
    expect(Array.from(s.frames!.scalars.close.subarray(0, 40))).toEqual(
      Array.from(expected.scalars.close.subarray(0, 40)),
    );
  });

  it('says so when a shorter run moves the shock, and not otherwise', async () => {
    const t = setUp(small({ steps: 100, shockStep: 60 }));
    t.c.start();
    await t.run(50);
    t.c.setParam('steps', 50);
    expect(t.store.getState().scenario.shockStep).toBe(49);
    expect(t.store.getState().adjustment).toBe(
      'The shock moved from minute 60 to minute 49 to fit the 50-minute run.',
    );
    t.c.setParam('leverage', 30);
    expect(t.store.getState().adjustment).toBeNull();
  });

  it('says so when a shorter run drops a scripted change', () => {
    const changes = [
      { step: 10, param: 'noise', factor: 2 },
      { step: 80, param: 'liquidity', factor: 0.5 },
    ] as const;
    const t = setUp(small({ steps: 100, shockStep: 20, changes }));
    t.c.setParam('steps', 50);
    expect(t.store.getState().scenario.changes).toEqual([changes[0]]);
    expect(t.store.getState().adjustment).toBe(
      'The run is 50 minutes: 1 scripted change(s) after it dropped.',
    );
  });

  it('plays into the bounded history and ends done with the final report', async () => {
    const t = setUp();
    t.c.start();
    t.c.setSpeed('max');
    t.c.play();
    await t.run(200);
    const s = t.store.getState();
    expect(s.status).toBe('done');
    expect(selectStep(s)).toBe(100);
    expect(s.frames?.count).toBe(100);
    expect(s.frames?.capacity).toBe(100);
    expect(s.report?.stepsRun).toBe(100);
  });

  it('sets up the next run paused at step 0 when a slider moves after a finished run', async () => {
    const t = setUp();
    t.c.start();
    t.c.setSpeed('max');
    t.c.play();
    await t.run(200);
    expect(t.store.getState().status).toBe('done');
    t.c.setParam('shock', -12);
    await t.run(600);
    const s = t.store.getState();
    expect(s.phase).toBe('ready');
    expect(s.scenario.shock).toBe(-12);
    expect(s.status).toBe('paused');
    expect(selectStep(s)).toBe(0);
  });

  it('holds, column by column, exactly the frames of a headless run', async () => {
    const scenario = small({ steps: 300 });
    const t = setUp(scenario);
    t.c.start();
    t.c.setSpeed(400);
    t.c.play();
    await t.run(1500);
    const s = t.store.getState();
    expect(s.status).toBe('done');
    const expected = runScenario(scenario).frames;
    for (const c of SCALAR_COLUMNS)
      expect([c, s.frames!.scalars[c]]).toEqual([c, expected.scalars[c]]);
    for (const c of BUCKET_COLUMNS)
      expect([c, s.frames!.buckets[c]]).toEqual([c, expected.buckets[c]]);
    // Two runs of 300 steps: ~2 s alone, over 5 s with the whole gate on two busy cores.
  });

  it('applies everything that arrived between two screen refreshes in one store update', async () => {
    const t = setUp();
    t.c.start();
    await t.run(20);
    t.c.setSpeed(100);
    t.c.play();
    let updates = 0;
    const stop = t.store.subscribe((s, prev) => {
      if (s.framesVersion !== prev.framesVersion) updates++;
    });
    for (let i = 0; i < 30; i++) {
      t.clock.advance(10);
      await settle();
    }
    expect(updates).toBe(0); // nothing is applied until the screen refreshes
    expect(t.frames.pending).toBe(1);
    t.frames.flush();
    expect(updates).toBe(1);
    expect(selectStep(t.store.getState())).toBeGreaterThanOrEqual(30);
    stop();
  });

  it('pauses, steps one at a time, and resets to step 0', async () => {
    const t = setUp();
    t.c.start();
    t.c.play();
    await t.run(300);
    t.c.pause();
    await t.run(50);
    const paused = selectStep(t.store.getState());
    expect(paused).toBeGreaterThan(3);
    await t.run(300);
    expect(selectStep(t.store.getState())).toBe(paused);
    t.c.step();
    await t.run(20);
    expect(selectStep(t.store.getState())).toBe(paused + 1);
    t.c.reset();
    await t.run(20);
    expect(selectStep(t.store.getState())).toBe(0);
    expect(t.store.getState().status).toBe('paused');
  });

  it('restarts from step 0 on a scenario change, debounced, and never draws the old run again', async () => {
    const t = setUp();
    t.c.start();
    t.c.play();
    await t.run(300);
    const oldGeneration = t.store.getState().generation;
    const oldFrames = t.store.getState().frames;
    const oldCount = oldFrames!.count;
    // A drag: three values within the debounce.
    t.c.setParam('leverage', 25);
    await t.run(50);
    t.c.setParam('leverage', 30);
    await t.run(50);
    t.c.setParam('leverage', 40);
    expect(t.store.getState().scenario.leverage).toBe(40);
    expect(t.store.getState().generation).toBe(oldGeneration + 1);
    await t.run(100);
    expect(oldFrames!.count).toBe(oldCount); // the old run stopped at once
    expect(t.sent.filter((m) => m.type === 'load')).toHaveLength(1);
    await t.run(150);
    const loads = t.sent.filter((m) => m.type === 'load');
    expect(loads).toHaveLength(2);
    expect(loads[1]).toMatchObject({ scenario: { leverage: 40 } });
    expect((loads[1] as { generation: number }).generation).toBe(t.store.getState().generation);
    expect(t.commits.at(-1)?.leverage).toBe(40);
    await t.run(300);
    const s = t.store.getState();
    expect(s.frames).not.toBe(oldFrames);
    expect(s.status).toBe('playing'); // it was playing, so the new run plays
    expect(selectStep(s)).toBeGreaterThan(0);
    expect(s.frames!.scalars.step[0]).toBe(0);
  });

  it('validates values from the controls: clamps and rounds', () => {
    const t = setUp();
    t.c.start();
    t.c.setParam('leverage', 500);
    t.c.setParam('positions', 1234.6);
    expect(t.store.getState().scenario.leverage).toBe(125);
    expect(t.store.getState().scenario.positions).toBe(1235);
  });

  it('drops frames of an old generation that arrive late', async () => {
    const t = setUp();
    t.c.start();
    await t.run(20);
    const s = t.store.getState();
    const stale = {
      type: 'frames' as const,
      runId: 'main',
      generation: s.generation - 1,
      batch: { ...s.frames!, count: 1 },
      report: s.report!,
    };
    t.events().onMessage(stale);
    t.frames.flush();
    expect(selectStep(t.store.getState())).toBe(0);
  });

  it('shows a worker error and restarts with a fresh client that plays again', async () => {
    const t = setUp();
    t.c.start();
    t.c.play();
    await t.run(200);
    t.c.crashWorker();
    await t.run(20);
    let s = t.store.getState();
    expect(s.phase).toBe('error');
    expect(s.error).toMatch(/crashed on purpose/);
    expect(s.status).toBe('paused');
    t.c.restart();
    await t.run(200);
    s = t.store.getState();
    expect(t.clients()).toBe(2);
    expect(s.phase).toBe('ready');
    expect(s.error).toBeNull();
    expect(s.status).toBe('playing');
    expect(selectStep(s)).toBeGreaterThan(0);
  });

  it('runs a changed scenario on a fresh client after an error', async () => {
    const t = setUp();
    t.c.start();
    await t.run(20);
    t.events().onError('The worker died');
    t.c.setParam('leverage', 30);
    await t.run(250);
    const s = t.store.getState();
    expect(t.clients()).toBe(2);
    expect(s).toMatchObject({ phase: 'ready', error: null });
    expect(s.info).not.toBeNull();
  });

  it('reports an error from the client itself (a worker that failed to start)', () => {
    const t = setUp();
    t.c.start();
    t.events().onError('Failed to load the worker script');
    expect(t.store.getState()).toMatchObject({
      phase: 'error',
      error: 'Failed to load the worker script',
    });
  });

  it('plays a finished run again from the start', async () => {
    const t = setUp();
    t.c.start();
    t.c.setSpeed('max');
    t.c.play();
    await t.run(100);
    expect(t.store.getState().status).toBe('done');
    t.c.play();
    await t.run(10);
    expect(t.store.getState().status).toBe('playing');
    expect(selectStep(t.store.getState())).toBeLessThan(100);
  });

  it('stops the failed worker at once, and Restart still brings the run back', async () => {
    const t = setUp();
    t.c.start();
    t.c.setSpeed(100);
    t.c.play();
    await t.run(200);
    t.c.crashWorker();
    await t.run(20);
    expect(t.store.getState().phase).toBe('error');
    expect(t.terminated()).toBe(1);
    expect(t.clock.pending).toBe(0); // no run loop ticks on in the background
    const posted = t.sent.length;
    t.c.play();
    t.c.step();
    t.c.setSpeed(30);
    expect(t.sent).toHaveLength(posted); // nothing goes to the dead client
    t.c.restart();
    await t.run(200);
    expect(t.store.getState()).toMatchObject({ phase: 'ready', status: 'playing', error: null });
    expect(t.clients()).toBe(2);
  });

  it('turns a malformed message into a readable run error, not a crash', async () => {
    const t = setUp();
    t.c.start();
    await t.run(20);
    const s = t.store.getState();
    const bad = { type: 'frames', runId: 'main', generation: s.generation, report: {} };
    expect(() => t.events().onMessage(bad as never)).not.toThrow();
    expect(t.store.getState()).toMatchObject({
      phase: 'error',
      error: 'The simulation worker sent a malformed message: frames has no batch.',
    });
    expect(t.terminated()).toBe(1);
  });

  it('ignores messages from a client it has already replaced', async () => {
    const t = setUp();
    t.c.start();
    await t.run(20);
    const old = t.events();
    t.c.crashWorker();
    await t.run(20);
    t.c.restart();
    await t.run(50);
    old.onError('a late error from the dead worker');
    expect(t.store.getState()).toMatchObject({ phase: 'ready', error: null });
  });

  it('steps the new run at once when Step is pressed while a change waits for its debounce', async () => {
    const t = setUp();
    t.c.start();
    await t.run(20);
    t.c.step();
    t.c.step();
    await t.run(20);
    t.c.setParam('leverage', 40);
    t.c.step();
    await t.run(20);
    const loads = t.sent.filter((m) => m.type === 'load');
    expect(loads).toHaveLength(2);
    expect(loads[1]).toMatchObject({ scenario: { leverage: 40 } });
    const s = t.store.getState();
    expect(s).toMatchObject({ phase: 'ready', status: 'paused' });
    expect(selectStep(s)).toBe(1);
    await t.run(400); // the debounce that was waiting does not load again
    expect(t.sent.filter((m) => m.type === 'load')).toHaveLength(2);
  });
});

describe('controller watchdog', () => {
  function silentSetUp(answerReset = false) {
    const clock = createFakeClock();
    const store = createAppStore(small());
    const sent: SimRequest[] = [];
    let terminated = 0;
    let clients = 0;
    controller = createController(store, {
      createClient: (events) => {
        clients++;
        const live = clients > 1; // the first client never answers; a fresh one does
        const inner = live ? createInProcessClient(events, clock, { tickMs: 10 }) : null;
        return {
          post: (m) => {
            sent.push(m);
            if (m.type === 'reset' && !answerReset) return;
            inner?.post(m);
          },
          terminate: () => {
            terminated++;
            inner?.terminate();
          },
        };
      },
      scheduler: createManualScheduler(),
      timers: clock,
    });
    return { store, clock, c: controller, sent, terminated: () => terminated };
  }

  it('fails with a message if the worker has not answered a load in 20 s', async () => {
    const t = silentSetUp();
    t.c.start();
    t.clock.advance(READY_TIMEOUT_MS - 1);
    expect(t.store.getState()).toMatchObject({ phase: 'loading', error: null });
    t.clock.advance(1);
    expect(t.store.getState()).toMatchObject({
      phase: 'error',
      error: 'The simulation did not start: the worker has not answered for 20 s.',
    });
    expect(t.terminated()).toBe(1);
    expect(READY_TIMEOUT_MS).toBe(20_000);
    t.c.restart();
    await settle();
    expect(t.store.getState()).toMatchObject({ phase: 'ready', error: null });
    t.clock.advance(READY_TIMEOUT_MS * 2);
    expect(t.store.getState().phase).toBe('ready'); // an answered load is not timed out
  });

  it('times a reset too, and a new load restarts the clock', async () => {
    const t = silentSetUp();
    t.c.start();
    t.clock.advance(READY_TIMEOUT_MS);
    t.c.restart();
    await settle();
    expect(t.store.getState().phase).toBe('ready');
    t.c.reset(); // this client answers loads, not resets
    t.clock.advance(READY_TIMEOUT_MS - 10);
    t.c.setParam('leverage', 30);
    t.clock.advance(200); // the debounce: the load replaces the reset's deadline
    await settle();
    expect(t.store.getState().phase).toBe('ready');
    t.c.reset();
    t.clock.advance(READY_TIMEOUT_MS);
    expect(t.store.getState().error).toMatch(/did not start/);
  });

  it('does not time out a long drag: the clock starts again with the load after it', () => {
    const t = silentSetUp();
    t.c.start(); // never answered
    for (let i = 0; i < 150; i++) {
      t.c.setParam('leverage', i % 2 ? 20 : 30); // a 30 s drag, each move within the debounce
      t.clock.advance(199);
    }
    expect(t.store.getState()).toMatchObject({ phase: 'loading', error: null });
    t.clock.advance(1); // the debounced load
    expect(t.sent.filter((m) => m.type === 'load')).toHaveLength(2);
    t.clock.advance(READY_TIMEOUT_MS - 1);
    expect(t.store.getState().error).toBeNull();
    t.clock.advance(1);
    expect(t.store.getState().error).toMatch(/did not start/);
  });

  it('is stopped by dispose', () => {
    const t = silentSetUp();
    t.c.start();
    t.c.dispose();
    controller = null;
    expect(t.clock.pending).toBe(0);
  });
});

describe('controller stall watch', () => {
  /** A client whose worker answers until `hang()`, then goes silent, as a stuck worker would. */
  function hangingSetUp() {
    const clock = createFakeClock();
    const store = createAppStore(small({ steps: 5000 }));
    let hung = false;
    let terminated = 0;
    let clients = 0;
    controller = createController(store, {
      createClient: (events) => {
        const first = ++clients === 1;
        const silent = () => first && hung;
        const inner = createInProcessClient(
          {
            onMessage: (m) => !silent() && events.onMessage(m),
            onError: (m) => !silent() && events.onError(m),
          },
          clock,
          { tickMs: 10 },
        );
        return {
          post: (m) => inner.post(m),
          terminate: () => {
            terminated++;
            inner.terminate();
          },
        };
      },
      scheduler: createManualScheduler(),
      timers: clock,
    });
    const run = async (ms: number) => {
      for (let t = 0; t < ms; t += 100) {
        clock.advance(100);
        await settle();
      }
    };
    return {
      store,
      clock,
      c: controller,
      run,
      hang: () => (hung = true),
      terminated: () => terminated,
    };
  }

  it('fails within seconds when a playing worker goes silent, and Restart plays again', async () => {
    const t = hangingSetUp();
    t.c.start();
    t.c.setSpeed(5);
    await t.run(100);
    t.c.play();
    await t.run(2000);
    expect(t.store.getState()).toMatchObject({ phase: 'ready', error: null });
    t.hang();
    await t.run(STALL_TIMEOUT_MS - 200);
    expect(t.store.getState().error).toBeNull();
    await t.run(300);
    expect(t.store.getState()).toMatchObject({
      phase: 'error',
      status: 'paused',
      error: 'The worker has not answered for 6 s while playing: it hangs or has died.',
    });
    expect(t.terminated()).toBe(1);
    expect(STALL_TIMEOUT_MS).toBeLessThanOrEqual(10_000);
    t.c.restart(); // a fresh client (this one answers: `hung` only silences the first)
    await t.run(500);
    expect(t.store.getState()).toMatchObject({ phase: 'ready', status: 'playing', error: null });
  });

  it('lets a paused, a stepped or a finished run be silent for as long as it likes', async () => {
    const t = hangingSetUp();
    t.c.start();
    await t.run(100);
    t.c.play();
    await t.run(500);
    t.c.pause();
    await t.run(STALL_TIMEOUT_MS * 3);
    t.c.step();
    await t.run(STALL_TIMEOUT_MS * 3);
    t.c.setSpeed('max');
    t.c.play();
    await t.run(2000);
    // The run is over, but no screen frame has applied it: the store still says playing, and
    // the watch goes by the worker's `done`, not by the store.
    expect(t.store.getState().status).toBe('playing');
    await t.run(STALL_TIMEOUT_MS * 3);
    expect(t.store.getState()).toMatchObject({ phase: 'ready', error: null });
    expect(t.terminated()).toBe(0);
  });
});

describe('controller stall watch while a run is set up', () => {
  it('leaves a slow set-up to the ready watchdog, then watches the run it plays', async () => {
    const clock = createFakeClock();
    const store = createAppStore(small());
    let answer: (() => void) | null = null;
    controller = createController(store, {
      createClient: (events) => {
        const inner = createInProcessClient(events, clock, { tickMs: 10 });
        return {
          // Holds the load back, as a worker busy building a million positions would.
          post: (m) => {
            if (m.type === 'load') answer = () => inner.post(m);
            else if (answer) {
              const before = answer;
              answer = () => (before(), inner.post(m));
            } else inner.post(m);
          },
          terminate: () => inner.terminate(),
        };
      },
      scheduler: createManualScheduler(),
      timers: clock,
    });
    controller.start();
    controller.play();
    clock.advance(STALL_TIMEOUT_MS * 2); // longer than the stall deadline, less than the ready one
    expect(store.getState()).toMatchObject({ phase: 'loading', error: null });
    const release = answer!;
    answer = null;
    release();
    await settle();
    expect(store.getState()).toMatchObject({ phase: 'ready', status: 'playing', error: null });
  });
});
