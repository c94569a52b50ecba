/**
 * `sim sweep [LINK] --vary name=from:to:step [--vary …] [--seeds N | --seed-list a,b]
 * [--cascade-share S] [--threads N] [--shard I/N] [--json | --csv FILE]`: P(cascade) over a
 * grid of scenarios and the critical shock.
 *
 * Every grid point runs the same seeds, so neighbouring points are paired. A run cascades when
 * its endogenous liquidated notional reaches `--cascade-share` of open interest. `--shard I/N`
 * runs the I-th of N contiguous slices of the grid and prints only its rows (with each seed's
 * outcome), so shards run anywhere and concatenate in order; `--merge` turns merged shard
 * files into the whole sweep's output, critical shock included.
 */

import { accessSync, constants, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Scenario } from '../engine/types';
import { writeLines } from './csv';
import {
  buildGrid,
  type GridPoint,
  type NumericKey,
  parseShard,
  shardRange,
} from '../scenario/analysis/grid';
import {
  criticalJson,
  criticalShocks,
  DEFAULT_CASCADE_SHARE,
  DEFAULT_SWEEP_SEEDS,
  rowJson,
  sweepRow,
  FIGURES,
  type CriticalEntry,
  type Figure,
  type Summary,
  type SweepRow,
} from '../scenario/analysis/sweepRows';
import { scenarioFromLink } from './link';
import { readOptions, wholeNumber } from './options';
import { defaultThreads, runReports } from './pool';
import { readSeeds } from './seeds';
import { UsageError } from './usage';

/** The CSV lines of the rows: one column per field, figures as name_mean, name_p10, … */
export function* rowCsvLines(
  rows: readonly SweepRow[],
  names: readonly NumericKey[],
): Generator<string> {
  const figureColumns = Object.keys(FIGURES).flatMap((f) =>
    ['mean', 'p10', 'p50', 'p90'].map((s) => `${f}_${s}`),
  );
  yield [...names, 'seeds', 'pCascade', ...figureColumns, 'cascaded'].join(',');
  for (const row of rows) {
    const figures = Object.values(row.figures).flatMap((s) => [s.mean, s.p10, s.p50, s.p90]);
    const bits = row.cascaded.map((c) => (c ? 1 : 0)).join('');
    yield [...names.map((n) => row.point[n]), row.seeds, row.pCascade, ...figures, bits].join(',');
  }
}

