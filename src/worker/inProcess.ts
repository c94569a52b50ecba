/**
 * The run loop on this thread, behind the same client interface as the worker: the fallback
 * where module workers are missing, and what tests drive with a fake clock.
 */

import type { SimClient, SimClientEvents } from './simClient';
import { realClock, type Clock } from '../shared/clock';
import { errorMessage } from '../shared/errorMessage';
import { createRunLoop, type RunLoopOptions } from './runLoop';

/** Messages go both ways asynchronously, as with a worker, so the caller never re-enters itself. */
export function createInProcessClient(
  events: SimClientEvents,
  clock: Clock = realClock,
  options?: RunLoopOptions,
): SimClient {
  let alive = true;
  const loop = createRunLoop(
    (message) => {
      queueMicrotask(() => {
        if (alive) events.onMessage(message);
      });
    },
    clock,
    options,
  );
  return {
    post(message) {
      queueMicrotask(() => {
        if (!alive) return;
        try {
          loop.handle(message);
        } catch (error) {
          events.onError(errorMessage(error));
        }
      });
    },
    terminate() {
      alive = false;
      loop.dispose();
    },
  };
}
