import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultScenario } from '../scenario';
import { THROTTLE_GRID_MS, throttledSubscribe } from './react';
import { createAppStore } from './store';

afterEach(() => vi.useRealTimers());

describe('throttled subscription', () => {
  it('calls the listener at most once per interval, and once more after the last change', () => {
    vi.useFakeTimers();
    const store = createAppStore(defaultScenario());
    let now = 1000;
    const calls: number[] = [];
    const stop = throttledSubscribe(
      store,
      100,
      () => calls.push(now),
      () => now,
    );
    const change = () => store.getState().setSpeed(store.getState().speed === 5 ? 15 : 5);

    change(); // the first change shows at once
    expect(calls).toEqual([1000]);
    for (let i = 0; i < 5; i++) {
      now += 10;
      change(); // within the interval: waits
    }
    expect(calls).toEqual([1000]);
    now = 1100;
    vi.advanceTimersByTime(100); // the trailing call, so the last value shows
    expect(calls).toEqual([1000, 1100]);
    now = 1150;
    change();
    now = 1200;
    vi.advanceTimersByTime(50);
    expect(calls).toEqual([1000, 1100, 1200]);

    now = 1210;
    change(); // a change waiting when it unsubscribes is never delivered
    stop();
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual([1000, 1100, 1200]);
  });
});

describe('throttled subscriptions together', () => {
  it('calls the listeners due at one grid time in one timer task, never before their interval', () => {
    vi.useFakeTimers();
    const store = createAppStore(defaultScenario());
    let now = 1000;
    const calls: string[] = [];
    const clock = () => now;
    const stops = [
      throttledSubscribe(store, 100, () => calls.push(`a@${now}`), clock),
      throttledSubscribe(store, 125, () => calls.push(`b@${now}`), clock),
      throttledSubscribe(store, 150, () => calls.push(`c@${now}`), clock),
    ];
    const change = () => store.getState().setSpeed(store.getState().speed === 5 ? 15 : 5);

    change(); // the first change shows at once, in every listener
    expect(calls).toEqual(['a@1000', 'b@1000', 'c@1000']);
    calls.length = 0;
    now = 1016;
    change();
    // a is due at 1100; b at 1125 and c at 1150 share the grid time 1150: two timers, not three.
    expect(THROTTLE_GRID_MS).toBe(50);
    expect(vi.getTimerCount()).toBe(2);
    now = 1100;
    vi.advanceTimersByTime(84);
    expect(calls).toEqual(['a@1100']);
    now = 1150;
    vi.advanceTimersByTime(50);
    expect(calls).toEqual(['a@1100', 'b@1150', 'c@1150']);
    expect(vi.getTimerCount()).toBe(0);

    for (const stop of stops) stop();

    // One listener that throws does not keep the others due with it from being called.
    now = 2000;
    const order: string[] = [];
    const failing = throttledSubscribe(
      store,
      100,
      () => {
        order.push('x');
        if (now > 2000) throw new Error('listener failed');
      },
      clock,
    );
    const after = throttledSubscribe(store, 100, () => order.push('y'), clock);
    change(); // both at once
    now = 2010;
    change(); // both due at 2100, the failing one first
    now = 2100;
    expect(() => vi.advanceTimersByTime(100)).toThrow('listener failed');
    expect(order).toEqual(['x', 'y', 'x', 'y']);
    failing();
    after();
  });
});
