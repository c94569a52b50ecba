import { describe, expect, it } from 'vitest';
import { runReport } from '../engine/run';
import { compareReports } from '../scenario/analysis/paired';
import { defaultScenario } from '../scenario/params';
import { PAIRED_SEEDS, pairedComparison } from './pairedRun';

/** Small markets, so 2 × 32 runs take a moment on this thread (no workers under node). */
const a = { ...defaultScenario(), positions: 200, steps: 40, shock: -6 };
const b = { ...a, leverage: a.leverage / 2 };

describe('paired over 32 seeds', () => {
  it('is sim compare of A and B on seeds 1–32, with progress to the last run', async () => {
    const progress: number[] = [];
    const c = await pairedComparison(a, b, { onProgress: (done) => progress.push(done) });
    const seeds = Array.from({ length: PAIRED_SEEDS }, (_, i) => i + 1);
    const expected = compareReports(
      seeds.map((seed) => runReport({ ...a, seed })),
      seeds.map((seed) => runReport({ ...b, seed })),
    );
    expect(c).toEqual(expected);
    expect(c.seeds).toBe(32);
    expect(progress.at(-1)).toBe(2 * PAIRED_SEEDS);
  });

  it('stops when cancelled', async () => {
    const abort = new AbortController();
    const run = pairedComparison(a, b, {
      signal: abort.signal,
      onProgress: (done) => done === 3 && abort.abort(),
    });
    await expect(run).rejects.toThrow(/cancelled/);
  });
});
