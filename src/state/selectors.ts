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
export const selectAdjustment = (s: AppState) => s.adjustment;
/**
 * Whether the frames and run info on screen are an older run's than the scenario's: while a new
 * run is set up, and after its set-up failed. Its step and length are not the new run's then.
 */
export const selectIsStale = (s: AppState) => s.readyGeneration !== s.generation;
/** Whether a new run is being set up. */
export const selectIsLoading = (s: AppState) => s.phase === 'loading';
/** Length of the run: the loaded run's, or the scenario's while its run is not there yet. */
export const selectTotalSteps = (s: AppState) =>
  selectIsStale(s) ? s.scenario.steps : (s.info?.steps ?? s.scenario.steps);
/** The step the counter shows, or null while the frames are an older run's. */
export const selectShownStep = (s: AppState) => (selectIsStale(s) ? null : selectStep(s));
export const selectIsPlaying = (s: AppState) => s.status === 'playing';
/** The step the view is held at, or null when it follows the run live. */
export const selectViewStep = (s: AppState) => s.viewStep;
/**
 * The last step the charts and figures show: the held step, or the newest one live (-1 while
 * there is none, or the frames are an older run's).
 */
export const selectShownMinute = (s: AppState) =>
  selectIsStale(s) ? -1 : (s.viewStep ?? selectStep(s) - 1);
/** The minute the price readout reads: under the pointer, else the one shown (-1: none). */
export const selectReadoutMinute = (s: AppState) => {
  const shown = selectShownMinute(s);
  return shown < 0 || s.hoverStep === null ? shown : Math.min(s.hoverStep, shown);
};
