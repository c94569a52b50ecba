/**
 * The app's end of the protocol: a client that posts {@link SimRequest}s and hands back
 * {@link SimResponse}s. Normally the run loop runs in a Web Worker; where workers are missing,
 * the same loop runs in-process (and tests use that with a fake clock).
 */

import { errorMessage, type SimRequest, type SimResponse } from './protocol';
import { createRunLoop, realClock, type LoopClock, type RunLoopOptions } from './runLoop';

export interface SimClient {
  post(message: SimRequest): void;
  /** Stops the worker (or loop) for good. */
  terminate(): void;
}

export interface SimClientEvents {
  onMessage(message: SimResponse): void;
  /** The worker itself failed (did not load, threw outside a handler, sent unreadable data). */
  onError(message: string): void;
}

/** Runs the loop in a Web Worker; frames arrive as transferred buffers. */
export function createWorkerClient(events: SimClientEvents): SimClient {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), {
    type: 'module',
    name: 'cascade-lab-sim',
  });
  worker.onmessage = (event: MessageEvent<SimResponse>) => events.onMessage(event.data);
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    const where = event.filename ? ` (${event.filename}:${event.lineno})` : '';
    events.onError(`${event.message || 'The simulation worker failed to start'}${where}`);
  };
  worker.onmessageerror = () => events.onError('A message from the simulation worker was unreadable');
  return {
    post: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
  };
}

/**
 * Runs the loop on this thread. Messages go both ways asynchronously, as with a worker, so the
 * caller never re-enters itself.
 */
export function createInProcessClient(
  events: SimClientEvents,
  clock: LoopClock = realClock,
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

/** A worker if this browser has them, the in-process loop otherwise. */
export function createSimClient(events: SimClientEvents): SimClient {
  if (typeof Worker === 'function') {
    try {
      return createWorkerClient(events);
    } catch {
      // e.g. a browser that refuses module workers: fall through
    }
  }
  return createInProcessClient(events);
}
