/**
 * placeholder: replaced by the pool at merge.
 *
 * The browser's report pool: runs scenarios report-only (no frames) and gives their reports in
 * the order of the scenarios. This stand-in runs them in process, one at a time, with the
 * engine's report-only run (as the CLI's pool worker does), and yields a macrotask between runs
 * so the page stays responsive; the real pool runs them on one worker per core.
 */

import type { RunReport } from '../engine/report';
import { runReport } from '../engine/run';
import type { Scenario } from '../engine/types';

export interface ReportPool {
  run(
    scenarios: readonly Scenario[],
    options?: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal },
  ): Promise<RunReport[]>;
  dispose(): void;
}

function abortError(): Error {
  const error = new Error('The runs were cancelled.');
  error.name = 'AbortError';
  return error;
}

/** A macrotask: lets the page paint and take input between two runs. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createReportPool(options?: { size?: number }): ReportPool {
  void options; // one run at a time here; the real pool sizes itself to the cores
  let disposed = false;
  return {
    async run(scenarios, runOptions = {}) {
      const { onProgress, signal } = runOptions;
      const reports: RunReport[] = [];
      for (const scenario of scenarios) {
        await nextTask();
        if (signal?.aborted || disposed) throw abortError();
        reports.push(runReport(scenario));
        onProgress?.(reports.length, scenarios.length);
      }
      return reports;
    },
    dispose() {
      disposed = true;
    },
  };
}
