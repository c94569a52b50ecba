import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/params';
import { BUCKET_COLUMNS, SCALAR_COLUMNS, bucketRow, createFrameBatch } from './frame';
import { createSimulation, runScenario } from './run';

const scenario = { ...defaultScenario(), positions: 4_000, steps: 80, shockStep: 10 };

const sum = (a: Float32Array): number => a.reduce((x, y) => x + y, 0);

describe('the snapshot before step 0', () => {
  it('holds the fuel, the makers’ first book and the start price, and no event', () => {
    const sim = createSimulation(scenario);
    const out = createFrameBatch(1, sim.info.bucketCount);
    sim.snapshot(out, 0);
    expect(out.count).toBe(1);
    const s = out.scalars;
    expect(s.step[0]).toBe(0);
    expect(s.close[0]).toBe(scenario.price);
    expect(s.events[0]).toBe(0);
    expect(s.liqLong[0] + s.liqShort[0]).toBe(0);
    expect(s.depletion[0]).toBeLessThan(0.01);
    expect(s.bidDepth[0]).toBeGreaterThan(0);
    expect(s.askDepth[0]).toBeGreaterThan(0);
    // Every position's liquidation price sits on the grid as fuel; nothing has burnt yet.
    expect(sum(bucketRow(out, 'predicted', 0))).toBeGreaterThan(0.5 * sim.info.openInterest);
    expect(sum(bucketRow(out, 'realised', 0))).toBe(0);
    expect(sum(bucketRow(out, 'bid', 0))).toBeGreaterThan(0);
    expect(sum(bucketRow(out, 'baseline', 0))).toBeGreaterThan(0);
  });

  it('changes nothing of the run: its frames are the same bits as a run without it', () => {
    const plain = runScenario(scenario);
    const sim = createSimulation(scenario);
    const frames = createFrameBatch(scenario.steps, sim.info.bucketCount);
    const scratch = createFrameBatch(1, sim.info.bucketCount);
    for (let row = 0; row < scenario.steps; row++) {
      sim.snapshot(scratch, 0);
      sim.step(frames, row);
    }
    for (const c of SCALAR_COLUMNS) expect(frames.scalars[c], c).toEqual(plain.frames.scalars[c]);
    for (const c of BUCKET_COLUMNS) expect(frames.buckets[c], c).toEqual(plain.frames.buckets[c]);
    expect(sim.report()).toEqual(plain.report);
  });
});
