/**
 * React's view of the store. Components subscribe to the slices they draw with
 * {@link useAppStore}; panels whose numbers change with every batch use
 * {@link useThrottledAppStore}, so a fast run re-renders them a few times a second, not per step.
 * Charts do not use hooks at all: ChartHost subscribes to the store directly.
 */

import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { Controller } from './controller';
import type { AppState, AppStore } from './store';

export interface AppServices {
  store: AppStore;
  controller: Controller;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp needs an <AppContext> provider');
  return app;
}

export function useController(): Controller {
  return useApp().controller;
}

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useApp().store, selector);
}

/**
 * Trailing calls of throttled listeners fall on this grid (ms of `now()`), and all those due at
 * one grid time run in one task: while a run streams, the figures, gauge, scrubber and event log
 * then re-render together in one React commit (and one style and layout of the page) a few times
 * a second, instead of each on its own timer, a commit and a layout each.
 */
export const THROTTLE_GRID_MS = 50;

/** Trailing calls waiting, by clock and then by the grid time they are due at. */
const pulses = new WeakMap<() => number, Map<number, Set<() => void>>>();

/** Runs `fire` at grid time `due` with every other call due then; returns a cancel. */
function atGridTime(now: () => number, due: number, fire: () => void): () => boolean {
  let byDue = pulses.get(now);
  if (!byDue) pulses.set(now, (byDue = new Map()));
  let calls = byDue.get(due);
  if (!calls) {
    const dueNow = new Set<() => void>();
    byDue.set(due, (calls = dueNow));
    const run = () => {
      byDue.delete(due);
      // Every call runs, even after one throws (a listener left waiting would never be called).
      let failure: { error: unknown } | null = null;
      for (const call of dueNow) {
        try {
          call();
        } catch (error) {
          failure ??= { error };
        }
      }
      if (failure) throw failure.error;
    };
    setTimeout(run, Math.max(0, due - now()));
  }
  const waiting = calls;
  waiting.add(fire);
  return () => waiting.delete(fire);
}

/**
 * Listens to `store`, calling `listener` at most once per `ms` (and once more after the last
 * change, so the final value always shows). A call that waits is made at the next time on the
 * shared grid ({@link THROTTLE_GRID_MS}), with the other listeners due then.
 */
export function throttledSubscribe(
  store: AppStore,
  ms: number,
  listener: () => void,
  now: () => number = defaultNow,
): () => void {
  let last = -Infinity;
  let cancel: (() => boolean) | null = null;
  const fire = () => {
    cancel = null;
    last = now();
    listener();
  };
  const unsubscribe = store.subscribe(() => {
    if (cancel !== null) return;
    const t = now();
    if (last + ms <= t) fire();
    else
      cancel = atGridTime(now, Math.ceil((last + ms) / THROTTLE_GRID_MS) * THROTTLE_GRID_MS, fire);
  });
  return () => {
    cancel?.();
    cancel = null;
    unsubscribe();
  };
}

const defaultNow = () => performance.now();

/** Like useAppStore, but re-renders at most once per `ms`. The selector must return stable values. */
export function useThrottledAppStore<T>(selector: (state: AppState) => T, ms = 125): T {
  const { store } = useApp();
  const subscribe = useCallback(
    (listener: () => void) => throttledSubscribe(store, ms, listener),
    [store, ms],
  );
  const snapshot = () => selector(store.getState());
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
