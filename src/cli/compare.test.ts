import { describe, expect, it } from 'vitest';
import { sim } from './runSim.testing';
import type { RunReport } from '../engine/report';
import { compareReports } from '../scenario/analysis/paired';
import { formatComparison, parseCompareArgs } from './compare';

/** Reports that differ only in the figures given. */
const report = (over: Partial<RunReport>) =>
  ({ direction: 'down', maxDrawdown: 0, recoverySteps: null, ...over }) as RunReport;

describe('compareReports', () => {
  it('pairs seed by seed: a constant shift has an interval of exactly that shift', () => {
    // Seeds spread widely (0.1 to 0.8), but B is 0.05 lower on every one of them.
    const a = [0.1, 0.8, 0.3, 0.6, 0.2].map((x) => report({ maxDrawdown: x }));
    const b = a.map((r) => report({ maxDrawdown: r.maxDrawdown - 0.05 }));
    const m = compareReports(a, b).metrics.maxDrawdown;
    expect(m.diff).toBeCloseTo(-0.05, 12);
    expect(m.ciLow).toBeCloseTo(-0.05, 12);
    expect(m.ciHigh).toBeCloseTo(-0.05, 12);
    expect(m.bLowerShare).toBe(1);
    expect(m.a).toBeCloseTo(0.4, 12);
    expect(m.b).toBeCloseTo(0.35, 12);
  });

  it('gives an interval that covers the spread of the paired differences', () => {
    const a = [1, 1, 1, 1, 1, 1, 1, 1].map((x) => report({ maxDrawdown: x }));
    const b = [0, 2, 0, 2, 0, 2, 0, 2].map((x) => report({ maxDrawdown: x }));
    const m = compareReports(a, b).metrics.maxDrawdown;
    expect(m.diff).toBe(0);
    expect(m.ciLow).toBeLessThan(0);
    expect(m.ciHigh).toBeGreaterThan(0);
    expect(m.bLowerShare).toBe(0.5);
  });

  it('uses only the seeds where a figure is defined on both sides', () => {
    const a = [report({ recoverySteps: 10 }), report({ recoverySteps: null })];
    const b = [report({ recoverySteps: 4 }), report({ recoverySteps: 7 })];
    const m = compareReports(a, b).metrics.recoverySteps;
    expect(m.n).toBe(1);
    expect(m.diff).toBe(-6);
    expect(compareReports(a, b).metrics.direction).toBeUndefined();
  });

  it('prints one aligned table row per figure', () => {
    const a = [report({ maxDrawdown: 0.2 }), report({ maxDrawdown: 0.4 })];
    const text = formatComparison(compareReports(a, a), 'v=1&seed=1', 'v=1&seed=1');
    const row = text.split('\n').find((l) => l.startsWith('  maxDrawdown '));
    expect(row).toMatch(/maxDrawdown +0\.3 +0\.3 +0 +\[0, 0\] +0 %$/);
  });
});

describe('compare arguments', () => {
  const warn = () => {};
  it('reads two links, the seeds and the flags', () => {
    const args = parseCompareArgs(
      ['v=1&leverage=5', 'v=1&leverage=25', '--seeds', '3', '--json'],
      warn,
    );
    expect(args.a.leverage).toBe(5);
    expect(args.b.leverage).toBe(25);
    expect(args.seeds).toEqual([1, 2, 3]);
    expect(args.json).toBe(true);
    expect(parseCompareArgs(['v=1', 'v=1', '--seed-list', '7,9'], warn).seeds).toEqual([7, 9]);
  });

  it('rejects bad input with one line naming it', () => {
    expect(() => parseCompareArgs(['v=1'], warn)).toThrow(
      'compare needs two links, A and B (got 1)',
    );
    expect(() => parseCompareArgs(['v=1', 'v=1&lev=3'], warn)).toThrow(/^link B: "lev"/);
    expect(() => parseCompareArgs(['v=1', 'v=1', '--seeds', '0'], warn)).toThrow(
      '--seeds: "0" is not a whole number in 1..10000',
    );
    expect(() => parseCompareArgs(['v=1', 'v=1', '--seed-list', '1,1'], warn)).toThrow(
      'seed 1 is listed twice',
    );
  });
});

describe('sim compare', () => {
  it('finds a difference of exactly 0 when a link is compared with itself (2 threads)', () => {
    const link = 'v=1&positions=1000&steps=100&shock=-10';
    const { status, stdout, stderr } = sim(
      'compare',
      link,
      link,
      '--seeds',
      '3',
      '--threads',
      '2',
      '--json',
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.seeds).toBe(3);
    expect(Object.keys(out.metrics)).toContain('endogenousShare');
    for (const [key, m] of Object.entries(out.metrics) as [string, Record<string, number>][]) {
      if (m.n === 0) continue;
      expect([m.diff, m.ciLow, m.ciHigh, m.bLowerShare], key).toEqual([0, 0, 0, 0]);
      expect(m.a, key).toBe(m.b);
    }
  });

  it('exits 2 with one line for a bad link', () => {
    const { status, stdout, stderr } = sim('compare', 'v=1', 'v=1&leverage=abc');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('cascade-sim: link B: leverage: "abc" is not a number\n');
  });
});
