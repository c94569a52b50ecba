/**
 * What a run exports, in one pure module the CLI (`--frames`, `--buckets`, `--json`) and the
 * app's downloads both use, so the two cannot drift apart: the scalar frame columns as CSV, one
 * row per step; the bucket columns in long format (one row per step and price bucket); and the
 * report as JSON with the scenario it ran. Lines are generated lazily, since a long run's bucket
 * file has millions of rows.
 */

import { BUCKET_COLUMNS, SCALAR_COLUMNS, bucketPrice } from '../engine/frame';
import type { FrameBatch, RunInfo } from '../engine/frame';
import type { RunReport } from '../engine/report';
import type { Scenario } from './params';

/** The shortest text that reads back as the same float32 (Float32Array values are float32). */
export function float32Text(v: number): string {
  if (!Number.isFinite(v) || Number.isInteger(v)) return String(v);
  for (let digits = 6; digits < 9; digits++) {
    const text = String(Number(v.toPrecision(digits)));
    if (Math.fround(Number(text)) === v) return text;
  }
  return String(Number(v.toPrecision(9)));
}

/** Header and one row per filled step of the scalar columns. */
export function* scalarCsvLines(frames: FrameBatch): Generator<string> {
  yield SCALAR_COLUMNS.join(',');
  const columns = SCALAR_COLUMNS.map((c) => frames.scalars[c]);
  for (let row = 0; row < frames.count; row++) {
    yield columns.map((col) => String(col[row])).join(',');
  }
}

/** Header and one row per filled step and bucket: the bucket's price edges, then its columns. */
export function* bucketCsvLines(frames: FrameBatch, info: RunInfo): Generator<string> {
  yield ['step', 'bucketLow', 'bucketHigh', ...BUCKET_COLUMNS].join(',');
  const b = frames.bucketCount;
  const edges = Array.from({ length: b + 1 }, (_, i) => String(bucketPrice(info, i)));
  const columns = BUCKET_COLUMNS.map((c) => frames.buckets[c]);
  for (let row = 0; row < frames.count; row++) {
    const step = String(frames.scalars.step[row]);
    for (let i = 0; i < b; i++) {
      const values = columns.map((col) => float32Text(col[row * b + i]));
      yield `${step},${edges[i]},${edges[i + 1]},${values.join(',')}`;
    }
  }
}

/** The report's JSON shape: every report key, then the scenario that was run. */
export function reportJson(report: RunReport, scenario: Scenario): string {
  return JSON.stringify({ ...report, scenario }, null, 2) + '\n';
}
