import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultScenario } from '../scenario';
import { throttledSubscribe } from './react';
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
