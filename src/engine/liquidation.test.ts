import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/params';
import { OrderBook } from './book';
import { LiquidationEngine } from './liquidation';
import { emptyStepLiquidations, makeSide } from './testing';
import type { Scenario } from './types';

const stepRecord = emptyStepLiquidations;

function scenario(over: Partial<Scenario>): Scenario {
  return { ...defaultScenario(), ...over };
}

/** One 10x long of 1 BTC entered at 63,000: liquidation 56,927.71, bankruptcy 56,700. */
const LONG = { qty: 1, entry: 63_000, leverage: 10 };
const MARK = 56_900;

describe('liquidation engine accounting', () => {
  it('takes a breached long over at bankruptcy: the trader loses exactly the margin', () => {
    const longs = makeSide(1, [LONG]);
    const engine = new LiquidationEngine(scenario({}), longs, makeSide(-1, []));
    const out = stepRecord();
    engine.takeOver(MARK + 100, 0, out);
    expect(out.count).toBe(0); // not breached yet at 57,000
    engine.takeOver(MARK, 0, out);
    expect(out.count).toBe(1);
    // Booked at the bankruptcy price, as terminals total liquidations.
    expect(out.longNotional).toBeCloseTo(56_700, 9);
    expect(longs.qty[0]).toBe(0);
    expect(engine.totals.tradersRealised).toBeCloseTo(-6_300, 9);
  });

  it('pays the fee out of the surplus over bankruptcy and the rest into the fund', () => {
    const s = scenario({ liquidationFee: 0.1, insuranceFund: 1_000_000 });
    const engine = new LiquidationEngine(s, makeSide(1, [LONG]), makeSide(-1, []));
    const book = new OrderBook(MARK, 20_000_000);
    const out = stepRecord();
    engine.takeOver(MARK, 0, out);
    engine.execute(book, MARK, 0, out);
    const value = book.filledValue;
    expect(book.makers.inventory).toBeCloseTo(1, 12);
    expect(engine.fees).toBeCloseTo(0.001 * value, 9);
    expect(engine.fund - 1_000_000).toBeCloseTo(value - 56_700 - 0.001 * value, 6);
    expect(engine.badDebt).toBe(0);
  });

  it('never charges a fee larger than the surplus', () => {
    const s = scenario({ liquidationFee: 5, insuranceFund: 0 });
    const engine = new LiquidationEngine(s, makeSide(1, [LONG]), makeSide(-1, []));
    const book = new OrderBook(MARK, 20_000_000);
    engine.takeOver(MARK, 0, stepRecord());
    engine.execute(book, MARK, 0, stepRecord());
    expect(engine.fees).toBeCloseTo(book.filledValue - 56_700, 6);
    expect(engine.fund).toBeCloseTo(0, 9);
  });

  it('lets the fund pay a fill below bankruptcy', () => {
    const s = scenario({ liquidationFee: 0.5, insuranceFund: 1_000_000 });
    const engine = new LiquidationEngine(s, makeSide(1, [{ ...LONG, qty: 20 }]), makeSide(-1, []));
    const book = new OrderBook(MARK, 1_000_000); // thin: 20 BTC walks below 56,700
    engine.takeOver(MARK, 0, stepRecord());
    engine.execute(book, MARK, 0, stepRecord());
    // The makers' account holds every fill the engine made, whichever rung of the waterfall.
    expect(book.makers.inventory).toBeCloseTo(20, 9);
    const shortfall = 20 * 56_700 + book.makers.cash;
    expect(shortfall).toBeGreaterThan(0);
    expect(shortfall).toBeLessThan(1_000_000);
    expect(engine.fund).toBeCloseTo(1_000_000 - shortfall, 4);
    expect(engine.fees).toBe(0);
    expect(engine.badDebt).toBe(0);
  });

  it('auto-deleverages the opposite side at bankruptcy once the fund is empty', () => {
    const s = scenario({ insuranceFund: 0 });
    const shorts = makeSide(-1, [{ qty: 500, entry: 70_000, leverage: 5 }]);
    const engine = new LiquidationEngine(s, makeSide(1, [{ ...LONG, qty: 100 }]), shorts);
    const book = new OrderBook(MARK, 1_000_000);
    engine.takeOver(MARK, 0, stepRecord());
    engine.execute(book, MARK, 0, stepRecord());
    const viaBook = book.makers.inventory; // only what filled at or above bankruptcy overall
    expect(viaBook).toBeLessThan(100);
    const adlQty = 100 - viaBook;
    expect(shorts.qty[0]).toBeCloseTo(500 - adlQty, 9);
    expect(engine.totals.adlNotional).toBeCloseTo(adlQty * 56_700, 4);
    // The short realises its profit at the long's bankruptcy price.
    expect(engine.badDebt).toBe(0);
    expect(engine.fund).toBeGreaterThanOrEqual(0);
  });

  it('books what neither fund nor ADL can pay as bad debt', () => {
    const s = scenario({ insuranceFund: 0 });
    const engine = new LiquidationEngine(s, makeSide(1, [{ ...LONG, qty: 100 }]), makeSide(-1, []));
    const book = new OrderBook(MARK, 5_000_000);
    engine.takeOver(MARK, 0, stepRecord());
    engine.execute(book, MARK, 0, stepRecord());
    const closed = 100 - engine.queuedNotional(1);
    expect(closed).toBeGreaterThan(0);
    // Everything closed in the book; below bankruptcy nobody paid.
    expect(engine.badDebt).toBeGreaterThan(0);
    expect(engine.fund).toBe(0);
  });

  it('deleverages the best-ranked short first: profit % times effective leverage', () => {
    const s = scenario({ insuranceFund: 0 });
    // Same entry; the 20x short ranks far above the 2x one at this mark.
    const shorts = makeSide(-1, [
      { qty: 1_000, entry: 70_000, leverage: 2 },
      { qty: 1_000, entry: 70_000, leverage: 20 },
    ]);
    const engine = new LiquidationEngine(s, makeSide(1, [{ ...LONG, qty: 100 }]), shorts);
    engine.takeOver(MARK, 0, stepRecord());
    engine.execute(new OrderBook(MARK, 1_000_000), MARK, 0, stepRecord());
    const low = shorts.leverage[0] === 2 ? 0 : 1;
    expect(shorts.qty[low]).toBe(1_000);
    expect(shorts.qty[1 - low]).toBeLessThan(1_000);
  });

  it('spreads a pro-rata haircut over every profitable short alike', () => {
    const s = scenario({ insuranceFund: 0, adl: 'prorata' });
    const shorts = makeSide(-1, [
      { qty: 1_000, entry: 70_000, leverage: 2 },
      { qty: 3_000, entry: 70_000, leverage: 20 },
    ]);
    const engine = new LiquidationEngine(s, makeSide(1, [{ ...LONG, qty: 100 }]), shorts);
    engine.takeOver(MARK, 0, stepRecord());
    engine.execute(new OrderBook(MARK, 1_000_000), MARK, 0, stepRecord());
    const cut0 = 1 - shorts.qty[0] / (shorts.leverage[0] === 2 ? 1_000 : 3_000);
    const cut1 = 1 - shorts.qty[1] / (shorts.leverage[1] === 2 ? 1_000 : 3_000);
    expect(cut0).toBeGreaterThan(0);
    expect(cut0).toBeCloseTo(cut1, 12);
  });

  it('lets the backstop vault take the position at bankruptcy instead of the fund', () => {
    const s = scenario({ insuranceFund: 1_000_000, backstop: 100_000_000 });
    const engine = new LiquidationEngine(s, makeSide(1, [{ ...LONG, qty: 100 }]), makeSide(-1, []));
    engine.takeOver(MARK, 0, stepRecord());
    engine.execute(new OrderBook(MARK, 1_000_000), MARK, 0, stepRecord());
    expect(engine.vault.inventory).toBeGreaterThan(0);
    expect(engine.fund).toBeGreaterThanOrEqual(1_000_000);
  });

  it('cuts a large position to the next tier first when partial liquidation is on', () => {
    // 10 BTC at 60,000 = $600k: tier 2 (1 % maintenance); the cut keeps $250k of it.
    const whale = { qty: 10, entry: 60_000, leverage: 10 };
    const s = scenario({ partial: true });
    const longs = makeSide(1, [whale]);
    const engine = new LiquidationEngine(s, longs, makeSide(-1, []));
    const liqBefore = longs.liq[0];
    const out = stepRecord();
    engine.takeOver(liqBefore, 0, out);
    expect(out.count).toBe(1);
    expect(longs.qty[0] * 60_000).toBeCloseTo(250_000, 6);
    expect(longs.liq[0]).toBeLessThan(liqBefore);
    // Once the mark reaches the new, lower liquidation price the rest goes too.
    engine.takeOver(longs.liq[0], 0, out);
    expect(longs.qty[0]).toBeLessThan(250_000 / 60_000);
  });

  it('executes no more than the throughput limit per step and queues the rest', () => {
    const s = scenario({ throughput: 1_000_000, insuranceFund: 1e9 });
    const engine = new LiquidationEngine(s, makeSide(1, [{ ...LONG, qty: 100 }]), makeSide(-1, []));
    const book = new OrderBook(MARK, 50_000_000);
    engine.takeOver(MARK, 0, stepRecord());
    engine.execute(book, MARK, 0, stepRecord());
    expect(book.makers.inventory * MARK).toBeCloseTo(1_000_000, 0);
    expect(engine.queuedNotional(MARK)).toBeCloseTo(100 * MARK - 1_000_000, 0);
  });
});

