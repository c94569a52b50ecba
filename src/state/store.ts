/**
 * The app's store: a factory (so tests and, later, compare mode get their own) composing the
 * slices at the root. No middleware is needed; it would go here.
 */

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Scenario } from '../scenario';
import {
  createCompareSlice,
  createPlaybackSlice,
  createRunSlice,
  createScenarioSlice,
  createTeachSlice,
  createViewSlice,
  type AppState,
} from './slices';

export type { AppState } from './slices';
export type AppStore = StoreApi<AppState>;

export function createAppStore(scenario?: Scenario): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createScenarioSlice(scenario)(...a),
    ...createPlaybackSlice(...a),
    ...createRunSlice(...a),
    ...createViewSlice(...a),
    ...createTeachSlice(...a),
    ...createCompareSlice(...a),
  }));
}
