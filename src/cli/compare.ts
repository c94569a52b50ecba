/**
 * `sim compare LINK_A LINK_B [--seeds N | --seed-list a,b] [--threads N] [--json]`: a paired
 * what-if. A and B run on the same seeds; for every numeric report figure it gives the mean of
 * A, of B, of the paired difference B − A with its 95 % bootstrap interval over seeds, and the
 * share of seeds where B is lower. Pairing is the point: the seed-to-seed spread of a cascade
 * is far larger than most effects, and cancels out of B − A.
 */

import type { Scenario } from '../engine/types';
import { alignRows } from './format';
import { scenarioFromLink } from './link';
import { readOptions, wholeNumber } from './options';
import { defaultThreads, runReports } from './pool';
import { readSeeds } from './seeds';
import {
  compareReports,
  DEFAULT_COMPARE_SEEDS,
  type Comparison,
} from '../scenario/analysis/paired';
import { UsageError } from './usage';

/** A number for the table: 4 significant digits, exponent form when very large or small. */
export function figure(x: number): string {
  if (!Number.isFinite(x)) return '-';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  return abs >= 1e7 || abs < 1e-3 ? x.toExponential(3) : String(Number(x.toPrecision(4)));
}

/** The readable table: one row per figure. */
export function formatComparison(c: Comparison, linkA: string, linkB: string): string {
  const header = ['figure', 'A', 'B', 'B − A', '95 % interval', 'B lower'] as const;
  const rows = Object.entries(c.metrics).map(([key, m]) => [
    key,
    figure(m.a),
    figure(m.b),
    figure(m.diff),
    `[${figure(m.ciLow)}, ${figure(m.ciHigh)}]`,
    Number.isFinite(m.bLowerShare) ? `${Math.round(m.bLowerShare * 100)} %` : '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    (
      '  ' +
      cells
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join('  ')
    ).trimEnd();
  return [
    `Paired comparison over ${c.seeds} seeds (B − A per seed; 95 % bootstrap interval of its mean)`,
    ...alignRows([
      ['A', linkA, '', ''],
      ['B', linkB, '', ''],
    ]),
    '',
    line(header),
    ...rows.map(line),
    '',
  ].join('\n');
}

interface CompareArgs {
  a: Scenario;
  b: Scenario;
  linkA: string;
  linkB: string;
  seeds: number[];
  threads: number;
  json: boolean;
}

/** Reads the arguments after `compare`; throws a UsageError with one line on bad input. */
export function parseCompareArgs(argv: readonly string[], warn: (w: string) => void): CompareArgs {
  const read = readOptions(argv, {
    booleans: ['--json'],
    valued: ['--seeds', '--seed-list', '--threads'],
  });
  if (!read.ok) throw new UsageError(read.message);
  const { positional, flags, values } = read.options;
  if (positional.length !== 2) {
    throw new UsageError(`compare needs two links, A and B (got ${positional.length})`);
  }
  const [linkA, linkB] = positional;
  const scenario = (link: string, name: string) => {
    const outcome = scenarioFromLink(link);
    if (!outcome.ok) throw new UsageError(`link ${name}: ${outcome.message}`);
    for (const w of outcome.warnings) warn(`link ${name}: ${w}`);
    return outcome.scenario;
  };
  const seeds = readSeeds(values.get('--seeds'), values.get('--seed-list'), DEFAULT_COMPARE_SEEDS);
  if (!seeds.ok) throw new UsageError(seeds.message);
  const threads = wholeNumber(
    '--threads',
    values.get('--threads') ?? String(defaultThreads()),
    1,
    256,
  );
  if (!threads.ok) throw new UsageError(threads.message);
  return {
    a: scenario(linkA, 'A'),
    b: scenario(linkB, 'B'),
    linkA,
    linkB,
    seeds: seeds.seeds,
    threads: threads.value,
    json: flags.has('--json'),
  };
}

/** Runs `sim compare`; returns what to print on stdout. */
export async function compareCommand(
  argv: readonly string[],
  warn: (w: string) => void,
  progress?: (done: number, total: number) => void,
): Promise<string> {
  const args = parseCompareArgs(argv, warn);
  const jobs = [
    ...args.seeds.map((seed) => ({ ...args.a, seed })),
    ...args.seeds.map((seed) => ({ ...args.b, seed })),
  ];
  const reports = await runReports(jobs, { threads: args.threads, onProgress: progress });
  const n = args.seeds.length;
  const result = compareReports(reports.slice(0, n), reports.slice(n));
  return args.json
    ? JSON.stringify(result, null, 2) + '\n'
    : formatComparison(result, args.linkA, args.linkB);
}
