/**
 * Time and timers, injectable so the run loop and the controller can be tested on a hand-driven
 * clock (fakeClock.ts) instead of the wall clock.
 */

/** Timers only: what code that waits, but never reads the time, needs. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Timers plus the time in ms (any origin; only differences are used). */
export interface Clock extends Timers {
  now(): number;
}

export const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (cb, ms) => setTimeout(cb, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};
