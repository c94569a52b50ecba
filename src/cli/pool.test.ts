import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/params';
import { runReports } from './pool';
import { sweepRow } from '../scenario/analysis/sweepRows';

// A sweep's jobs as runSweep lays them out: every shock runs the same seeds, so each seed's
// population is shared by three grid points.
const shocks = [-2, -6, -10];
const seeds = [1, 2, 3];
const jobs = shocks.flatMap((shock) =>
  seeds.map((seed) => ({ ...defaultScenario(), positions: 800, steps: 120, shock, seed })),
);
const rows = (reports: Awaited<ReturnType<typeof runReports>>) =>
  shocks.map((shock, i) =>
    sweepRow({ shock }, reports.slice(i * seeds.length, (i + 1) * seeds.length), 0.05),
  );

describe('run pool', () => {
  it('gives the same reports and sweep rows with and without the population cache', async () => {
    const fresh = await runReports(jobs, { threads: 1, reusePopulations: false });
    const cached = await runReports(jobs, { threads: 1 });
    const workers = await runReports(jobs, { threads: 2 });
    expect(cached).toStrictEqual(fresh);
    expect(workers).toStrictEqual(fresh);
    expect(rows(cached)).toStrictEqual(rows(fresh));
    // Not trivially equal: the shocks do change the runs.
    expect(fresh[0].maxDrawdown).not.toBe(fresh[6].maxDrawdown);
  });
});
