/**
 * Which presets are episodes, and how far a what-if may stray and still be compared with one:
 * all the page needs to know before it loads the reported figures (episodes.ts, on demand).
 */

import { PARAM_KEYS, type ParamKey, type Scenario } from './params';
import { findPreset } from './presets';

/** The episode presets, in the order of `EPISODES` (a test holds the two lists equal). */
export const EPISODE_PRESETS = ['march-2020', 'may-2021', 'october-2025'] as const;

/** Most values a scenario may change from an episode's and still be compared with it. */
export const MAX_CHANGED = 3;

/** The values a scenario changes from an episode preset's. */
export function changedFrom(preset: string, scenario: Scenario): ParamKey[] | undefined {
  const p = findPreset(preset);
  return p && PARAM_KEYS.filter((key) => p.scenario[key] !== scenario[key]);
}

/** Whether the scenario is an episode, or a what-if of one with a few values changed. */
export const isNearEpisode = (scenario: Scenario): boolean =>
  EPISODE_PRESETS.some((name) => (changedFrom(name, scenario)?.length ?? Infinity) <= MAX_CHANGED);
