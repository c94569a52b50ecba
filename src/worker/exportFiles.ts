/**
 * A run's CSV files as Blobs, from its frames: the scenario module's generators (the CLI's
 * `--frames` and `--buckets` shapes) written out in chunks. Pure of any worker global, so the
 * export worker runs it and the page can too where there are no workers.
 */

import type { FrameBatch, RunInfo } from '../engine/frame';
import { bucketCsvLines, scalarCsvLines } from '../scenario/export';

/** The run files made off the main thread: a long run's buckets file has millions of lines. */
export type CsvKind = 'frames' | 'buckets';

/** Asks for one file of the frames given (their rows 0..count-1). */
export interface ExportRequest {
  id: number;
  kind: CsvKind;
  frames: FrameBatch;
  info: RunInfo;
}

/** The file, or why it could not be made. */
export type ExportResponse = { id: number; blob: Blob } | { id: number; error: string };

/** A Blob of text lines, built in chunks so a long export is never one giant string. */
export function linesBlob(lines: Iterable<string>, type: string): Blob {
  const parts: string[] = [];
  let chunk: string[] = [];
  for (const line of lines) {
    chunk.push(line);
    if (chunk.length >= 10_000) {
      parts.push(chunk.join('\n') + '\n');
      chunk = [];
    }
  }
  if (chunk.length > 0) parts.push(chunk.join('\n') + '\n');
  return new Blob(parts, { type });
}

export function csvBlob(kind: CsvKind, frames: FrameBatch, info: RunInfo): Blob {
  const lines = kind === 'frames' ? scalarCsvLines(frames) : bucketCsvLines(frames, info);
  return linesBlob(lines, 'text/csv');
}
