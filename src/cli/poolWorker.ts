/** A `worker_threads` worker of the run pool (pool.ts): runs each scenario it is sent. */

import { parentPort } from 'node:worker_threads';
import { runReport } from '../engine/run';
import type { Scenario } from '../engine/types';
import type { PoolReply } from './pool';

parentPort?.on('message', ({ index, scenario }: { index: number; scenario: Scenario }) => {
  let reply: PoolReply;
  try {
    reply = { index, report: runReport(scenario) };
  } catch (err) {
    reply = { index, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
});
