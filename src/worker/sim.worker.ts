/**
 * The simulation worker: a thin switch from messages to the run loop. Everything it posts is a
 * {@link SimResponse}; frame buffers are transferred, never copied.
 */

import { createRunLoop } from './runLoop';
import { errorMessage } from '../shared/errorMessage';
import type { SimRequest, SimResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const loop = createRunLoop((message: SimResponse, transfer) => self.postMessage(message, transfer));

self.onmessage = (event: MessageEvent<SimRequest>) => loop.handle(event.data);

// Errors the loop could not catch (e.g. in a timer) still reach the app as a message.
self.onerror = (event) => {
  const message = typeof event === 'string' ? event : errorMessage(event.error ?? event.message);
  self.postMessage({ type: 'error', runId: '', generation: -1, message } satisfies SimResponse);
};

// So do promises rejected with no handler (they would only reach the page's console).
self.onunhandledrejection = (event) => {
  event.preventDefault();
  const message = errorMessage(event.reason);
  self.postMessage({ type: 'error', runId: '', generation: -1, message } satisfies SimResponse);
};
