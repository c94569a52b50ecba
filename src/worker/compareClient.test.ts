import { afterEach, describe, expect, it, vi } from 'vitest';
import { runReport } from '../engine/run';
import { compareReports } from '../scenario/analysis/paired';
import { defaultScenario } from '../scenario/params';
import {
  answerCompare,
  compareInWorker,
  type CompareRequest,
  type CompareResponse,
  type CompareWorker,
} from './compareClient';

const a = { ...defaultScenario(), positions: 200, steps: 40, shock: -6 };
const seeds = [1, 2, 3, 4, 5, 6];
const reportsA = seeds.map((seed) => runReport({ ...a, seed }));
const reportsB = seeds.map((seed) => runReport({ ...a, leverage: a.leverage / 2, seed }));

/** A worker that runs the real handler on a structured clone of what it is sent, and back. */
function fakeWorker(behaviour: 'answer' | 'fail-to-load' = 'answer') {
  const seen: CompareRequest[] = [];
  let terminated = 0;
  const worker: CompareWorker = {
    onmessage: null,
    onerror: null,
    postMessage(request) {
      seen.push(request);
      queueMicrotask(() => {
        if (behaviour === 'fail-to-load') {
          worker.onerror?.({ preventDefault() {} } as ErrorEvent);
          return;
        }
        const data = structuredClone(answerCompare(structuredClone(request)));
        worker.onmessage?.({ data } as MessageEvent<CompareResponse>);
      });
    },
    terminate: () => terminated++,
  };
  return { worker, seen, terminated: () => terminated };
}

afterEach(() => vi.unstubAllGlobals());

describe('the paired comparison off the main thread', () => {
  it('is compareReports of the same reports, through the worker and its clone', async () => {
    const f = fakeWorker();
    const c = await compareInWorker(reportsA, reportsB, () => f.worker);
    expect(f.seen).toHaveLength(1);
    expect(f.terminated()).toBe(1);
    expect(c).toEqual(compareReports(reportsA, reportsB));
  });

  it('keeps a NaN figure NaN (a JSON trip would make it null)', async () => {
    const nan = (r: (typeof reportsA)[number]) => ({ ...r, amplification: Number.NaN });
    const f = fakeWorker();
    const c = await compareInWorker(reportsA.map(nan), reportsB.map(nan), () => f.worker);
    expect(c.metrics.amplification.a).toBeNaN();
    expect(c.metrics.amplification.diff).toBeNaN();
    expect(c).toEqual(compareReports(reportsA.map(nan), reportsB.map(nan)));
  });

  it('makes the comparison on this thread when there is no worker or it fails to load', async () => {
    const expected = compareReports(reportsA, reportsB);
    expect(await compareInWorker(reportsA, reportsB, () => null)).toEqual(expected);
    const f = fakeWorker('fail-to-load');
    expect(await compareInWorker(reportsA, reportsB, () => f.worker)).toEqual(expected);
    expect(f.terminated()).toBe(1);
  });

  it('makes it on this thread when the browser refuses the module worker', async () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new Error('module workers are not supported');
        }
      },
    );
    expect(await compareInWorker(reportsA, reportsB)).toEqual(compareReports(reportsA, reportsB));
  });

  it('ignores an answer to another request', async () => {
    const f = fakeWorker();
    const post = f.worker.postMessage.bind(f.worker);
    f.worker.postMessage = (request) => {
      // A stray answer first (another request's id), then the real one.
      queueMicrotask(() =>
        f.worker.onmessage?.({
          data: { id: -1, error: 'not yours' },
        } as MessageEvent<CompareResponse>),
      );
      post(request);
    };
    expect(await compareInWorker(reportsA, reportsB, () => f.worker)).toEqual(
      compareReports(reportsA, reportsB),
    );
  });

  it('rejects with the analysis message on reports it cannot pair', async () => {
    const f = fakeWorker();
    await expect(compareInWorker(reportsA, reportsB.slice(1), () => f.worker)).rejects.toThrow(
      /paired comparison failed: compare needs the same/,
    );
    await expect(compareInWorker([], [], () => null)).rejects.toThrow(/compare needs/);
  });
});
