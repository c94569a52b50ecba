import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from '../scenario/arbitrary';
import { defaultScenario } from '../scenario/params';
import { runReport, runScenario } from './run';
import type { RunReport } from './report';

/** Keys whose values differ, compared with Object.is (so -0 and NaN count), lists entry by entry. */
function differences(a: RunReport, b: RunReport): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof RunReport>;
  const same = (x: unknown, y: unknown): boolean =>
    Array.isArray(x) && Array.isArray(y)
      ? x.length === y.length && x.every((v, i) => Object.is(v, y[i]))
      : Object.is(x, y);
  return [...keys].filter((k) => !same(a[k], b[k]));
}

/** Small enough to run a few dozen times on a busy machine. */
const smallScenario = scenarioArbitrary().map((s) => ({
  ...s,
  positions: Math.min(s.positions, 2_000),
  steps: Math.min(s.steps, 120),
  shockStep: Math.min(s.shockStep, 80),
}));

describe('the report-only run (runReport)', () => {
  it('gives the full run’s report bit for bit, across random scenarios', () => {
    fc.assert(
      fc.property(smallScenario, (s) => {
        expect(differences(runReport(s), runScenario(s).report)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('gives the full run’s report for the default scenario, cascade included', () => {
    const s = { ...defaultScenario(), positions: 5_000, steps: 300 };
    const full = runScenario(s).report;
    expect(full.cascadeStart).toBeGreaterThanOrEqual(0);
    expect(differences(runReport(s), full)).toEqual([]);
  });
});
