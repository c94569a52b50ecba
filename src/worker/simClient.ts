/**
 * What the app holds of a simulation, wherever its loop runs: the worker client (client.ts) and
 * the in-process fallback (inProcess.ts) both implement it. Its own file so neither imports the
 * other.
 */

import type { SimRequest, SimResponse } from './protocol';

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
