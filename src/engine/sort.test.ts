import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argsortNonNegative } from './sort';

describe('argsortNonNegative', () => {
  it('returns a permutation that sorts any non-negative keys ascending', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true })),
        (values) => {
          const keys = Float64Array.from(values);
          const order = argsortNonNegative(keys);
          expect(Array.from(order).sort((a, b) => a - b)).toEqual(values.map((_, i) => i));
          for (let i = 1; i < order.length; i++) {
            expect(keys[order[i - 1]]).toBeLessThanOrEqual(keys[order[i]]);
          }
        },
      ),
    );
  });

  it('keeps equal keys in their original order (stable)', () => {
    const keys = Float64Array.from([3, 1, 3, 1, 2, 3]);
    expect(Array.from(argsortNonNegative(keys))).toEqual([1, 3, 4, 0, 2, 5]);
  });

  it('orders keys that differ only in their last bit', () => {
    const a = 54_321.123;
    const b = a + Number.EPSILON * a; // next representable double or so
    expect(Array.from(argsortNonNegative(Float64Array.from([b, a, 0])))).toEqual([2, 1, 0]);
  });
});
