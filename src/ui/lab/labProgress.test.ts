import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../engine/report';
import { runReport } from '../../engine/run';
import { defaultScenario } from '../../scenario';
import { labRows, planLab } from '../../scenario/analysis/labGrid';
import { criticalShocks } from '../../scenario/analysis/sweepRows';
import { createLabProgress } from './labProgress';

const base = runReport({ ...defaultScenario(), positions: 200, steps: 10 });
/** A report whose cascade depends on the run: about half the runs of a band cascade. */
const fakeReport = (i: number): RunReport => ({
  ...base,
  endogenousShare: 1,
  oiLiquidatedShare: ((i * 7919) % 13) / 100,
  amplification: i,
});

/** A fixed shuffle of 0..n-1 (finishing order on a pool). */
function shuffled(n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = (i * 31 + 7) % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

describe('lab progress', () => {
  it('builds the same rows and critical shocks as the whole sweep, whatever the finishing order', () => {
    const plan = planLab('-1:-6:1', 'leverage', '5,10,20', 4);
    if (!plan.ok) throw new Error(plan.message);
    const p = plan.value;
    const total = p.points.length * p.seeds.length;
    const reports = Array.from({ length: total }, (_, i) => fakeReport(i));
    const progress = createLabProgress(p, 0.05);
    for (const i of shuffled(total)) progress.add(i, reports[i]);
    const rows = labRows(p, reports, 0.05);
    expect(progress.rows).toEqual(rows);
    const critical = criticalShocks(rows, p.names).filter((c) => c.direction === 'down');
    expect(critical).toHaveLength(3);
    expect(progress.critical()).toEqual(critical);
  });

  it('fills a row once all its seeds are in, and a band critical shock once its cells are', () => {
    const plan = planLab('-1,-2', 'leverage', '5,10', 2);
    if (!plan.ok) throw new Error(plan.message);
    const progress = createLabProgress(plan.value, 0.05);
    // The second band (leverage 10) first: its runs are 4..7.
    progress.add(4, fakeReport(4));
    expect(progress.rows[2]).toBeNull();
    progress.add(5, fakeReport(5));
    expect(progress.rows[2]).not.toBeNull();
    progress.add(5, fakeReport(99)); // a duplicate is ignored
    expect(progress.rows[2]?.figures.amplification.mean).toBe(4.5);
    expect(progress.critical()).toEqual([]);
    progress.add(7, fakeReport(7));
    progress.add(6, fakeReport(6));
    expect(progress.critical().map((c) => c.point)).toEqual([{ leverage: 10 }]);
    for (const i of [0, 1, 2, 3]) progress.add(i, fakeReport(i));
    expect(progress.critical().map((c) => c.point)).toEqual([{ leverage: 5 }, { leverage: 10 }]);
  });

  it('keeps a rise critical shock only on a grid of rises, as a 1-D sweep', () => {
    const plan = planLab('1,2,3', null, '', 2);
    if (!plan.ok) throw new Error(plan.message);
    const progress = createLabProgress(plan.value, 0.05);
    for (let i = 0; i < 6; i++) progress.add(i, fakeReport(i));
    expect(progress.critical().map((c) => c.direction)).toEqual(['up']);
  });
});
