import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/params';
import { BUCKET_COLUMNS, EVENT, SCALAR_COLUMNS, type FrameBatch } from './frame';
import { runScenario } from './run';
import { SCRIPTABLE, scheduleChanges, type ScriptedChange } from './script';
import type { Scenario } from './types';

const BASE: Scenario = {
  ...defaultScenario(),
  seed: 5,
  positions: 2000,
  steps: 90,
  leverage: 15,
  shock: -8,
  shockStep: 30,
  shockSteps: 5,
};
const AT = 50;

const run = (changes?: readonly ScriptedChange[]) => runScenario({ ...BASE, changes }).frames;

/** The first row where any column of `a` and `b` differs, or -1. */
function firstDifference(a: FrameBatch, b: FrameBatch): number {
  for (let r = 0; r < a.count; r++) {
    for (const c of SCALAR_COLUMNS) {
      if (c === 'events') continue; // the change's own flag
      if (!Object.is(a.scalars[c][r], b.scalars[c][r])) return r;
    }
    const n = a.bucketCount;
    for (const c of BUCKET_COLUMNS) {
      for (let i = r * n; i < (r + 1) * n; i++)
        if (!Object.is(a.buckets[c][i], b.buckets[c][i])) return r;
    }
  }
  return -1;
}

describe('scripted changes', () => {
  const plain = run();

  it('makers pulling half their depth changes the run from that step on, not before', () => {
    const pulled = run([{ step: AT, param: 'liquidity', factor: 0.5 }]);
    expect(firstDifference(plain, pulled)).toBe(AT);
    const s = pulled.scalars;
    // Half the makers' target is cancelled at once: about half the resting bids go at the step,
    // and depletion (against the scenario's baseline, not the new target) rises.
    expect(s.bidDepth[AT]).toBeLessThan(0.55 * plain.scalars.bidDepth[AT]);
    expect(s.bidDepth[AT - 1]).toBe(plain.scalars.bidDepth[AT - 1]);
    expect(s.depletion[AT]).toBeGreaterThan(plain.scalars.depletion[AT] + 0.05);
    // The ghost market is the same market: it sees the change too.
    expect(s.ghost[AT + 5]).not.toBe(plain.scalars.ghost[AT + 5]);
  });

  it('flags exactly the step a change applies at', () => {
    const frames = run([
      { step: AT, param: 'liquidity', factor: 0.5 },
      { step: AT + 10, param: 'noise', factor: 2 },
    ]);
    const flagged: number[] = [];
    for (let r = 0; r < frames.count; r++)
      if (frames.scalars.events[r] & EVENT.CHANGE) flagged.push(frames.scalars.step[r]);
    expect(flagged).toEqual([AT, AT + 10]);
    for (let r = 0; r < plain.count; r++) expect(plain.scalars.events[r] & EVENT.CHANGE).toBe(0);
  });

  it.each(SCRIPTABLE.map((p) => [p]))('a change of %s applies at its step', (param) => {
    const factor = param === 'index' ? 0.95 : 3;
    const changed = run([{ step: AT, param, factor }]);
    const first = firstDifference(plain, changed);
    // At the step itself, or (a refill rate met by a full book) once it matters; never before.
    expect(first).toBeGreaterThanOrEqual(AT);
    expect(first).toBeLessThan(AT + 15);
  });

  it('moves the index by the factor at the step (a second shock)', () => {
    const changed = run([{ step: AT, param: 'index', factor: 0.9 }]);
    const jump = changed.scalars.index[AT] / plain.scalars.index[AT];
    expect(jump).toBeGreaterThan(0.88);
    expect(jump).toBeLessThan(0.92);
  });

  it('factors compound: ×0.5 then ×2 gives the makers their depth back', () => {
    const frames = run([
      { step: AT, param: 'liquidity', factor: 0.5 },
      { step: AT + 1, param: 'liquidity', factor: 2 },
    ]);
    // Back to the full target: the book refills towards the plain run's depth.
    expect(frames.scalars.depletion[AT + 20]).toBeLessThan(frames.scalars.depletion[AT] - 0.2);
  });

  it('ignores what it cannot apply, so an untrusted scenario runs as without it', () => {
    const bad = [
      { step: BASE.steps, param: 'liquidity', factor: 0.5 },
      { step: -1, param: 'liquidity', factor: 0.5 },
      { step: 1.5, param: 'liquidity', factor: 0.5 },
      { step: AT, param: 'leverage', factor: 2 },
      { step: AT, param: 'liquidity', factor: 0 },
      { step: AT, param: 'index', factor: 3 },
      { step: AT, param: 'noise', factor: Number.NaN },
      null,
    ] as unknown as ScriptedChange[];
    expect(scheduleChanges(bad, BASE.steps)).toBeNull();
    expect(scheduleChanges('70:liquidity*0.5' as never, BASE.steps)).toBeNull();
    expect(firstDifference(plain, run(bad))).toBe(-1);
    expect(firstDifference(plain, run([]))).toBe(-1);
  });
});
