import { describe, expect, it } from 'vitest';
import { bankruptcyPrice, liquidationPrice, MARGIN_TIERS, tierOf } from './tiers';

describe('liquidation and bankruptcy prices', () => {
  it('liquidates a 20x long once the mark falls to E (1 - 1/L) / (1 - mmr)', () => {
    // 60,000 entry, 20x, 0.4 % maintenance: 57,000 / 0.996.
    expect(liquidationPrice(1, 60_000, 20, 0.004)).toBeCloseTo(57_228.9156626506, 9);
    // That is a fall of 4.62 %: less than the 5 % of margin, by the maintenance rate.
    expect(1 - liquidationPrice(1, 60_000, 20, 0.004) / 60_000).toBeCloseTo(0.04618, 5);
  });

  it('liquidates a 10x short once the mark rises to E (1 + 1/L) / (1 + mmr)', () => {
    expect(liquidationPrice(-1, 50_000, 10, 0.01)).toBeCloseTo(55_000 / 1.01, 9);
  });

  it('puts bankruptcy where the margin is exhausted: E (1 - 1/L) long, E (1 + 1/L) short', () => {
    expect(bankruptcyPrice(1, 60_000, 20)).toBe(57_000);
    expect(bankruptcyPrice(-1, 60_000, 20)).toBe(63_000);
  });

  it('keeps the liquidation price between entry and bankruptcy for every allowed leverage', () => {
    for (const tier of MARGIN_TIERS) {
      for (const l of [1.5, 2, 3, 5, 10, 20, 50, 100, 125].filter((x) => x <= tier.maxLeverage)) {
        if (l <= 1) continue;
        const long = liquidationPrice(1, 100, l, tier.mmr);
        expect(long).toBeLessThan(100);
        expect(long).toBeGreaterThan(bankruptcyPrice(1, 100, l));
        const short = liquidationPrice(-1, 100, l, tier.mmr);
        expect(short).toBeGreaterThan(100);
        expect(short).toBeLessThan(bankruptcyPrice(-1, 100, l));
      }
    }
  });

  it('never liquidates a 1x long: its liquidation price is zero', () => {
    expect(liquidationPrice(1, 60_000, 1, 0.004)).toBe(0);
  });
});

describe('margin tiers', () => {
  it('raises the maintenance rate and lowers the leverage cap as notional grows', () => {
    for (let i = 1; i < MARGIN_TIERS.length; i++) {
      expect(MARGIN_TIERS[i].mmr).toBeGreaterThan(MARGIN_TIERS[i - 1].mmr);
      expect(MARGIN_TIERS[i].maxLeverage).toBeLessThan(MARGIN_TIERS[i - 1].maxLeverage);
      // Every tier's cap leaves room above its maintenance rate.
      expect(1 / MARGIN_TIERS[i].maxLeverage).toBeGreaterThanOrEqual(MARGIN_TIERS[i].mmr);
    }
  });

  it('puts a notional in the first tier whose bound holds it', () => {
    expect(tierOf(1_000)).toBe(0);
    expect(tierOf(50_000)).toBe(0);
    expect(tierOf(50_001)).toBe(1);
    expect(tierOf(1e12)).toBe(MARGIN_TIERS.length - 1);
  });
});
