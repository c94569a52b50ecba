/**
 * The typed protocol between the app and the simulation worker.
 *
 * Bump PROTOCOL_VERSION whenever a message's shape changes, so a stale worker
 * (e.g. a cached bundle) is detected instead of misreading frames. The message
 * types themselves are added with the worker entry (`*.worker.ts`).
 */
export const PROTOCOL_VERSION = 1;
