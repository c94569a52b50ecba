import { describe, expect, it } from 'vitest';
import { createFrameBatch } from '../engine/frame';
import { estimateFiguresAt } from './estimateFigures';

function batch() {
  const f = createFrameBatch(3, 2);
  const s = f.scalars;
  f.count = 2;
  s.estimateMiss5[1] = 0.714;
  s.estimateInvent5[1] = 0.2;
  s.estimateMiss10[1] = 0.666;
  s.estimateInvent10[1] = Number.NaN;
  return f;
}

describe('estimateFiguresAt', () => {
  it('reads both bands of the row as whole percentages', () => {
    expect(estimateFiguresAt(batch(), 1)).toEqual([
      { band: '±5 %', miss: '71 %', invent: '20 %' },
      // No estimate near the price: no share, a dash rather than "NaN %".
      { band: '±10 %', miss: '67 %', invent: '–' },
    ]);
  });

  it('is empty for a row not simulated yet', () => {
    expect(estimateFiguresAt(batch(), 2)).toEqual([]);
    expect(estimateFiguresAt(batch(), -1)).toEqual([]);
  });
});
