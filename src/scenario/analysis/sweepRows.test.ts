import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../engine/report';
import { compareReports } from './paired';
import { cascaded, criticalJson, criticalShocks, rowJson, sweepRow } from './sweepRows';

/** A report with only the figures a sweep reads set. */
const report = (over: Partial<RunReport>) =>
  ({
    direction: 'down',
    oiLiquidatedShare: 0,
    amplification: 1,
    endogenousShare: 0,
    maxDrawdown: 0,
    branchingRatio: 0,
    recoverySteps: null,
    ...over,
  }) as RunReport;
const hit = report({ endogenousShare: 0.5, oiLiquidatedShare: 0.4 }); // 0.2 of OI: a cascade
const miss = report({ endogenousShare: 0.1, oiLiquidatedShare: 0.2 }); // 0.02: none

describe('sweep rows as the CLI and the lab print them', () => {
  it('a row in JSON: the point, then the figures, then one digit per seed', () => {
    const row = sweepRow({ shock: -5, leverage: 10 }, [hit, miss, hit], 0.05);
    expect(row.pCascade).toBeCloseTo(2 / 3, 12);
    const json = rowJson(row);
    expect(Object.keys(json).slice(0, 4)).toEqual(['shock', 'leverage', 'seeds', 'pCascade']);
    expect(json.cascaded).toBe('101');
    expect(json.liquidatedShare).toEqual(row.figures.liquidatedShare);
  });

  it('a critical-shock entry in JSON: the other parameters flattened beside the estimate', () => {
    const rows = [-2, -4, -6, -8].map((shock, i) =>
      sweepRow({ shock, leverage: 10 }, i < 2 ? [miss, miss] : [hit, hit], 0.05),
    );
    const [entry] = criticalShocks(rows, ['shock', 'leverage']);
    expect(entry.direction).toBe('down');
    expect(entry.bound).toBe('inside');
    const json = criticalJson(entry);
    expect(json.leverage).toBe(10);
    expect(json).not.toHaveProperty('point');
    expect(json.criticalShock).toBe(entry.criticalShock);
    // No critical shock unless the shock is one of the varied parameters.
    expect(criticalShocks(rows, ['leverage'])).toEqual([]);
  });

  it('counts a cascade at the share, not below it', () => {
    expect(cascaded(report({ endogenousShare: 0.5, oiLiquidatedShare: 0.1 }), 0.05)).toBe(true);
    expect(cascaded(report({ endogenousShare: 0.5, oiLiquidatedShare: 0.099 }), 0.05)).toBe(false);
  });
});

describe('paired comparison', () => {
  it('compares a list figure entry by entry, and refuses unpaired runs', () => {
    const a = [report({ adlHaircutByProfitDecile: [0.1, 0.2] })];
    const b = [report({ adlHaircutByProfitDecile: [0.3, 0.2] })];
    const m = compareReports(a, b).metrics;
    expect(m['adlHaircutByProfitDecile[0]'].diff).toBeCloseTo(0.2, 12);
    expect(m['adlHaircutByProfitDecile[1]'].diff).toBe(0);
    expect(() => compareReports(a, [])).toThrow(/same, non-zero number/);
    expect(() => compareReports([], [])).toThrow(/same, non-zero number/);
  });
});
