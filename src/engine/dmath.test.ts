import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosPi, exp, log, pow, powerOfTenAtOrBelow, sinPi } from './dmath';

/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  const d = view.getBigInt64(0) - view.getBigInt64(8);
  return Number(d < 0n ? -d : d);
}

/** Distance in ulps of the larger magnitude, for values near zero where signs may differ. */
function absUlps(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, scale);
  const next = view.getBigInt64(0) + 1n;
  view.setBigInt64(0, next);
  const ulp = view.getFloat64(0) - scale;
  return Math.abs(a - b) / ulp;
}

/** A deterministic spread of doubles: log-uniform magnitudes over [lo, hi]. */
function logSpread(count: number, lo: number, hi: number): number[] {
  const out: number[] = [];
  const a = Math.log(lo);
  const b = Math.log(hi);
  for (let i = 0; i < count; i++) out.push(Math.exp(a + ((b - a) * i) / (count - 1)));
  return out;
}

const PROPERTY_BUDGET = { numRuns: 2000 };

describe('exp', () => {
  it('is within 1 ulp of Math.exp over the whole finite range', () => {
    const xs = [
      ...logSpread(3000, 1e-300, 709.78).flatMap((x) => [x, -x]),
      ...Array.from({ length: 4001 }, (_, i) => (i - 2000) / 100),
      -745.1,
      -708.5,
      709.7,
    ];
    let worst = 0;
    for (const x of xs) worst = Math.max(worst, ulps(exp(x), Math.exp(x)));
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('stays within 1 ulp of Math.exp on arbitrary doubles in (-745, 709)', () => {
    fc.assert(
      fc.property(fc.double({ min: -745, max: 709, noNaN: true }), (x) => {
        expect(ulps(exp(x), Math.exp(x))).toBeLessThanOrEqual(1);
      }),
      PROPERTY_BUDGET,
    );
  });

  it('is exact where the answer is a double: e^0 = 1, overflow, underflow, NaN', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(exp(710)).toBe(Infinity);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(NaN)).toBeNaN();
    expect(exp(1e-300)).toBe(1);
  });

  it('lands within 1 ulp of e (fdlibm rounds e^1 up by one unit)', () => {
    expect(ulps(exp(1), Math.E)).toBeLessThanOrEqual(1);
  });
});

describe('log', () => {
  it('is within 1 ulp of Math.log from subnormals to the largest double', () => {
    const xs = [
      ...logSpread(6000, 5e-324, 1.7e308),
      ...Array.from({ length: 2000 }, (_, i) => 0.5 + i / 1000),
      1 - 2 ** -53,
      1 + 2 ** -52,
    ];
    let worst = 0;
    for (const x of xs) worst = Math.max(worst, absUlps(log(x), Math.log(x)));
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('stays within 1 ulp of Math.log on arbitrary positive doubles', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        expect(absUlps(log(x), Math.log(x))).toBeLessThanOrEqual(1);
      }),
      PROPERTY_BUDGET,
    );
  });

  it('is exact at 1, 0, infinity and outside its domain', () => {
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(-Infinity);
    expect(log(-0)).toBe(-Infinity);
    expect(log(Infinity)).toBe(Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(NaN)).toBeNaN();
  });

  it('gives k ln 2 to the last bit for powers of two, and ln 2 itself', () => {
    expect(log(2)).toBe(Math.LN2);
    expect(log(10)).toBe(Math.LN10);
    for (let k = -1074; k <= 1023; k += 7) expect(ulps(log(2 ** k), k * Math.LN2)).toBeLessThan(2);
  });

  it('inverts exp to within 2 ulps', () => {
    for (const x of Array.from({ length: 1001 }, (_, i) => (i - 500) / 7)) {
      expect(absUlps(log(exp(x)), x)).toBeLessThanOrEqual(2);
    }
  });
});

