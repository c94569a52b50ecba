/**
 * Makes a run's CSV files in a worker of their own, so a long run's export (a buckets file of
 * millions of lines) never freezes the page or holds up the simulation worker. The frames are
 * copied once into tight buffers and transferred. Where workers are missing or fail to start,
 * the file is made on this thread instead: slower, but the same bytes.
 */

import { sliceFrameBatch, transferables, type FrameBatch, type RunInfo } from '../engine/frame';
import { csvBlob, type CsvKind, type ExportRequest, type ExportResponse } from './exportFiles';

/** What the exporter needs of a worker (a real one, or a test's). */
export interface ExportWorker {
  onmessage: ((event: MessageEvent<ExportResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: ExportRequest, transfer: Transferable[]): void;
  terminate(): void;
}

function startWorker(): ExportWorker | null {
  if (typeof Worker !== 'function') return null;
  try {
    return new Worker(new URL('./export.worker.ts', import.meta.url), {
      type: 'module',
      name: 'cascade-lab-export',
    });
  } catch {
    return null;
  }
}

let nextId = 1;

/**
 * The CSV file of rows 0..count-1 of `frames`. One worker per file, ended when it answers; if it
 * cannot run (no worker, a load error), the file is made here.
 */
export function exportCsv(
  kind: CsvKind,
  frames: FrameBatch,
  info: RunInfo,
  createWorker: () => ExportWorker | null = startWorker,
): Promise<Blob> {
  // The rows asked for, however the history grows meanwhile.
  const asked: FrameBatch = { ...frames, count: frames.count };
  const worker = createWorker();
  if (!worker) return Promise.resolve(csvBlob(kind, asked, info));
  const copy = sliceFrameBatch(asked, 0, asked.count);
  const id = nextId++;
  return new Promise<Blob>((resolve, reject) => {
    worker.onmessage = ({ data }) => {
      if (data.id !== id) return;
      worker.terminate();
      if ('blob' in data) resolve(data.blob);
      else reject(new Error(`The ${kind} file could not be made: ${data.error}`));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      // The worker did not load (or died): the same file, made on this thread.
      try {
        resolve(csvBlob(kind, asked, info));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    worker.postMessage({ id, kind, frames: copy, info }, transferables(copy));
  });
}
