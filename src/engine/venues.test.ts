import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/params';
import { newAccount } from './accounts';
import { OrderBook } from './book';
import { ExogenousLedger } from './criticality';
import { LiquidationEngine, type StepLiquidations } from './liquidation';
import { LiquidationMap } from './positions';
import { makeSide } from './testing';
import type { Scenario } from './types';
import {
  adlToRestore,
  fundCapacity,
  sliceQty,
  slicesPerStep,
  stepDownQty,
  unwindOrder,
  vaultTriggerPrice,
} from './venues';

function stepRecord(): StepLiquidations {
  return {
    longNotional: 0,
    shortNotional: 0,
    count: 0,
    adlCount: 0,
    adlNotional: 0,
    realised: new LiquidationMap(1, 1e7, 10),
    ledger: new ExogenousLedger(),
  };
}

function scenario(over: Partial<Scenario>): Scenario {
  return { ...defaultScenario(), ...over };
}

/** A 10x long entered at 63,000: bankruptcy 56,700; at tier 0 liquidation 56,927.71. */
const LONG = { qty: 1, entry: 63_000, leverage: 10 };
const MARK = 56_900;

describe('venue rules, worked figures', () => {
  it('slices a Hyperliquid position above $100k into 20 % orders, two per one-minute step', () => {
    expect(sliceQty(2, 120_000)).toBeCloseTo(0.4, 12); // $120k: a 20 % slice
    expect(sliceQty(1, 60_000)).toBe(1); // $60k: the whole position at once
    expect(sliceQty(1, 100_000)).toBe(1); // exactly $100k is not above it
    expect(slicesPerStep()).toBe(2); // a 30 s cooldown fits twice in 60 s
  });

  it('puts the vault threshold at ⅔ of maintenance margin, beyond the liquidation price', () => {
    // Long, E 63,000, 10x, mmr 0.4 %: liquidation 56,700 / 0.996; vault 56,700 / (1 − 0.002667).
    expect(vaultTriggerPrice(1, 63_000, 10, 0.004)).toBeCloseTo(56_851.6043, 3);
    // Short, E 63,000, 10x: bankruptcy 69,300; vault 69,300 / (1 + 0.002667).
    expect(vaultTriggerPrice(-1, 63_000, 10, 0.004)).toBeCloseTo(69_115.6915, 3);
  });

  it('steps a Bybit position down to the next lower tier’s limit at the mark', () => {
    // 50 BTC at a 57,200 mark = $2.86M, tier 2; tier 1's limit $250k keeps 4.3706 BTC.
    expect(stepDownQty(50, 2, 57_200)).toBeCloseTo(50 - 250_000 / 57_200, 9);
    expect(stepDownQty(50, 0, 57_200)).toBe(50); // tier 0: the whole position
    expect(stepDownQty(1, 2, 57_200)).toBe(0); // already within tier 1's limit
  });

  it('lets the fund carry what its equity pays for at the mark: the ADL trigger', () => {
    // A long at bankruptcy 56,700 with the mark at 56,600 loses 100 per unit.
    expect(fundCapacity(1_000, 1, 50, 56_700, 56_600)).toBeCloseTo(10, 12);
    expect(fundCapacity(0, 1, 50, 56_700, 56_900)).toBe(50); // a gain at the mark: all of it
    expect(fundCapacity(-1, 1, 50, 56_700, 56_900)).toBe(0); // a fund under water takes none
  });

  it('deleverages just enough of an under-water stock to bring its equity back to zero', () => {
    // 10 BTC bought at 56,700; fund cash 1,000; mark 56,500: equity −1,000, 200 a unit.
    const stock = { cash: -567_000, inventory: 10 };
    const equity = 1_000 + stock.cash + stock.inventory * 56_500;
    expect(equity).toBeCloseTo(-1_000, 6);
    expect(adlToRestore(equity, stock, 56_500)).toBeCloseTo(5, 9);
    expect(adlToRestore(500, stock, 56_500)).toBe(0);
  });

  it('unwinds a stock only while the price is not moving against it, and never below cost', () => {
    const long = { inventory: 100, cash: -100 * 95 }; // 100 units bought at 95
    expect(unwindOrder(long, 100, 101).qty).toBe(0); // falling: hold
    const sell = unwindOrder(long, 101, 100);
    expect(sell.qty).toBeCloseTo(-2, 12); // 2 % of the stock
    expect(sell.limit).toBeCloseTo(101 * 0.995, 9); // no more than 0.5 % below the last price
    expect(unwindOrder(long, 95.2, 95).limit).toBe(95); // the limit keeps to the cost
    expect(unwindOrder(long, 94.9, 94).qty).toBe(0); // below cost: warehouse, do not realise
    const short = { inventory: -100, cash: 100 * 105 }; // 100 units sold at 105
    expect(unwindOrder(short, 101, 100).qty).toBe(0); // a short stock holds while price rises
    expect(unwindOrder(short, 99, 100).qty).toBeCloseTo(2, 12);
  });
});

