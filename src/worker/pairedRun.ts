/**
 * "Paired over 32 seeds": A and B run report-only on seeds 1..32 in the background (the report
 * pool), paired seed by seed with `compareReports`, the same analysis as `sim compare`, so one
 * lucky seed cannot mislead. The comparison's bootstrap runs in a worker too (compareClient).
 */

import type { Scenario } from '../scenario';
import { DEFAULT_COMPARE_SEEDS, type Comparison } from '../scenario/analysis/paired';
import { compareInWorker } from './compareClient';
import { createReportPool } from './reportPool';

export const PAIRED_SEEDS = DEFAULT_COMPARE_SEEDS;

export async function pairedComparison(
  a: Scenario,
  b: Scenario,
  options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<Comparison> {
  const seeds = Array.from({ length: PAIRED_SEEDS }, (_, i) => i + 1);
  const scenarios = [
    ...seeds.map((seed) => ({ ...a, seed })),
    ...seeds.map((seed) => ({ ...b, seed })),
  ];
  const pool = createReportPool();
  try {
    const reports = await pool.run(scenarios, options);
    return await compareInWorker(reports.slice(0, PAIRED_SEEDS), reports.slice(PAIRED_SEEDS));
  } finally {
    pool.dispose();
  }
}