describe('sinPi and cosPi', () => {
  it('are within 2 ulps of Math.sin(pi x), Math.cos(pi x) where pi x rounds only a little', () => {
    // Math.sin(Math.PI * x) carries the rounding of pi * x, so compare only on |x| <= 1/4
    // (where both arguments round the same way) and allow a unit for each side.
    let worst = 0;
    for (let i = -2500; i <= 2500; i++) {
      const x = i / 10_000;
      worst = Math.max(worst, absUlps(sinPi(x), Math.sin(Math.PI * x)));
      worst = Math.max(worst, absUlps(cosPi(x), Math.cos(Math.PI * x)));
    }
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('agree with Math.sin and Math.cos over many turns to 1e-15', () => {
    for (let i = -20_000; i <= 20_000; i++) {
      const x = i / 997;
      expect(Math.abs(sinPi(x) - Math.sin(Math.PI * x))).toBeLessThan(1e-13);
      expect(Math.abs(cosPi(x) - Math.cos(Math.PI * x))).toBeLessThan(1e-13);
    }
  });

  it('are exact at whole and half turns', () => {
    for (let k = -8; k <= 8; k++) {
      // Zero of either sign (sin(-k pi) is -0, as sin(-0) is).
      expect(Math.abs(sinPi(k))).toBe(0);
      expect(Math.abs(cosPi(k + 0.5))).toBe(0);
      expect(cosPi(k)).toBe(k % 2 === 0 ? 1 : -1);
      expect(sinPi(k + 0.5)).toBe(Math.abs(k) % 2 === 0 ? 1 : -1);
    }
    expect(sinPi(Infinity)).toBeNaN();
    expect(cosPi(NaN)).toBeNaN();
  });

  it('keep sin² + cos² = 1 and the period of two half turns', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const s = sinPi(x);
        const c = cosPi(x);
        expect(Math.abs(s * s + c * c - 1)).toBeLessThan(4e-16);
        const shifted = x + 2;
        // Only where x + 2 is exact does it name the same angle.
        if (shifted - 2 === x) expect(sinPi(shifted)).toBe(s);
      }),
      PROPERTY_BUDGET,
    );
  });
});

describe('pow', () => {
  it('is within 2 + |y log x| ulps of Math.pow (the rounding of y log x, magnified by exp)', () => {
    let worstExcess = -Infinity;
    for (const x of logSpread(400, 1e-6, 1e6)) {
      for (const y of [-2 / 3, -0.5, 0.1, 1 / 3, 0.5, 2, 3.7]) {
        const bound = 2 + Math.abs(y * Math.log(x));
        worstExcess = Math.max(worstExcess, ulps(pow(x, y), Math.pow(x, y)) - bound);
      }
    }
    expect(worstExcess).toBeLessThanOrEqual(0);
  });

  it('is within 2 ulps of Math.pow on the per-step shock factor the market uses', () => {
    for (let shock = -60; shock <= 60; shock += 0.5) {
      for (const steps of [1, 2, 3, 5, 10, 30, 60]) {
        const x = 1 + shock / 100;
        expect(ulps(pow(x, 1 / steps), Math.pow(x, 1 / steps))).toBeLessThanOrEqual(2);
      }
    }
  });

  it('handles the engine’s edge cases exactly', () => {
    expect(pow(0.9, 0)).toBe(1);
    expect(pow(1, 1e9)).toBe(1);
    expect(pow(0, 0.5)).toBe(0);
    expect(pow(0, -0.5)).toBe(Infinity);
    expect(pow(-2, 0.5)).toBeNaN();
    expect(pow(2, NaN)).toBeNaN();
  });
});

describe('powerOfTenAtOrBelow', () => {
  it('returns the exact power of ten at or below x', () => {
    expect(powerOfTenAtOrBelow(1)).toBe(1);
    expect(powerOfTenAtOrBelow(9.99)).toBe(1);
    expect(powerOfTenAtOrBelow(10)).toBe(10);
    expect(powerOfTenAtOrBelow(1499.9)).toBe(1000);
    expect(powerOfTenAtOrBelow(0.15)).toBe(0.1);
    expect(powerOfTenAtOrBelow(0.1)).toBe(0.1);
    expect(powerOfTenAtOrBelow(0.0999)).toBe(0.01);
    expect(powerOfTenAtOrBelow(1e-5)).toBe(1e-5);
    for (let k = 0; k <= 22; k++) {
      expect(powerOfTenAtOrBelow(Number(`1e${k}`))).toBe(Number(`1e${k}`));
      expect(powerOfTenAtOrBelow(Number(`2e${k}`))).toBe(Number(`1e${k}`));
    }
  });

  it('rejects what has no power of ten below it', () => {
    expect(powerOfTenAtOrBelow(0)).toBeNaN();
    expect(powerOfTenAtOrBelow(-3)).toBeNaN();
    expect(powerOfTenAtOrBelow(Infinity)).toBeNaN();
  });
});