describe('liquidation engine edge cases', () => {
  it('counts each position a pro-rata haircut cuts once, however many liquidations it pays for', () => {
    const s = scenario({ insuranceFund: 0, adl: 'prorata' });
    const shorts = makeSide(-1, [
      { qty: 1_000, entry: 70_000, leverage: 2 },
      { qty: 3_000, entry: 70_000, leverage: 20 },
    ]);
    const longs = makeSide(1, [
      { ...LONG, qty: 40 },
      { ...LONG, qty: 30 },
      { ...LONG, qty: 30 },
    ]);
    const engine = new LiquidationEngine(s, longs, shorts);
    engine.beginStep();
    engine.takeOver(MARK, 0, stepRecord());
    engine.execute(new OrderBook(MARK, 1_000_000), MARK, 0, stepRecord());
    expect(engine.totals.adlCount).toBe(2);
    expect(engine.lastAdlHits).toBe(2);
    // Quantity closed by ADL in the positions equals what the engine handed over.
    const cut = 4_000 - shorts.qty[0] - shorts.qty[1];
    expect(cut * 56_700).toBeCloseTo(engine.totals.adlNotional, 3);
  });

  it('moves a position that ADL cut below the lower tier down a tier instead of liquidating nothing', () => {
    // $600k at entry (tier 2); ADL leaves 2 BTC = $120k (tier 1's size).
    const s = scenario({ partial: true });
    const longs = makeSide(1, [{ qty: 10, entry: 60_000, leverage: 10 }]);
    const engine = new LiquidationEngine(s, longs, makeSide(-1, []));
    longs.reduce(0, 8);
    const out = stepRecord();
    engine.takeOver(longs.liq[0], 0, out);
    expect(out.count).toBe(0);
    expect(engine.queuedNotional(1)).toBe(0);
    expect(longs.tier[0]).toBe(1);
    expect(longs.qty[0]).toBe(2);
  });
});
