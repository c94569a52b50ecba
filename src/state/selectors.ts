/** Module-level selectors, so components subscribe to stable functions of the slices they draw. */

import { COMPARE_RUN, PRIMARY_RUN, lockstepCount, type AppState, type RunState } from './slices';

/** The runs shown beside the primary one (B in compare mode), whose state is only in `runs`. */
const otherRuns = (s: AppState): RunState[] =>
  Object.entries(s.runs)
    .filter(([id]) => id !== PRIMARY_RUN)
    .map(([, run]) => run);

export const selectScenario = (s: AppState) => s.scenario;
export const selectStatus = (s: AppState) => s.status;
export const selectSpeed = (s: AppState) => s.speed;
/** Steps shown so far: the rows of the history (which grows in place; framesVersion signals it). */
export const selectStep = (s: AppState) => lockstepCount(s);
export const selectPhase = (s: AppState) => s.phase;
export const selectReport = (s: AppState) => s.report;
export const selectError = (s: AppState) => s.error;
export const selectNotice = (s: AppState) => s.notice;
export const selectAdjustment = (s: AppState) => s.adjustment;
/**
 * Whether the frames and run info on screen are an older run's than the scenario's: while a new
 * run is set up, and after its set-up failed. Its step and length are not the new run's then.
 */
export const selectIsStale = (s: AppState) =>
  s.readyGeneration !== s.generation ||
  otherRuns(s).some((run) => run.readyGeneration !== run.generation);
/** Whether a new run is being set up. */
export const selectIsLoading = (s: AppState) =>
  s.phase === 'loading' || otherRuns(s).some((run) => run.phase === 'loading');
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
export const selectCompare = (s: AppState) => s.compare;
export const selectIsComparing = (s: AppState) => s.compare !== null;
/** Compare mode's run B, or null (none outside compare mode). */
export const selectCompareRun = (s: AppState): RunState | null => s.runs[COMPARE_RUN] ?? null;

const runSelectors = new Map<string, (s: AppState) => RunState | null>();
/** One run's state by id (memoised per id, so it is a stable module-level selector). */
export function selectRun(id: string): (s: AppState) => RunState | null {
  let select = runSelectors.get(id);
  if (!select) {
    select = (s: AppState) => s.runs[id] ?? null;
    runSelectors.set(id, select);
  }
  return select;
}
