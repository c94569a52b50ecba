/**
 * The live criticality gauge's figures over the frames so far (up to the step shown): the
 * endogenous share and branching ratio of the causal, per-step attribution (the frame column
 * `liqExogenous`: the part of each step's take-overs the counterfactual had breached by then),
 * and the share the shock alone would have caused. model.md, "Criticality".
 */

import { branchingRatio, endogenousShare } from '../engine/criticality';
import type { FrameBatch } from '../engine/frame';

export interface Gauge {
  liquidated: number;
  endogenousShare: number;
  branchingRatio: number;
  shockAloneShare: number;
}

/** The gauge over the first `steps` rows of a run's history (which starts at step 0). */
export function gaugeFromFrames(frames: FrameBatch, steps: number): Gauge {
  const n = Math.max(0, Math.min(steps, frames.count));
  const { liqLong, liqShort, liqExogenous } = frames.scalars;
  const waves = new Float64Array(n);
  const endogenous = new Float64Array(n);
  let liquidated = 0;
  let exogenous = 0;
  for (let t = 0; t < n; t++) {
    waves[t] = liqLong[t] + liqShort[t];
    const exo = Math.min(liqExogenous[t], waves[t]);
    endogenous[t] = waves[t] - exo;
    liquidated += waves[t];
    exogenous += exo;
  }
  return {
    liquidated,
    endogenousShare: endogenousShare(liquidated - exogenous, liquidated),
    branchingRatio: branchingRatio(waves, endogenous, n),
    shockAloneShare: liquidated > 0 ? exogenous / liquidated : 0,
  };
}
