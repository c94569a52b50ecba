import { describe, expect, it } from 'vitest';
import { createFrameBatch, sliceFrameBatch, type FrameBatch } from '../engine/frame';
import { appendBatch, historyUpTo } from './history';

function source(rows: number, buckets = 3): FrameBatch {
  const b = createFrameBatch(rows, buckets);
  for (let r = 0; r < rows; r++) {
    b.scalars.step[r] = r;
    b.scalars.close[r] = 100 + r;
    for (let i = 0; i < buckets; i++) b.buckets.realised[r * buckets + i] = r * 10 + i;
  }
  b.count = rows;
  return b;
}

describe('frame history', () => {
  it('appends consecutive batches in place, column by column', () => {
    const all = source(10);
    const history = createFrameBatch(10, 3);
    expect(appendBatch(history, sliceFrameBatch(all, 0, 4))).toBe(4);
    expect(appendBatch(history, sliceFrameBatch(all, 4, 7))).toBe(3);
    expect(history.count).toBe(7);
    expect(Array.from(history.scalars.close.subarray(0, 7))).toEqual([
      100, 101, 102, 103, 104, 105, 106,
    ]);
    expect(Array.from(history.buckets.realised.subarray(18, 21))).toEqual([60, 61, 62]);
  });

  it('never grows past its capacity (the run length)', () => {
    const history = createFrameBatch(5, 3);
    expect(appendBatch(history, source(8))).toBe(5);
    expect(history.count).toBe(5);
  });

  it('skips rows it already holds and refuses a gap', () => {
    const all = source(10);
    const history = createFrameBatch(10, 3);
    appendBatch(history, sliceFrameBatch(all, 0, 4));
    expect(appendBatch(history, sliceFrameBatch(all, 2, 6))).toBe(2);
    expect(history.scalars.step[5]).toBe(5);
    expect(appendBatch(history, sliceFrameBatch(all, 8, 10))).toBe(0);
    expect(appendBatch(history, sliceFrameBatch(all, 0, 3))).toBe(0);
    expect(history.count).toBe(6);
  });
});

describe('historyUpTo', () => {
  it('shows the rows up to a step without copying the columns', () => {
    const h = createFrameBatch(10, 2, 0);
    h.count = 8;
    const v = historyUpTo(h, 3);
    expect(v.count).toBe(4);
    expect(v.scalars.close).toBe(h.scalars.close);
    expect(h.count).toBe(8);
    expect(historyUpTo(h, null)).toBe(h);
    expect(historyUpTo(h, 50)).toBe(h);
    expect(historyUpTo(h, -3).count).toBe(0);
  });
});
