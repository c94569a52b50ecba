/**
 * The frame history of a run: one FrameBatch with a row per step of the run, allocated once when
 * the run is ready and filled in place as batches arrive, so it is bounded by the run's length
 * and charts read it as columns without copying.
 */

import {
  BUCKET_COLUMNS,
  SCALAR_COLUMNS,
  createFrameBatch,
  type FrameBatch,
  type RunInfo,
} from '../engine/frame';

export function createHistory(info: RunInfo): FrameBatch {
  return createFrameBatch(info.steps, info.bucketCount, 0);
}

/**
 * Copies a batch's rows into the history at their steps and returns the rows added. Only a batch
 * that continues the history (or overlaps its end) is taken: a gap would leave rows unset.
 */
export function appendBatch(history: FrameBatch, batch: FrameBatch): number {
  const end = history.start + history.count;
  if (batch.bucketCount !== history.bucketCount) return 0;
  if (batch.start > end || batch.start + batch.count <= end) return 0;
  const skip = end - batch.start;
  const n = Math.min(batch.count - skip, history.capacity - history.count);
  if (n <= 0) return 0;
  const at = history.count;
  for (const c of SCALAR_COLUMNS) {
    history.scalars[c].set(batch.scalars[c].subarray(skip, skip + n), at);
  }
  const b = history.bucketCount;
  for (const c of BUCKET_COLUMNS) {
    history.buckets[c].set(batch.buckets[c].subarray(skip * b, (skip + n) * b), at * b);
  }
  history.count += n;
  return n;
}

/**
 * The history as of step `step` (inclusive): the same columns, fewer rows. A view, not a copy:
 * what the charts draw while the scrubber holds a past minute. Null `step` is the whole history.
 */
export function historyUpTo(history: FrameBatch, step: number | null): FrameBatch {
  if (step === null) return history;
  const count = Math.max(0, Math.min(history.count, Math.floor(step) + 1 - history.start));
  return count === history.count ? history : { ...history, count };
}
