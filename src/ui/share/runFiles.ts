/**
 * The files a run exports, made from the store: the same generators as the CLI's `--frames`,
 * `--buckets` and `--json` (scenario/export), so a download and a CLI run agree byte for byte.
 * The CSV files are made in a worker (a long run's are millions of lines); the report is small.
 */

import { encodeScenarioFile, reportJson, type Scenario } from '../../scenario';
import { selectCompareRun } from '../../state/selectors';
import type { RunState } from '../../state/slices';
import type { AppState } from '../../state/store';
import { exportCsv } from '../../worker/exportClient';

export type RunFileKind = 'frames' | 'buckets' | 'report';

/** A short, safe file name stem for a scenario: `cascade-lab-seed7`. */
export function fileStem(scenario: Scenario, name?: string): string {
  const label = name
    ?.toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `cascade-lab-${label || `seed${scenario.seed}`}`;
}

/**
 * Which run a file is of: the primary one alone, or in compare mode A (the primary) or B. A
 * compare mode's files are tagged `-a-`/`-b-`: A and B share the seed, so their stems match.
 */
export type RunSide = 'only' | 'a' | 'b';

/** The run and scenario of a side, or null (no B outside compare mode). */
function sideOf(s: AppState, side: RunSide): { run: RunState; scenario: Scenario } | null {
  if (side !== 'b') return { run: s, scenario: s.scenario };
  const run = selectCompareRun(s);
  return run && s.compare ? { run, scenario: s.compare } : null;
}

/** Whether the store holds a run to export: set up, current, with at least one step. */
export function hasRun(s: AppState, side: RunSide = 'only'): boolean {
  const r = sideOf(s, side)?.run;
  return !!r && r.readyGeneration === r.generation && !!r.frames && r.frames.count > 0 && !!r.info;
}

/** The file of a run (the primary one unless `side` says B), or null if it has not run yet. */
export async function runFile(
  s: AppState,
  kind: RunFileKind,
  side: RunSide = 'only',
): Promise<{ blob: Blob; filename: string } | null> {
  const found = sideOf(s, side);
  if (!found || !hasRun(s, side)) return null;
  const { run, scenario } = found;
  if (!run.frames || !run.info) return null;
  const stem = fileStem(scenario) + (side === 'only' ? '' : `-${side}`);
  if (kind !== 'report') {
    return { blob: await exportCsv(kind, run.frames, run.info), filename: `${stem}-${kind}.csv` };
  }
  if (!run.report) return null;
  const json = reportJson(run.report, scenario);
  return { blob: new Blob([json], { type: 'application/json' }), filename: `${stem}-report.json` };
}

/** The scenario as a file to keep or send. */
export function scenarioFile(scenario: Scenario, name?: string) {
  const blob = new Blob([encodeScenarioFile(scenario, name)], { type: 'application/json' });
  return { blob, filename: `${fileStem(scenario, name)}.json` };
}
