import { hcl } from 'd3';
import { describe, expect, it } from 'vitest';
import {
  BURN_MIN_T,
  BURN_VISIBLE_SHARE,
  PALETTE,
  buildLut,
  burnAlpha,
  burnIndex,
  burnInterpolator,
  intensityIndex,
  predictedInterpolator,
  toRgb,
} from './colors';

const lightness = (css: string): number => hcl(css).l;

describe('intensityIndex', () => {
  it('is 0 for nothing and at least 1 for any amount above a millionth of the max', () => {
    expect(intensityIndex(0, 100)).toBe(0);
    expect(intensityIndex(-5, 100)).toBe(0);
    expect(intensityIndex(1e-3, 100)).toBe(1);
    expect(intensityIndex(5, 0)).toBe(0);
  });

  it('treats float residue of closed positions (1e-9 of a $1M max) as empty', () => {
    expect(intensityIndex(2.9e-9, 1e6)).toBe(0);
  });

  it('rises monotonically with the value and saturates at the robust max', () => {
    let prev = 0;
    for (let v = 1; v <= 200; v++) {
      const k = intensityIndex(v, 100);
      expect(k).toBeGreaterThanOrEqual(prev);
      prev = k;
    }
    expect(intensityIndex(100, 100)).toBe(255);
    expect(intensityIndex(1e9, 100)).toBe(255);
  });

  it('uses a square-root scale so a quarter of the max is half-way', () => {
    expect(intensityIndex(25, 100)).toBe(128);
  });
});

describe('burnIndex', () => {
  it('never shows a burn of at least 1 % of the reference dimmer than the visible minimum', () => {
    const floor = Math.round(BURN_MIN_T * 255);
    expect(burnIndex(BURN_VISIBLE_SHARE * 1e6, 1e6)).toBe(floor);
    expect(burnIndex(0.1 * 1e6, 1e6)).toBe(floor); // sqrt(0.1) = 0.32, lifted to the floor
    expect(burnIndex(0.25 * 1e6, 1e6)).toBe(128); // above the floor: plain square root
  });

  it('keeps trickles below that share on the plain square root, residue at none', () => {
    expect(burnIndex(1e-4 * 1e6, 1e6)).toBe(3);
    expect(burnIndex(2e-6, 1e6)).toBe(0);
    expect(burnIndex(0, 1e6)).toBe(0);
    expect(burnIndex(5, 0)).toBe(0);
  });

  it('saturates at the reference and rises monotonically up to it', () => {
    let prev = 0;
    for (let v = 1; v <= 200; v++) {
      const k = burnIndex(v, 100);
      expect(k).toBeGreaterThanOrEqual(prev);
      prev = k;
    }
    expect(burnIndex(100, 100)).toBe(255);
    expect(burnIndex(1e9, 100)).toBe(255);
  });
});

describe('colour maps', () => {
  it('makes the fuel scale brighter as the fuel grows (perceptually monotonic)', () => {
    let prev = -Infinity;
    for (let i = 0; i <= 20; i++) {
      const l = lightness(predictedInterpolator(i / 20));
      expect(l).toBeGreaterThan(prev);
      prev = l;
    }
  });

  it('makes the burn brighter with intensity and brighter than any fuel colour', () => {
    let prev = -Infinity;
    for (let i = 0; i <= 20; i++) {
      const l = lightness(burnInterpolator(i / 20));
      expect(l).toBeGreaterThan(prev);
      prev = l;
    }
    expect(lightness(burnInterpolator(0))).toBeGreaterThan(lightness(predictedInterpolator(1)));
  });

  it('keeps the burn warm (red over blue) and the fuel cool (blue over red) for colour-blind readers', () => {
    for (const t of [0, 0.5, 1]) {
      const [r, , b] = toRgb(burnInterpolator(t));
      expect(r).toBeGreaterThan(b);
    }
    for (const t of [0.25, 0.5, 1]) {
      const [r, , b] = toRgb(predictedInterpolator(t));
      expect(b).toBeGreaterThan(r);
    }
  });

  it('samples a lookup table end to end, 3 bytes per entry', () => {
    const lut = buildLut((t) => `rgb(${Math.round(t * 255)}, 0, 0)`, 3);
    expect([...lut]).toEqual([0, 0, 0, 128, 0, 0, 255, 0, 0]);
  });

  it('never lets the burn fade below 60 % opacity once anything burnt', () => {
    expect(burnAlpha(0)).toBe(0);
    expect(burnAlpha(1)).toBeGreaterThanOrEqual(0.6);
    expect(burnAlpha(255)).toBe(1);
  });

  it('draws the last price light on the dark background', () => {
    expect(lightness(PALETTE.close) - lightness(PALETTE.background)).toBeGreaterThan(80);
  });
});
