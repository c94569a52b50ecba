/**
 * The app's end of the protocol: a client that posts {@link SimRequest}s and hands back
 * {@link SimResponse}s. The run loop runs in a Web Worker; where there are no module workers it
 * runs on this thread instead (loaded on demand, so the engine stays out of the page's bundle).
 */

import simWorkerUrl from 'virtual:sim-worker-url';
import { errorMessage } from '../shared/errorMessage';
import type { SimRequest, SimResponse } from './protocol';
import type { SimClient, SimClientEvents } from './simClient';

export type { SimClient, SimClientEvents } from './simClient';

/** Runs the loop in a Web Worker; frames arrive as transferred buffers. */
export function createWorkerClient(events: SimClientEvents): SimClient {
  // A chunk of the app's build (scripts/simWorkerChunk.ts), sharing the engine with the fallback.
  const worker = new Worker(simWorkerUrl, {
    type: 'module',
    name: 'cascade-lab-sim',
  });
  worker.onmessage = (event: MessageEvent<SimResponse>) => events.onMessage(event.data);
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    const where = event.filename ? ` (${event.filename}:${event.lineno})` : '';
    events.onError(`${event.message || 'The simulation worker failed to start'}${where}`);
  };
  worker.onmessageerror = () =>
    events.onError('A message from the simulation worker could not be read');
  return {
    post: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
  };
}

/** The in-process loop, imported when first needed; messages wait for it in order. */
function createLazyInProcessClient(events: SimClientEvents): SimClient {
  let client: SimClient | null = null;
  let queue: SimRequest[] | null = [];
  let terminated = false;
  import('./inProcess').then(
    ({ createInProcessClient }) => {
      if (terminated) return;
      client = createInProcessClient(events);
      for (const m of queue ?? []) client.post(m);
      queue = null;
    },
    (error: unknown) => events.onError(errorMessage(error)),
  );
  return {
    post: (message) => (client ? client.post(message) : queue?.push(message)),
    terminate() {
      terminated = true;
      client?.terminate();
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
  return createLazyInProcessClient(events);
}
