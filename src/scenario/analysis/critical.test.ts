import { describe, expect, it } from 'vitest';
import { criticalSize, crossHalf } from './critical';

const curve = (rows: [number, string][]) =>
  rows.map(([size, bits]) => ({ size, cascaded: [...bits].map((b) => b === '1') }));

describe('the crossing of one half', () => {
  it('interpolates between the last point below one half and the first at or above', () => {
    expect(crossHalf([1, 2, 3, 4], [0, 0.25, 0.75, 1])).toEqual({ size: 2.5, bound: 'inside' });
    expect(crossHalf([2, 4], [0.4, 0.6])).toEqual({ size: 3, bound: 'inside' });
  });

  it('reports a bound when the curve does not cross inside the grid', () => {
    expect(crossHalf([1, 2], [0.5, 1])).toEqual({ size: 1, bound: 'atOrBelow' });
    expect(crossHalf([1, 2], [0, 0.25])).toEqual({ size: Infinity, bound: 'above' });
  });
});

describe('the critical size with its bootstrap interval', () => {
  it('is exact, with a zero-width interval, when every seed switches at the same shock', () => {
    const c = criticalSize(
      curve([
        [3, '0000'],
        [1, '0000'],
        [2, '0000'],
        [4, '1111'],
      ]),
    );
    expect(c).toMatchObject({ size: 3.5, bound: 'inside', low: 3.5, high: 3.5 });
  });

  it('widens with the seed-to-seed spread and contains the estimate', () => {
    // Seed j cascades from size j + 1 on: P rises a quarter per size.
    const c = criticalSize(
      curve([
        [1, '1000'],
        [2, '1100'],
        [3, '1110'],
        [4, '1111'],
      ]),
    );
    expect(c.size).toBe(2);
    expect(c.low).toBeLessThan(c.size);
    expect(c.high).toBeGreaterThan(c.size);
    expect(c.low).toBeGreaterThanOrEqual(1);
  });

  it('gives an open upper end when some resamples never cross', () => {
    const c = criticalSize(
      curve([
        [1, '0000'],
        [2, '0001'],
        [3, '0011'],
      ]),
    );
    expect(c.size).toBe(3);
    expect(c.high).toBe(Infinity);
  });
});
