/** A hand-driven clock for run-loop and controller tests: time moves only when `advance` is called. */

import type { Clock } from './clock';

export interface FakeClock extends Clock {
  /** Moves time forward by `ms`, firing due timers in order (and those they set). */
  advance(ms: number): void;
  /** Makes each `now()` call move time forward by `ms` (a slow simulation). */
  costPerCall: number;
  readonly pending: number;
}

export function createFakeClock(): FakeClock {
  let time = 0;
  let next = 1;
  const timers = new Map<number, { at: number; cb: () => void }>();
  const clock: FakeClock = {
    costPerCall: 0,
    now() {
      time += clock.costPerCall;
      return time;
    },
    setTimeout(cb, ms) {
      const id = next++;
      timers.set(id, { at: time + ms, cb });
      return id;
    },
    clearTimeout(h) {
      timers.delete(h as number);
    },
    advance(ms) {
      const end = time + ms;
      for (;;) {
        let due: [number, { at: number; cb: () => void }] | null = null;
        for (const entry of timers)
          if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
        if (!due) break;
        timers.delete(due[0]);
        time = Math.max(time, due[1].at);
        due[1].cb();
      }
      time = Math.max(time, end);
    },
    get pending() {
      return timers.size;
    },
  };
  return clock;
}