describe('binance engine', () => {
  it('sends one order into the band and lets the fund take the rest at bankruptcy: no queue', () => {
    const s = scenario({ engine: 'binance', insuranceFund: 1_000_000 });
    const engine = new LiquidationEngine(s, makeSide(1, [{ ...LONG, qty: 100 }]), makeSide(-1, []));
    const book = new OrderBook(MARK, 1_000_000); // thin: the band cannot take 100 BTC
    engine.beginStep();
    engine.liquidate(book, MARK, 0, stepRecord());
    const sold = book.makers.inventory;
    expect(sold).toBeGreaterThan(0);
    expect(sold).toBeLessThan(100);
    expect(engine.stock.inventory).toBeCloseTo(100 - sold, 9);
    expect(engine.stock.cash).toBeCloseTo(-(100 - sold) * 56_700, 4);
    expect(engine.queuedNotional(MARK)).toBe(0);
    expect(engine.account.inventory).toBeCloseTo(0, 9);
    // The surplus over bankruptcy went to the fund, whole: no fee.
    expect(engine.fees).toBe(0);
    expect(engine.fund - 1_000_000).toBeCloseTo(-book.makers.cash - sold * 56_700, 4);
  });

  it('auto-deleverages at once what the fund cannot carry at the mark', () => {
    // The mark gapped to 56,000, below bankruptcy: a fund of 0 carries nothing.
    const s = scenario({ engine: 'binance', insuranceFund: 0 });
    const shorts = makeSide(-1, [{ qty: 50, entry: 60_000, leverage: 5 }]);
    const engine = new LiquidationEngine(s, makeSide(1, [{ ...LONG, qty: 10 }]), shorts);
    engine.beginStep();
    engine.liquidate(new OrderBook(56_000, 1_000_000), 56_000, 0, stepRecord());
    engine.execute(new OrderBook(56_000, 1_000_000), 56_000, 0, stepRecord());
    expect(engine.totals.adlNotional).toBeCloseTo(10 * 56_700, 4);
    expect(shorts.qty[0]).toBeCloseTo(40, 9);
    expect(engine.queuedNotional(56_000)).toBe(0);
    expect(engine.totals.adlCount).toBe(1);
  });

  it('deleverages the fund’s stock over several steps as the price walks away', () => {
    const s = scenario({ engine: 'binance', insuranceFund: 10_000 });
    const shorts = makeSide(-1, [{ qty: 500, entry: 62_000, leverage: 5 }]);
    const engine = new LiquidationEngine(s, makeSide(1, [{ ...LONG, qty: 10 }]), shorts);
    const empty = new OrderBook(MARK, 100_000); // nearly no bids: the fund takes almost all
    engine.beginStep();
    engine.liquidate(empty, MARK, 0, stepRecord());
    const held = engine.stock.inventory;
    expect(held).toBeGreaterThan(9);
    let adlSteps = 0;
    // Each mark is far enough below the stock's cost (about 56,700) for its loss to pass the fund.
    for (const mark of [55_500, 55_000, 54_500]) {
      const before = engine.totals.adlNotional;
      engine.beginStep();
      engine.liquidate(new OrderBook(mark, 100_000), mark, 0, stepRecord());
      engine.execute(new OrderBook(mark, 100_000), mark, 0, stepRecord());
      if (engine.totals.adlNotional > before) adlSteps++;
      // After each step the fund can pay its stock at the mark again, and no more was cut.
      expect(Math.abs(engine.fundEquity(mark))).toBeLessThan(1e-6);
    }
    expect(adlSteps).toBe(3);
    expect(engine.totals.adlCount).toBe(1); // one short, cut three times
    expect(engine.stock.inventory).toBeGreaterThan(0);
  });

  it('deleverages the residual counterparty once no trader can be', () => {
    const s = scenario({ engine: 'binance', insuranceFund: 0 });
    const legacy = newAccount();
    legacy.inventory = -100;
    const engine = new LiquidationEngine(
      s,
      makeSide(1, [{ ...LONG, qty: 20 }]),
      makeSide(-1, []),
      legacy,
    );
    engine.beginStep();
    engine.liquidate(new OrderBook(56_000, 1_000_000), 56_000, 0, stepRecord());
    engine.execute(new OrderBook(56_000, 1_000_000), 56_000, 0, stepRecord());
    expect(legacy.inventory).toBeCloseTo(-80, 9);
    expect(legacy.cash).toBeCloseTo(-20 * 56_700, 4);
    expect(engine.totals.adlCount).toBe(1);
    expect(engine.badDebt).toBe(0);
  });

  it('leaves positions past the throughput limit with their traders, checked again next step', () => {
    const s = scenario({ engine: 'binance', throughput: 50_000, insuranceFund: 1e9 });
    const longs = makeSide(1, [LONG, LONG]);
    const engine = new LiquidationEngine(s, longs, makeSide(-1, []));
    const out = stepRecord();
    engine.beginStep();
    engine.liquidate(new OrderBook(MARK, 50_000_000), MARK, 0, out);
    expect(out.count).toBe(1); // 56,700 of notional used the step's 50,000
    expect(longs.qty[0] + longs.qty[1]).toBe(1); // the other trader still holds theirs
    expect(engine.queuedNotional(MARK)).toBe(0);
    const next = stepRecord();
    engine.beginStep();
    engine.liquidate(new OrderBook(MARK, 50_000_000), MARK, 0, next);
    expect(next.count).toBe(1);
    expect(longs.qty[0] + longs.qty[1]).toBe(0);
  });
});

