/** Module-level selectors, so components subscribe to stable functions of the slices they draw. */

import type { AppState } from './slices';

export const selectScenario = (s: AppState) => s.scenario;
export const selectStatus = (s: AppState) => s.status;
export const selectSpeed = (s: AppState) => s.speed;
/** Steps shown so far: the rows of the history (which grows in place; framesVersion signals it). */
export const selectStep = (s: AppState) => s.frames?.count ?? 0;
export const selectPhase = (s: AppState) => s.phase;
export const selectReport = (s: AppState) => s.report;
export const selectError = (s: AppState) => s.error;
export const selectNotice = (s: AppState) => s.notice;
/** Length of the run on screen: the loaded run's, or the scenario's while it loads. */
export const selectTotalSteps = (s: AppState) => s.info?.steps ?? s.scenario.steps;
export const selectIsPlaying = (s: AppState) => s.status === 'playing';
