import { describe, expect, it } from 'vitest';
import { createFrameBatch } from '../engine/frame';
import { gaugeFromFrames } from './criticalityGauge';

/** A history of `waves` liquidated per step (longs), `exo` of each the shock alone breached. */
function history(waves: number[], exo: number[]) {
  const b = createFrameBatch(waves.length, 1, 0);
  waves.forEach((w, t) => {
    b.scalars.liqLong[t] = w;
    b.scalars.liqExogenous[t] = exo[t];
  });
  b.count = waves.length;
  return b;
}

describe('criticality gauge', () => {
  it('reads the shares and the branching ratio of the steps so far', () => {
    // Step 0: 10, all from the shock; step 1: 20, 5 from the shock; step 2: 5, none.
    const b = history([10, 20, 5], [10, 5, 0]);
    const all = gaugeFromFrames(b, 3);
    expect(all.liquidated).toBe(35);
    expect(all.shockAloneShare).toBeCloseTo(15 / 35, 12);
    expect(all.endogenousShare).toBeCloseTo(20 / 35, 12);
    // Growth phase: step 0 is the parent, step 1's 15 endogenous its children.
    expect(all.branchingRatio).toBeCloseTo(15 / 10, 12);
    const first = gaugeFromFrames(b, 1);
    expect(first).toEqual({
      liquidated: 10,
      endogenousShare: 0,
      branchingRatio: 0,
      shockAloneShare: 1,
    });
  });

  it('reads zeros before any liquidation', () => {
    expect(gaugeFromFrames(history([0, 0], [0, 0]), 2)).toEqual({
      liquidated: 0,
      endogenousShare: 0,
      branchingRatio: 0,
      shockAloneShare: 0,
    });
  });
});
