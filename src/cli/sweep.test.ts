import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sim } from './runSim.testing';
import type { RunReport } from '../engine/report';
import { cascaded, criticalShocks, sweepRow, type SweepRow } from '../scenario/analysis/sweepRows';
import { parseSweepArgs, runSweep } from './sweep';

const warn = () => {};

describe('what counts as a cascade', () => {
  it('is endogenous liquidated notional of at least the share of open interest', () => {
    const r = (endogenousShare: number, oiLiquidatedShare: number) =>
      ({ endogenousShare, oiLiquidatedShare }) as RunReport;
    expect(cascaded(r(0.5, 0.1), 0.05)).toBe(true);
    expect(cascaded(r(0.4, 0.1), 0.05)).toBe(false);
    // Liquidating all of open interest by the shock alone is no cascade.
    expect(cascaded(r(0, 1), 0.05)).toBe(false);
  });

  it('summarises a grid point over its seeds', () => {
    const reports = [0, 0.2, 0.4, 0.6, 0.8].map(
      (x) =>
        ({
          endogenousShare: x,
          oiLiquidatedShare: 0.5,
          maxDrawdown: x,
          amplification: 1,
          branchingRatio: 0,
        }) as RunReport,
    );
    const row = sweepRow({ shock: -5 }, reports, 0.15);
    expect(row.cascaded).toEqual([false, false, true, true, true]);
    expect(row.pCascade).toBe(0.6);
    const dd = row.figures.maxDrawdown;
    expect(dd.mean).toBeCloseTo(0.4, 12);
    expect(dd.p10).toBeCloseTo(0.08, 12);
    expect(dd.p50).toBeCloseTo(0.4, 12);
    expect(dd.p90).toBeCloseTo(0.72, 12);
  });
});

describe('the critical shock of a sweep', () => {
  const row = (shock: number, leverage: number, bits: string): SweepRow =>
    ({
      point: { shock, leverage },
      seeds: bits.length,
      pCascade: 0,
      figures: {},
      cascaded: [...bits].map((b) => b === '1'),
    }) as unknown as SweepRow;

  it('is given per value of the other varied parameters, signed as the shock', () => {
    const rows = [
      row(-2, 5, '0000'),
      row(-2, 25, '1100'),
      row(-4, 5, '0000'),
      row(-4, 25, '1111'),
      row(-6, 5, '1111'),
      row(-6, 25, '1111'),
    ];
    const entries = criticalShocks(rows, ['shock', 'leverage']);
    expect(entries.map((e) => [e.point.leverage, e.direction, e.criticalShock, e.bound])).toEqual([
      [5, 'down', -5, 'inside'],
      // Half the seeds cascade at the smallest shock already: a bound, not a crossing.
      [25, 'down', -2, 'atOrBelow'],
    ]);
    expect(entries[0].ciLow).toBe(-5);
    expect(entries[0].ciHigh).toBe(-5);
    expect(criticalShocks(rows, ['leverage', 'liquidity' as never])).toEqual([]);
  });
});

const LINK = 'v=1&positions=500&steps=100';
const sweepArgs = (...extra: string[]) =>
  parseSweepArgs(
    [LINK, '--vary', 'shock=-2,-6,-10', '--vary', 'leverage=5,25', '--seeds', '3', ...extra],
    warn,
  );

describe('sweep determinism', () => {
  it('gives the same rows at 1 and at 2 threads, and across shards concatenated', async () => {
    const one = await runSweep(sweepArgs('--threads', '1'));
    const two = await runSweep(sweepArgs('--threads', '2'));
    expect(two).toEqual(one);
    const shards = [];
    for (const s of ['1/4', '2/4', '3/4', '4/4'])
      shards.push(...(await runSweep(sweepArgs('--threads', '1', '--shard', s))));
    expect(shards).toEqual(one);
    expect(one).toHaveLength(6);
    expect(one.map((r) => r.point)).toEqual([
      { shock: -2, leverage: 5 },
      { shock: -2, leverage: 25 },
      { shock: -6, leverage: 5 },
      { shock: -6, leverage: 25 },
      { shock: -10, leverage: 5 },
      { shock: -10, leverage: 25 },
    ]);
  });
});

describe('sim sweep', () => {
  it('prints rows and critical shocks as JSON, and shards merge into the same output', () => {
    const grid = [
      LINK,
      '--vary',
      'shock=-2,-6,-10',
      '--vary',
      'leverage=25',
      '--seeds',
      '2',
      '--threads',
      '1',
    ];
    const full = sim('sweep', ...grid, '--json');
    expect(full.stderr).toBe('');
    expect(full.status).toBe(0);
    const out = JSON.parse(full.stdout);
    expect(out.rows).toHaveLength(3);
    expect(out.rows[0]).toMatchObject({ shock: -2, leverage: 25, seeds: 2 });
    for (const f of ['liquidatedShare', 'amplification', 'endogenousShare', 'maxDrawdown']) {
      expect(Object.keys(out.rows[0][f])).toEqual(['mean', 'p10', 'p50', 'p90']);
    }
    expect(out.critical).toHaveLength(1);
    expect(Object.keys(out.critical[0])).toEqual(
      expect.arrayContaining(['leverage', 'criticalShock', 'ciLow', 'ciHigh']),
    );

    const dir = mkdtempSync(join(tmpdir(), 'sweep-'));
    const files = ['1/2', '2/2'].map((s, i) => {
      const shard = sim('sweep', ...grid, '--shard', s);
      expect(shard.status).toBe(0);
      expect(JSON.parse(shard.stdout).critical).toBeUndefined();
      const path = join(dir, `shard${i + 1}.json`);
      writeFileSync(path, shard.stdout);
      return path;
    });
    const merged = sim('sweep', '--merge', ...files);
    expect(merged.status).toBe(0);
    expect(JSON.parse(merged.stdout)).toEqual(out);

    const csv = join(dir, 'rows.csv');
    expect(sim('sweep', ...grid, '--csv', csv).status).toBe(0);
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^shock,leverage,seeds,pCascade,liquidatedShare_mean,/);
  });

  it('exits 2 with one line naming a bad --vary, before running anything', () => {
    const bad = sim('sweep', '--vary', 'shock=-1:-30:0');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('cascade-sim: --vary shock: the step is 0\n');
  });
});
