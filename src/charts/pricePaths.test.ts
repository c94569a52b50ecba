import { describe, expect, it } from 'vitest';
import { createFrameBatch, type FrameBatch } from '../engine/frame';
import { createChunkedPaths, linePaths, type PriceScales } from './pricePaths';

const SHOW = { close: true, mark: true, index: true, ghost: true, range: true };
const scales = (yScale = 1): PriceScales => ({
  xAt: (step) => step * 2 + 1,
  y: (v) => 300 - v * yScale,
  key: String(yScale),
});

/** `rows` steps of a wavy price, filled up to `count`; a gap (no price) at step 40. */
function trace(rows: number, count = rows): FrameBatch {
  const f = createFrameBatch(rows, 1);
  const s = f.scalars;
  for (let r = 0; r < rows; r++) {
    const p = r === 40 ? Number.NaN : 100 + 10 * Math.sin(r / 7);
    s.step[r] = r;
    s.close[r] = p;
    s.mark[r] = p + 0.5;
    s.index[r] = p - 0.5;
    s.ghost[r] = p + 1;
    s.low[r] = p - 1;
    s.high[r] = p + 1;
  }
  f.count = count;
  return f;
}

describe('createChunkedPaths', () => {
  it('draws a run shorter than a chunk as one path per line, exactly linePaths', () => {
    const f = trace(64);
    const p = createChunkedPaths(64).update(f, scales(), SHOW);
    expect(p.frozen).toEqual([]);
    expect(p.tail).toEqual(linePaths(f, scales(), SHOW));
  });

  it('splits a longer run into chunks that share their boundary rows', () => {
    const f = trace(100);
    const p = createChunkedPaths(32).update(f, scales(), SHOW);
    // Chunks 0-31 (+32), 32-63 (+64), 64-95 (+96); the tail is 96-99.
    expect(p.frozen).toHaveLength(3);
    expect(p.frozen[1]).toEqual(linePaths(f, scales(), SHOW, 32, 65));
    expect(p.tail).toEqual(linePaths(f, scales(), SHOW, 96, 100));
    expect(p.frozen[1].close.startsWith('M65,')).toBe(true);
    expect(p.frozen[0].close).toContain('L65,');
  });

  it('appending rows builds only the new chunks, the same as drawing them at once', () => {
    const f = trace(200, 0);
    const chunks = createChunkedPaths(32);
    let seen = 0;
    for (const count of [1, 20, 33, 34, 90, 150, 200]) {
      f.count = count;
      const p = chunks.update(f, scales(), SHOW);
      expect(p.firstNew).toBe(seen);
      seen = p.frozen.length;
    }
    const once = createChunkedPaths(32).update(f, scales(), SHOW);
    const last = chunks.update(f, scales(), SHOW);
    expect(last.frozen).toEqual(once.frozen);
    expect(last.tail).toEqual(once.tail);
  });

  it('rebuilds every chunk when the scales change, or the run', () => {
    const f = trace(100);
    const chunks = createChunkedPaths(32);
    chunks.update(f, scales(1), SHOW);
    const rescaled = chunks.update(f, scales(2), SHOW);
    expect(rescaled.firstNew).toBe(0);
    expect(rescaled.frozen[0]).toEqual(linePaths(f, scales(2), SHOW, 0, 33));
    expect(chunks.update(trace(100), scales(2), SHOW).firstNew).toBe(0);
    expect(chunks.update(f, scales(2), { ...SHOW, ghost: false }).frozen[0].ghost).toBe('');
  });

  it('keeps the chunks before a held minute, and drops those after it', () => {
    const f = trace(100);
    const chunks = createChunkedPaths(32);
    chunks.update(f, scales(), SHOW);
    const held = chunks.update({ ...f, count: 50 }, scales(), SHOW);
    expect(held.frozen).toHaveLength(1);
    expect(held.firstNew).toBe(1);
    expect(held.tail).toEqual(linePaths(f, scales(), SHOW, 32, 50));
  });
});
