/**
 * A controller driven by hand, for the controller's tests: an in-process worker on a fake clock,
 * a manual frame scheduler, and a record of every request sent. `run(ms)` lets time pass: the
 * worker ticks, its messages arrive, the screen refreshes.
 */

import { defaultScenario, type Scenario } from '../scenario';
import { createFakeClock } from '../shared/fakeClock';
import { createManualScheduler } from '../shared/frameScheduler';
import type { SimClient, SimClientEvents } from '../worker/client';
import { createInProcessClient } from '../worker/inProcess';
import type { SimRequest } from '../worker/protocol';
import { createController, type Controller, type ControllerOptions } from './controller';
import { createAppStore } from './store';

/** A run small enough for a test to play to its end in a few hundred fake milliseconds. */
export const smallScenario = (over: Partial<Scenario> = {}): Scenario => ({
  ...defaultScenario(),
  positions: 400,
  steps: 100,
  shockStep: 10,
  ...over,
});

/** Lets the in-process client's queued messages (microtasks) go through. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

export type ControllerHarness = ReturnType<typeof controllerHarness>;

/** `options` are the controller's own (debounce, onCommit, timeouts) on top of the harness's. */
export function controllerHarness(
  scenario: Scenario = smallScenario(),
  options: Omit<ControllerOptions, 'createClient' | 'scheduler' | 'timers'> = {},
) {
  const clock = createFakeClock();
  const frames = createManualScheduler();
  const store = createAppStore(scenario);
  const sent: SimRequest[] = [];
  let clients = 0;
  let terminated = 0;
  let events: SimClientEvents | null = null;
  const c: Controller = createController(store, {
    createClient: (e) => {
      clients++;
      events = e;
      const inner = createInProcessClient(e, clock, { tickMs: 10 });
      const client: SimClient = {
        post: (m) => {
          sent.push(m);
          inner.post(m);
        },
        terminate: () => {
          terminated++;
          inner.terminate();
        },
      };
      return client;
    },
    scheduler: frames,
    timers: clock,
    ...options,
  });
  const run = async (ms: number) => {
    for (let t = 0; t < ms; t += 10) {
      clock.advance(10);
      await settle();
      frames.flush();
    }
  };
  return {
    store,
    c,
    clock,
    frames,
    sent,
    run,
    /** Frames the run with this id holds. */
    count: (id: string) => store.getState().runs[id]?.frames?.count ?? 0,
    clients: () => clients,
    terminated: () => terminated,
    events: () => events!,
  };
}