/** The readable summary: one line per grid point, then the critical shocks. */
export function formatSweep(
  rows: readonly SweepRow[],
  critical: readonly CriticalEntry[],
  names: readonly NumericKey[],
): string {
  const fixed = (x: number, d: number) => (Number.isFinite(x) ? x.toFixed(d) : '-');
  const header = [
    ...names,
    'P(cascade)',
    'liq/OI p50',
    'amplification',
    'endogenous',
    'drawdown p50',
  ];
  const body = rows.map((r) => [
    ...names.map((n) => String(r.point[n])),
    fixed(r.pCascade, 2),
    fixed(r.figures.liquidatedShare.p50, 3),
    fixed(r.figures.amplification.mean, 2),
    fixed(r.figures.endogenousShare.mean, 2),
    fixed(r.figures.maxDrawdown.p50, 3),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: readonly string[]) =>
    '  ' + cells.map((c, i) => c.padStart(widths[i])).join('  ');
  const lines = [
    `Sweep over ${rows[0]?.seeds ?? 0} seeds per point`,
    '',
    line(header),
    ...body.map(line),
  ];
  if (critical.length > 0)
    lines.push('', 'Critical shock (P(cascade) crosses 1/2; 95 % bootstrap interval over seeds):');
  for (const c of critical) {
    const where = Object.entries(c.point)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    const end = (x: number | null) => (x === null ? 'beyond the grid' : fixed(x, 2));
    const value =
      c.bound === 'above'
        ? `none within the grid (P stays below 1/2)`
        : `${c.bound === 'atOrBelow' ? 'at or below ' : ''}${end(c.criticalShock)} % ` +
          `[${end(c.ciLow)}, ${end(c.ciHigh)}]`;
    lines.push(`  ${where ? where + ', ' : ''}${c.direction}: ${value}`);
  }
  return lines.join('\n') + '\n';
}

interface SweepArgs {
  base: Scenario;
  names: NumericKey[];
  points: GridPoint[];
  seeds: number[];
  share: number;
  threads: number;
  shard: { index: number; count: number } | undefined;
  json: boolean;
  csv: string | undefined;
}

/** Reads the arguments after `sweep`; throws a UsageError with one line on bad input. */
export function parseSweepArgs(argv: readonly string[], warn: (w: string) => void): SweepArgs {
  const read = readOptions(argv, {
    booleans: ['--json'],
    valued: ['--seeds', '--seed-list', '--threads', '--shard', '--csv', '--cascade-share'],
    repeated: ['--vary'],
  });
  if (!read.ok) throw new UsageError(read.message);
  const { positional, flags, values, repeated } = read.options;
  if (positional.length > 1) throw new UsageError(`sweep takes one link, got ${positional.length}`);
  const outcome = scenarioFromLink(positional[0]);
  if (!outcome.ok) throw new UsageError(outcome.message);
  outcome.warnings.forEach(warn);
  const seeds = readSeeds(values.get('--seeds'), values.get('--seed-list'), DEFAULT_SWEEP_SEEDS);
  if (!seeds.ok) throw new UsageError(seeds.message);
  const grid = buildGrid(repeated.get('--vary') ?? [], seeds.seeds.length);
  if (!grid.ok) throw new UsageError(grid.message);
  const threads = wholeNumber(
    '--threads',
    values.get('--threads') ?? String(defaultThreads()),
    1,
    256,
  );
  if (!threads.ok) throw new UsageError(threads.message);
  const shareText = values.get('--cascade-share') ?? String(DEFAULT_CASCADE_SHARE);
  const share = Number(shareText);
  if (!(share > 0 && share <= 1)) {
    throw new UsageError(`--cascade-share: ${JSON.stringify(shareText)} is not a share in (0, 1]`);
  }
  const shardText = values.get('--shard');
  const shard = shardText === undefined ? undefined : parseShard(shardText);
  if (shard && !shard.ok) throw new UsageError(shard.message);
  if (flags.has('--json') && values.has('--csv'))
    throw new UsageError('give --json or --csv, not both');
  return {
    base: outcome.scenario,
    names: grid.value.varies.map((v) => v.name),
    points: grid.value.points,
    seeds: seeds.seeds,
    share,
    threads: threads.value,
    shard: shard?.value,
    json: flags.has('--json'),
    csv: values.get('--csv'),
  };
}

/** Fails before the sweep, not after it, when the CSV file cannot be written. */
function checkWritable(path: string): void {
  try {
    accessSync(dirname(resolve(path)), constants.W_OK);
  } catch {
    throw new UsageError(`cannot write ${path}: its folder does not exist or is not writable`);
  }
}

/** Runs the sweep's grid points (or a shard's) and summarises each. */
export async function runSweep(
  args: SweepArgs,
  progress?: (done: number, total: number) => void,
): Promise<SweepRow[]> {
  const [from, to] = args.shard
    ? shardRange(args.points.length, args.shard.index, args.shard.count)
    : [0, args.points.length];
  const points = args.points.slice(from, to);
  const jobs = points.flatMap((p) => args.seeds.map((seed) => ({ ...args.base, ...p, seed })));
  const reports = await runReports(jobs, { threads: args.threads, onProgress: progress });
  const n = args.seeds.length;
  return points.map((p, i) => sweepRow(p, reports.slice(i * n, (i + 1) * n), args.share));
}

/** Runs `sim sweep`; returns what to print on stdout. */
export async function sweepCommand(
  argv: readonly string[],
  warn: (w: string) => void,
  progress?: (done: number, total: number) => void,
): Promise<string> {
  if (argv[0] === '--merge') return mergeCommand(argv.slice(1));
  const args = parseSweepArgs(argv, warn);
  if (args.csv !== undefined) checkWritable(args.csv);
  const rows = await runSweep(args, progress);
  // A shard's rows alone cannot locate the critical shock: --merge does, from all of them.
  const critical = args.shard ? [] : criticalShocks(rows, args.names);
  if (args.csv !== undefined) {
    writeLines(args.csv, rowCsvLines(rows, args.names));
    return '';
  }
  if (args.json || args.shard) {
    const out: Record<string, unknown> = { vary: args.names, rows: rows.map(rowJson) };
    if (!args.shard) out.critical = critical.map(criticalJson);
    return JSON.stringify(out, null, 2) + '\n';
  }
  return formatSweep(rows, critical, args.names);
}

/** Reads a shard's `--json` output back into rows. */
function readShard(path: string): { names: NumericKey[]; rows: SweepRow[] } {
  let data: { vary?: unknown; rows?: unknown };
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UsageError(
      `cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (!Array.isArray(data.vary) || !Array.isArray(data.rows)) {
    throw new UsageError(`${path} is not the --json output of a sweep (no vary or rows)`);
  }
  const names = data.vary as NumericKey[];
  const rows = (data.rows as Record<string, unknown>[]).map((r) => {
    const point: GridPoint = {};
    for (const n of names) point[n] = Number(r[n]);
    const figures = {} as Record<Figure, Summary>;
    for (const f of Object.keys(FIGURES) as Figure[]) figures[f] = r[f] as Summary;
    const bits = String(r.cascaded ?? '');
    return {
      point,
      seeds: Number(r.seeds),
      pCascade: Number(r.pCascade),
      figures,
      cascaded: [...bits].map((b) => b === '1'),
    };
  });
  return { names, rows };
}

/** `sim sweep --merge FILE…`: the rows of shards in the order given, and the critical shocks. */
export function mergeCommand(paths: readonly string[]): string {
  if (paths.length === 0) throw new UsageError('--merge needs the shards’ JSON files');
  const shards = paths.map(readShard);
  const names = shards[0].names;
  if (shards.some((s) => s.names.join() !== names.join())) {
    throw new UsageError('--merge: the shards vary different parameters');
  }
  const rows = shards.flatMap((s) => s.rows);
  const critical = criticalShocks(rows, names);
  return (
    JSON.stringify(
      { vary: names, rows: rows.map(rowJson), critical: critical.map(criticalJson) },
      null,
      2,
    ) + '\n'
  );
}
