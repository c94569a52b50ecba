import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/params';
import { Market } from './market';
import { createRng } from './rng';
import type { Scenario } from './types';

/** A market with no flow and no volatility: last and index stay at the start price. */
function quietMarket(over: Partial<Scenario>): Market {
  const s = { ...defaultScenario(), noise: 0, volatility: 0, shock: 0, ...over };
  return new Market(s, createRng(1, 'index'), createRng(1, 'noise'));
}

function runSteps(m: Market, steps: number): void {
  for (let t = 0; t < steps; t++) {
    m.advanceIndex(t);
    m.beginStep();
    m.trade();
    m.updateMark();
    m.endStep(t);
  }
}

describe('funding', () => {
  it('charges the same funding per 8 hours whatever the payment interval', () => {
    // No premium: longs pay the interest term alone, 0.01 % of the price per 8 hours.
    for (const interval of [1, 60, 480]) {
      const m = quietMarket({ fundingInterval: interval });
      runSteps(m, 480);
      expect(m.fundingIndex).toBeCloseTo(0.0001 * 60_000, 9);
    }
  });

  it('quotes the rate per interval, in proportion to its length', () => {
    const hourly = quietMarket({ fundingInterval: 60 });
    const eightHourly = quietMarket({ fundingInterval: 480 });
    runSteps(hourly, 10);
    runSteps(eightHourly, 10);
    expect(hourly.fundingRate * 8).toBeCloseTo(eightHourly.fundingRate, 12);
  });
});

describe('market flow', () => {
  it('keeps noise orders within the band of the last price, even against an empty book', () => {
    // Arbitrage off: noise is the only flow, so each step's close stays within the band of
    // the last price the makers re-centre on.
    const m = quietMarket({
      quoteMid: 'last',
      arbStrength: 0,
      noise: 50_000_000,
      liquidity: 100_000,
      resilience: 0.01,
      withdrawal: 10,
      volatility: 10,
    });
    let last = m.last;
    for (let t = 0; t < 300; t++) {
      runSteps(m, 1);
      expect(Math.abs(m.book.tape.close / last - 1)).toBeLessThanOrEqual(0.05 + 2e-4);
      last = m.book.tape.close;
    }
  });
});
