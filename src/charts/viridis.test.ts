import { interpolateViridis as d3Viridis } from 'd3';
import { describe, expect, it } from 'vitest';
import { interpolateViridis } from './viridis';

describe('viridis', () => {
  it("is d3's interpolateViridis, colour for colour, clamped at both ends", () => {
    for (let i = -10; i <= 1010; i++) {
      const t = i / 1000;
      expect(interpolateViridis(t)).toBe(d3Viridis(t));
    }
    expect(interpolateViridis(Number.NaN)).toBe(d3Viridis(Number.NaN));
  });
});
