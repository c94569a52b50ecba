import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/params';
import { type AdlResult, AdlWhoPays, DECILES, Deleverager } from './adl';
import { OrderBook } from './book';
import { LiquidationEngine } from './liquidation';
import { runReport } from './run';
import { emptyStepLiquidations, makeSide } from './testing';
import type { Scenario } from './types';

const MARK = 50_000;
/** Bankruptcy price of the liquidated long the shorts are deleveraged against. */
const BANKRUPTCY = 50_500;

/**
 * Ten profitable shorts of one unit each, entered at 51,000 … 60,000 at 10×: profit % and
 * effective leverage rise together with the entry, so the ranking follows it.
 */
const shorts = () =>
  makeSide(
    -1,
    Array.from({ length: DECILES }, (_, k) => ({
      qty: 1,
      entry: 51_000 + 1_000 * k,
      leverage: 10,
    })),
  );
/** Two shorts in loss, which ADL never touches. */
const losers = [
  { qty: 5, entry: 49_000, leverage: 10 },
  { qty: 5, entry: 48_000, leverage: 10 },
];

const result = (): AdlResult => ({ closed: 0, realised: 0 });

describe('who pays under ADL', () => {
  it('the ranking queue closes the top-ranked first, whole, and only as much as asked', () => {
    const side = shorts();
    const whoPays = new AdlWhoPays();
    const adl = new Deleverager(side, 'queue', whoPays);
    const out = result();
    adl.take(1.5, BANKRUPTCY, MARK, 1, out);
    adl.finishStep();
    expect(out.closed).toBeCloseTo(1.5, 12);
    const byEntry = (e: number) => side.qty[Array.from(side.entry).indexOf(e)];
    expect(byEntry(60_000)).toBe(0); // the best-ranked, closed whole
    expect(byEntry(59_000)).toBeCloseTo(0.5, 12); // the next, half
    expect(byEntry(58_000)).toBe(1);
    expect(byEntry(51_000)).toBe(1);
    // Haircut by decile of profit: the top decile all of it, the next half, the rest nothing.
    expect(whoPays.haircuts(0)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0.5, 1]);
    // The most profitable short has the least effective leverage (its equity has grown).
    expect(whoPays.haircuts(1)).toEqual([1, 0.5, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('pro rata cuts every profitable position by the same share, and no losing one', () => {
    const side = makeSide(-1, [
      ...Array.from({ length: DECILES }, (_, k) => ({
        qty: 1 + k,
        entry: 51_000 + 1_000 * k,
        leverage: 10,
      })),
      ...losers,
    ]);
    const before = Float64Array.from(side.qty);
    const whoPays = new AdlWhoPays();
    const adl = new Deleverager(side, 'prorata', whoPays);
    const out = result();
    const held = 55; // 1 + 2 + … + 10 units in profit
    adl.take(held * 0.25, BANKRUPTCY, MARK, 1, out);
    adl.finishStep();
    expect(out.closed).toBeCloseTo(held * 0.25, 9);
    for (let i = 0; i < side.count; i++) {
      const inProfit = side.entry[i] > MARK;
      expect(side.qty[i]).toBeCloseTo(inProfit ? before[i] * 0.75 : before[i], 9);
    }
    for (const h of [...whoPays.haircuts(0), ...whoPays.haircuts(1)]) {
      expect(h).toBeCloseTo(0.25, 12);
    }
  });

  it('weights rankings by what they closed: a small cut then a large one', () => {
    const side = shorts();
    const whoPays = new AdlWhoPays();
    const adl = new Deleverager(side, 'prorata', whoPays);
    adl.take(1, BANKRUPTCY, MARK, 1, result()); // 10 % of 10 units
    adl.finishStep();
    adl.take(4.5, BANKRUPTCY, MARK, 2, result()); // 50 % of the 9 left
    adl.finishStep();
    // (1 × 0.1 + 4.5 × 0.5) / 5.5, in every decile.
    for (const h of whoPays.haircuts(0)) expect(h).toBeCloseTo(2.35 / 5.5, 12);
  });

  it('reads 0 in every decile when ADL never ran', () => {
    expect(new AdlWhoPays().haircuts(0)).toEqual(new Array(DECILES).fill(0));
  });
});

describe('what ADL closed against the shortfall it covered', () => {
  const stepRecord = emptyStepLiquidations;

  it('counts as shortfall the loss at the edge of the price band, per unit ADL closed', () => {
    // A 10× long of 100 BTC from 63,000 (bankruptcy 56,700) breached at 56,900 with no fund.
    const s: Scenario = { ...defaultScenario(), insuranceFund: 0 };
    const longs = makeSide(1, [{ qty: 100, entry: 63_000, leverage: 10 }]);
    const opposite = makeSide(-1, [{ qty: 500, entry: 70_000, leverage: 5 }]);
    const engine = new LiquidationEngine(s, longs, opposite);
    const mark = 56_900;
    engine.takeOver(mark, 0, stepRecord());
    engine.execute(new OrderBook(mark, 1_000_000), mark, 0, stepRecord());
    const closed = 500 - opposite.qty[0];
    expect(closed).toBeGreaterThan(0);
    // The book ran out at the band's edge, 5 % under the mark: a unit sold there loses b − edge.
    const edge = mark * 0.95;
    expect(engine.totals.adlShortfall).toBeCloseTo(closed * (56_700 - edge), 4);
    expect(engine.totals.adlNotional).toBeCloseTo(closed * 56_700, 4);
  });

  it('reports total, shortfall and excess that add up, in a deep cascade without a fund', () => {
    const base: Scenario = {
      ...defaultScenario(),
      mark: 'last',
      leverage: 25,
      shock: -10,
      steps: 200,
      positions: 3000,
      insuranceFund: 0,
      seed: 7,
    };
    const queue = runReport({ ...base, adl: 'queue' });
    const proRata = runReport({ ...base, adl: 'prorata' });
    for (const r of [queue, proRata]) {
      expect(r.adlNotional).toBeGreaterThan(0);
      expect(r.adlShortfall).toBeGreaterThan(0);
      expect(r.adlShortfall).toBeLessThan(r.adlNotional);
      expect(r.adlExcessNotional).toBeCloseTo(r.adlNotional - r.adlShortfall, 3);
    }
    const p = proRata.adlHaircutByProfitDecile;
    for (const h of p) expect(h).toBeCloseTo(p[0], 9);
    const q = queue.adlHaircutByProfitDecile;
    expect(q[DECILES - 1]).toBeGreaterThan(q[0]);
  });
});
