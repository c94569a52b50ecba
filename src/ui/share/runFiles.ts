/**
 * The files a run exports, made from the store: the same generators as the CLI's `--frames`,
 * `--buckets` and `--json` (scenario/export), so a download and a CLI run agree byte for byte.
 * The CSV files are made in a worker (a long run's are millions of lines); the report is small.
 */

import { encodeScenarioFile, reportJson, type Scenario } from '../../scenario';
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

/** Whether the store holds a run to export: set up, current, with at least one step. */
export function hasRun(s: AppState): boolean {
  return s.readyGeneration === s.generation && !!s.frames && s.frames.count > 0 && !!s.info;
}

/** The file of a run, or null if there is no run to export yet. */
export async function runFile(
  s: AppState,
  kind: RunFileKind,
): Promise<{ blob: Blob; filename: string } | null> {
  if (!hasRun(s) || !s.frames || !s.info) return null;
  const stem = fileStem(s.scenario);
  if (kind !== 'report') {
    return { blob: await exportCsv(kind, s.frames, s.info), filename: `${stem}-${kind}.csv` };
  }
  if (!s.report) return null;
  const json = reportJson(s.report, s.scenario);
  return { blob: new Blob([json], { type: 'application/json' }), filename: `${stem}-report.json` };
}

/** The scenario as a file to keep or send. */
export function scenarioFile(scenario: Scenario, name?: string) {
  const blob = new Blob([encodeScenarioFile(scenario, name)], { type: 'application/json' });
  return { blob, filename: `${fileStem(scenario, name)}.json` };
}
