import { describe, expect, it } from 'vitest';
import { createPathChunks } from './pathChunks';

/** A path of rows [from, to) that names them: "M0L1L2…". */
const build = (from: number, to: number): string =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => `${i ? 'L' : 'M'}${from + i}`).join('');

describe('createPathChunks', () => {
  const history = {};

  it('is one path while the rows fit in a chunk', () => {
    const p = createPathChunks(4).update(history, 4, 'k', build);
    expect(p).toEqual({ frozen: [], firstNew: 0, tail: build(0, 4) });
  });

  it('finishes a chunk once the next chunk’s first row is there, and the pieces join', () => {
    const chunks = createPathChunks(4);
    const p = chunks.update(history, 10, 'k', build);
    expect(p.frozen).toEqual(['M0L1L2L3L4', 'M4L5L6L7L8']);
    expect(p.tail).toBe('M8L9');
  });

  it('builds only the new chunks while the scales hold, and all of them when they move', () => {
    const chunks = createPathChunks(4);
    const built: number[] = [];
    const spy = (from: number, to: number) => (built.push(from), build(from, to));
    chunks.update(history, 6, 'k', spy);
    built.length = 0;
    const p = chunks.update(history, 10, 'k', spy);
    expect(p.firstNew).toBe(1);
    expect(built).toEqual([4, 8]); // the second chunk and the tail
    built.length = 0;
    expect(chunks.update(history, 10, 'other', spy).firstNew).toBe(0);
    expect(built).toEqual([0, 4, 8]);
  });

  it('keeps the chunks before a held minute, and starts over for another history', () => {
    const chunks = createPathChunks(4);
    chunks.update(history, 12, 'k', build);
    const held = chunks.update(history, 6, 'k', build);
    expect(held.frozen).toEqual(['M0L1L2L3L4']);
    expect(held.tail).toBe('M4L5');
    expect(chunks.update({}, 6, 'k', build).firstNew).toBe(0);
  });
});
