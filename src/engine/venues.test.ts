import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/params';
import { newAccount } from './accounts';
import { OrderBook } from './book';
import { LiquidationEngine } from './liquidation';
import { emptyStepLiquidations, makeSide } from './testing';
import type { Scenario } from './types';
import {
  adlToRestore,
  capacityUsed,
  FUND_STOCK_LEVERAGE,
  fundCapacity,
  sliceQty,
  slicesPerStep,
  stepDownQty,
  unwindOrder,
  vaultTriggerPrice,
} from './venues';

const stepRecord = emptyStepLiquidations;

/** Every party's money at `mark`: cash plus inventory and open positions marked (USD). */
function moneyOf(
  engine: LiquidationEngine,
  book: OrderBook,
  legacy: { cash: number; inventory: number },
  longs: ReturnType<typeof makeSide>,
  shorts: ReturnType<typeof makeSide>,
  mark: number,
): number {
  let sum = engine.fund;
  for (const a of [engine.account, engine.stock, engine.vault, book.makers, legacy]) {
    sum += a.cash + a.inventory * mark;
  }
  for (const side of [longs, shorts]) {
    for (let i = 0; i < side.qty.length; i++) {
      sum += side.side * side.qty[i] * (mark - side.entry[i]);
    }
  }
  return sum + engine.totals.tradersRealised - engine.badDebt;
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

  it('lets a warehouse carry its stock unlevered, notional within its equity: the ADL trigger', () => {
    // A long at bankruptcy 56,700 with the mark at 56,900: each unit taken over adds 56,900 of
    // notional and 200 of equity, so $1M of equity carries 1,000,000 / 56,700 = 17.6367 units.
    expect(FUND_STOCK_LEVERAGE).toBe(1);
    expect(fundCapacity(1_000_000, 0, 1, 50, 56_700, 56_900)).toBeCloseTo(17.636684, 6);
    // At 17.6367 units the notional (1,003,527) equals the equity (1,000,000 + 17.6367 × 200).
    const y = 1_000_000 / 56_700;
    expect(y * 56_900).toBeCloseTo(1_000_000 + y * 200, 6);
    expect(fundCapacity(1_000_000, 0, 1, 5, 56_700, 56_900)).toBe(5); // within it: all
    // A stock of 10 units already uses 569,000: 431,000 / 56,700 = 7.6014 more.
    expect(fundCapacity(1_000_000, 10, 1, 50, 56_700, 56_900)).toBeCloseTo(431_000 / 56_700, 9);
    // A short stock of 5 is netted first (its equity gains 5 × 200), then 101,000 / 56,700.
    expect(fundCapacity(100_000, -5, 1, 8, 56_700, 56_900)).toBeCloseTo(5 + 101_000 / 56_700, 9);
    // The mark below bankruptcy: each unit costs 100 of equity and adds 56,600 of notional.
    expect(fundCapacity(1_000, 0, 1, 50, 56_700, 56_600)).toBeCloseTo(1_000 / 56_700, 12);
    // Netting at a loss (mark below bankruptcy) is bound by the equity at the mark: $200 nets
    // 2 of the 5; $1,000 nets all 5 (−500) and carries 500 / 56,700 more.
    expect(fundCapacity(200, -5, 1, 8, 56_700, 56_600)).toBeCloseTo(2, 12);
    expect(fundCapacity(1_000, -5, 1, 8, 56_700, 56_600)).toBeCloseTo(5 + 500 / 56_700, 12);
    // No equity, no stock: a fund of $0 carries nothing (the rule before carried all 50).
    expect(fundCapacity(0, 0, 1, 50, 56_700, 56_900)).toBe(0);
    expect(fundCapacity(-1, 0, 1, 50, 56_700, 56_900)).toBe(0);
    // A short at bankruptcy 69,300 with the mark at 69,100: 200 of equity a unit.
    expect(fundCapacity(500_000, 0, -1, 50, 69_300, 69_100)).toBeCloseTo(500_000 / 68_900, 9);
  });

  it('reads the share of capacity a stock uses, 1 at or past it', () => {
    expect(capacityUsed(298_000, 5, 56_500)).toBeCloseTo(282_500 / 298_000, 12);
    expect(capacityUsed(298_000, -5, 56_500)).toBeCloseTo(282_500 / 298_000, 12);
    expect(capacityUsed(298_000, 10, 56_500)).toBe(1);
    expect(capacityUsed(-1_000, 10, 56_500)).toBe(1);
    expect(capacityUsed(0, 0, 56_500)).toBe(0);
  });

  it('deleverages just enough of a stock past its capacity to bring it back within', () => {
    // 10 BTC bought at 56,700 with $300,000 of fund cash; mark 56,500: equity 298,000 against
    // 565,000 of notional. Each unit handed to ADL at cost takes 56,500 of notional off and adds
    // 200 of equity: (565,000 − 298,000) / 56,700 = 4.7090 units.
    const stock = { cash: -567_000, inventory: 10 };
    const equity = 300_000 + stock.cash + stock.inventory * 56_500;
    expect(equity).toBeCloseTo(298_000, 6);
    const y = adlToRestore(equity, stock, 56_500);
    expect(y).toBeCloseTo(267_000 / 56_700, 9);
    expect((10 - y) * 56_500).toBeCloseTo(equity + y * 200, 6); // back at the capacity
    // Under water (cash 1,000: equity −1,000) nearly all of it goes: 566,000 / 56,700.
    expect(adlToRestore(-1_000, stock, 56_500)).toBeCloseTo(566_000 / 56_700, 9);
    expect(adlToRestore(600_000, stock, 56_500)).toBe(0); // within capacity: nothing
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

  it('takes over within the fund’s capacity and hands the excess to ADL at bankruptcy, by rank', () => {
    // 40 BTC long at bankruptcy 56,700, breached at a 56,900 mark, into a book with $1 of depth:
    // the fund ($1M) carries its equity's worth, 1,000,000 / 56,700 = 17.64 BTC (plus the dust the
    // book took); the other 22.36 BTC go to ADL at 56,700 against the top-ranked short.
    const s = scenario({ engine: 'binance', insuranceFund: 1_000_000 });
    const shorts = makeSide(-1, [
      { qty: 30, entry: 60_000, leverage: 5 }, // profit 25.8 % of margin at 56,900
      { qty: 30, entry: 64_000, leverage: 10 }, // profit 111 % at higher leverage: ranked first
    ]);
    const longs = makeSide(1, [{ ...LONG, qty: 40 }]);
    const legacy = newAccount();
    legacy.inventory = -(40 - 60);
    legacy.cash = -40 * 63_000 + 30 * 60_000 + 30 * 64_000;
    const engine = new LiquidationEngine(s, longs, shorts, legacy);
    const book = new OrderBook(MARK, 1);
    const cashBefore = moneyOf(engine, book, legacy, longs, shorts, MARK);
    engine.beginStep();
    const out = stepRecord();
    engine.liquidate(book, MARK, 0, out);
    engine.execute(book, MARK, 0, out);
    const sold = book.makers.inventory;
    expect(sold).toBeLessThan(1e-3);
    const surplus = engine.fund - 1_000_000; // the dust's fill above bankruptcy
    const carried = (1_000_000 + surplus) / 56_700;
    expect(engine.stock.inventory).toBeCloseTo(carried, 9);
    expect(engine.stock.inventory).toBeCloseTo(17.637, 2);
    expect(engine.fundCapacityUsed(MARK)).toBeCloseTo(1, 9); // at its capacity, not past it
    expect(engine.totals.adlNotional).toBeCloseTo((40 - sold - carried) * 56_700, 4);
    const at = (entry: number) => shorts.qty[Array.from(shorts.entry).indexOf(entry)];
    expect(at(64_000)).toBeCloseTo(30 - (40 - sold - carried), 9); // ranked first: cut
    expect(at(60_000)).toBe(30); // the lower-ranked short is untouched
    expect(engine.queuedNotional(MARK)).toBe(0);
    expect(engine.badDebt).toBe(0);
    // Money: what the parties hold at the mark, fund and stock included, is unchanged.
    expect(moneyOf(engine, book, legacy, longs, shorts, MARK)).toBeCloseTo(cashBefore, 4);
  });

  it('deleverages the fund’s stock over several steps as a squeeze walks away from it', () => {
    // A 10x short entered at 63,000 (bankruptcy 69,300) breached at 69,100 into an empty book: a
    // $500k fund carries 500,000 / 68,900 = 7.26 BTC short; the rest goes to ADL at once. As the
    // price rises the stock's notional grows while the equity falls: each step hands just enough
    // of it to ADL at its cost to bring the notional back to the equity.
    const s = scenario({ engine: 'binance', insuranceFund: 500_000 });
    const longs = makeSide(1, [{ qty: 500, entry: 60_000, leverage: 5 }]);
    const engine = new LiquidationEngine(s, longs, makeSide(-1, [{ ...LONG, qty: 10 }]));
    engine.beginStep();
    engine.liquidate(new OrderBook(69_100, 1), 69_100, 0, stepRecord());
    const held = -engine.stock.inventory;
    expect(held).toBeCloseTo(500_000 / 68_900, 2);
    let adlSteps = 0;
    for (const mark of [70_000, 70_500, 71_000]) {
      const before = engine.totals.adlNotional;
      engine.beginStep();
      engine.liquidate(new OrderBook(mark, 1), mark, 0, stepRecord());
      engine.execute(new OrderBook(mark, 1), mark, 0, stepRecord());
      if (engine.totals.adlNotional > before) adlSteps++;
      // After each step the stock is back at its capacity: notional = equity at the mark.
      expect(-engine.stock.inventory * mark).toBeCloseTo(engine.fundEquity(mark), 4);
    }
    expect(adlSteps).toBe(3);
    expect(engine.totals.adlCount).toBe(1); // one long, cut four times
    expect(-engine.stock.inventory).toBeGreaterThan(0);
    expect(-engine.stock.inventory).toBeLessThan(held);
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

  it('lets the vault take over only what its equity carries, the rest going to ADL', () => {
    // A $100k vault and no fund: of 3 BTC at bankruptcy 56,700 with the mark at 56,880, the vault
    // carries 100,000 / (56,880 − 180) = 1.7637 BTC; the other 1.2363 BTC are deleveraged.
    const s = scenario({ engine: 'hyperliquid', backstop: 100_000, insuranceFund: 0 });
    const longs = makeSide(1, [WHALE]);
    const shorts = makeSide(-1, [{ qty: 10, entry: 62_000, leverage: 5 }]);
    const engine = new LiquidationEngine(s, longs, shorts);
    engine.beginStep();
    engine.liquidate(new OrderBook(56_880, 200_000_000), 56_880, 0, stepRecord());
    const carried = 100_000 / 56_700;
    expect(engine.vault.inventory).toBeCloseTo(carried, 9);
    expect(engine.vault.inventory * 56_880).toBeCloseTo(100_000 + engine.vaultPnl(56_880), 6);
    expect(engine.stock.inventory).toBe(0);
    expect(engine.totals.adlNotional).toBeCloseTo((3 - carried) * 56_700, 4);
    expect(shorts.qty[0]).toBeCloseTo(10 - (3 - carried), 9);
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
