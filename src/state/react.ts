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
 * Listens to `store`, calling `listener` at most once per `ms` (and once more after the last
 * change, so the final value always shows).
 */
export function throttledSubscribe(
  store: AppStore,
  ms: number,
  listener: () => void,
  now: () => number = () => performance.now(),
): () => void {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    last = now();
    listener();
  };
  const unsubscribe = store.subscribe(() => {
    if (timer !== null) return;
    const wait = last + ms - now();
    if (wait <= 0) fire();
    else timer = setTimeout(fire, wait);
  });
  return () => {
    if (timer !== null) clearTimeout(timer);
    unsubscribe();
  };
}

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
