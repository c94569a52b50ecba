import type { FrameBatch, RunInfo } from '../../engine/frame';
import { addStepBurns, createStepBurns, type StepBurns } from '../heatmapBurns';

/** All of a batch's step burns at once, as the chart accumulates them batch by batch. */
export function stepBurnsOf(frames: FrameBatch, info: RunInfo): StepBurns {
  const acc = createStepBurns(info);
  addStepBurns(acc, frames, info);
  return acc;
}
