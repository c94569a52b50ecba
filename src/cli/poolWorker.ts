/** A `worker_threads` worker of the run pool (pool.ts): runs each scenario it is sent. */

import { parentPort, workerData } from 'node:worker_threads';
import { PopulationCache } from '../engine/populationCache';
import { runReport } from '../engine/run';
import type { Scenario } from '../engine/types';
import type { PoolReply, PoolWorkerData } from './pool';

// One cache for the worker's life: later grid points reuse the populations of earlier ones.
const populations = (workerData as PoolWorkerData | null)?.reusePopulations
  ? new PopulationCache()
  : undefined;

parentPort?.on('message', ({ index, scenario }: { index: number; scenario: Scenario }) => {
  let reply: PoolReply;
  try {
    reply = { index, report: runReport(scenario, populations) };
  } catch (err) {
    reply = { index, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
});