describe('bybit engine', () => {
  it('steps a breached position down one tier at a time and leaves the rest with the trader', () => {
    // 50 BTC at 63,000 = $3.15M at entry: tier 3 (2.5 %), liquidation 56,700 / 0.975 = 58,153.85.
    const s = scenario({ engine: 'bybit', insuranceFund: 1e9 });
    const longs = makeSide(1, [{ qty: 50, entry: 63_000, leverage: 10 }]);
    const engine = new LiquidationEngine(s, longs, makeSide(-1, []));
    expect(longs.tier[0]).toBe(3);
    expect(longs.liq[0]).toBeCloseTo(58_153.846, 2);
    const book = new OrderBook(57_200, 200_000_000);
    const out = stepRecord();
    engine.beginStep();
    // At 58,100 the position ($2.9M) is already within tier 2's limit: it only moves down.
    engine.liquidate(book, 58_100, 0, out);
    expect(out.count).toBe(0);
    expect(longs.tier[0]).toBe(2);
    expect(longs.liq[0]).toBeCloseTo(56_700 / 0.99, 6);
    // At 57,200 tier 2 is breached: cut to tier 1's $250k; tier 1's liquidation 56,984.92 holds.
    engine.beginStep();
    engine.liquidate(book, 57_200, 0, out);
    expect(out.count).toBe(1);
    expect(longs.qty[0]).toBeCloseTo(250_000 / 57_200, 9);
    expect(longs.tier[0]).toBe(1);
    expect(longs.liq[0]).toBeCloseTo(56_700 / 0.995, 6);
  });
});

describe('hyperliquid engine', () => {
  // 3 BTC at 63,000 = $189k at entry: tier 1 (0.5 %); liquidation 56,984.92, vault 56,889.63.
  const WHALE = { qty: 3, entry: 63_000, leverage: 10 };

  it('liquidates a position above $100k 20 % at a time, twice a step, the trader keeping the rest', () => {
    const s = scenario({ engine: 'hyperliquid', backstop: 1_000_000 });
    const longs = makeSide(1, [WHALE]);
    const engine = new LiquidationEngine(s, longs, makeSide(-1, []));
    const liqBefore = longs.liq[0];
    expect(liqBefore).toBeCloseTo(56_984.925, 2);
    const book = new OrderBook(56_950, 200_000_000);
    engine.beginStep();
    engine.liquidate(book, 56_950, 0, stepRecord());
    expect(longs.qty[0]).toBeCloseTo(3 * 0.8 * 0.8, 9); // 0.6, then 0.48: 1.92 BTC left
    expect(book.makers.inventory).toBeCloseTo(1.08, 9);
    // The slices' surplus over bankruptcy stayed in the margin: the rest is safer than before.
    expect(longs.liq[0]).toBeLessThan(liqBefore);
    expect(engine.vault.inventory).toBe(0);
    expect(engine.queuedNotional(56_950)).toBe(0);
    // The cooldown: the rest is checked again at the next step. Breached again, 1.92 BTC ($109k)
    // gets a 20 % slice; the 1.536 BTC left is under $100k, so the second order takes it all.
    const next = stepRecord();
    engine.beginStep();
    engine.liquidate(book, longs.liq[0] - 1, 0, next);
    expect(next.count).toBe(2);
    expect(longs.qty[0]).toBe(0);
    expect(book.makers.inventory).toBeCloseTo(3, 9);
  });

  it('hands the whole position to the vault at bankruptcy below ⅔ of maintenance margin', () => {
    const s = scenario({ engine: 'hyperliquid', backstop: 1_000_000 });
    const longs = makeSide(1, [WHALE]);
    const engine = new LiquidationEngine(s, longs, makeSide(-1, []));
    const book = new OrderBook(56_880, 200_000_000);
    engine.beginStep();
    engine.liquidate(book, 56_880, 0, stepRecord()); // below the 56,889.63 threshold
    expect(longs.qty[0]).toBe(0);
    expect(book.makers.inventory).toBe(0); // nothing went to the book
    expect(engine.vault.inventory).toBeCloseTo(3, 12);
    expect(engine.vault.cash).toBeCloseTo(-3 * 56_700, 6);
    expect(engine.vaultPnl(56_880)).toBeCloseTo(3 * 180, 6); // the margin left is the vault's
  });
});
