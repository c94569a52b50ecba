import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/run';
import { defaultScenario } from '../scenario';
import { bucketCsvLines, scalarCsvLines } from '../scenario/export';
import { exportCsv, type ExportWorker } from './exportClient';
import type { ExportRequest, ExportResponse } from './exportFiles';
import { csvBlob } from './exportFiles';

const run = runScenario({ ...defaultScenario(), positions: 300, steps: 30, shockStep: 5 });
/** A history 30 rows long with 12 filled, as the store holds a run under way. */
const history = { ...run.frames, count: 12 };

const lines = (text: string) => text.trimEnd().split('\n');

/** A worker that runs the real handler's code on a structured clone of what it is sent. */
function fakeWorker(behaviour: 'answer' | 'fail-to-load' | 'refuse' = 'answer') {
  const seen: { request: ExportRequest; transfer: Transferable[] }[] = [];
  let terminated = 0;
  const worker: ExportWorker = {
    onmessage: null,
    onerror: null,
    postMessage(request, transfer) {
      seen.push({ request, transfer });
      queueMicrotask(() => {
        if (behaviour === 'fail-to-load') {
          worker.onerror?.({ preventDefault() {} } as ErrorEvent);
          return;
        }
        const { id, kind, frames, info } = structuredClone(request);
        const data: ExportResponse =
          behaviour === 'refuse'
            ? { id, error: 'out of memory' }
            : { id, blob: csvBlob(kind, frames, info) };
        worker.onmessage?.({ data } as MessageEvent<ExportResponse>);
      });
    },
    terminate: () => terminated++,
  };
  return { worker, seen, terminated: () => terminated };
}

describe('CSV export off the main thread', () => {
  it('writes the CLI’s lines, one frames row per step so far and a buckets row per bucket', async () => {
    const frames = lines(await csvBlob('frames', history, run.info).text());
    expect(frames).toEqual([...scalarCsvLines(history)]);
    expect(frames).toHaveLength(1 + 12);
    const buckets = lines(await csvBlob('buckets', history, run.info).text());
    expect(buckets).toEqual([...bucketCsvLines(history, run.info)]);
    expect(buckets).toHaveLength(1 + 12 * run.info.bucketCount);
  });

  it('makes the file in a worker from a transferred copy of the rows, then ends the worker', async () => {
    const fake = fakeWorker();
    const blob = await exportCsv('buckets', history, run.info, () => fake.worker);
    expect(lines(await blob.text())).toEqual([...bucketCsvLines(history, run.info)]);
    const [{ request, transfer }] = fake.seen;
    expect(request.frames.count).toBe(12);
    expect(request.frames.capacity).toBe(12); // only the rows asked for are copied
    expect(transfer).toContain(request.frames.buckets.predicted.buffer);
    expect(history.buckets.predicted.length).toBeGreaterThan(0); // the store's history stays
    expect(fake.terminated()).toBe(1);
  });

  it('makes the file on this thread where there is no worker or it fails to load', async () => {
    const expected = [...scalarCsvLines(history)];
    const none = await exportCsv('frames', history, run.info, () => null);
    expect(lines(await none.text())).toEqual(expected);
    const broken = fakeWorker('fail-to-load');
    const fallback = await exportCsv('frames', history, run.info, () => broken.worker);
    expect(lines(await fallback.text())).toEqual(expected);
    expect(broken.terminated()).toBe(1);
  });

  it('says why when the worker could not make the file', async () => {
    const fake = fakeWorker('refuse');
    await expect(exportCsv('buckets', history, run.info, () => fake.worker)).rejects.toThrow(
      'The buckets file could not be made: out of memory',
    );
  });

  it('makes it here in Node, which has no Worker', async () => {
    const blob = await exportCsv('frames', history, run.info);
    expect(lines(await blob.text())).toHaveLength(13);
  });
});
