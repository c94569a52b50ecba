import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/params';
import { BehaviouralAgents, roundNumberSpacing } from './agents';
import { OrderBook } from './book';

describe('behavioural agents', () => {
  it('rests stops at round numbers about 1-2 % apart', () => {
    expect(roundNumberSpacing(60_000)).toBe(1_000);
    expect(roundNumberSpacing(3_000)).toBe(50);
    expect(roundNumberSpacing(1)).toBeCloseTo(0.02, 12);
  });

  it('fires each sell stop once, when the price trades through its level', () => {
    const s = { ...defaultScenario(), stopLoss: 1_000_000 };
    const agents = new BehaviouralAgents(s);
    const book = new OrderBook(s.price, s.liquidity);
    // The price trades down to 58,950: the stops at 59,000 (and none lower) fire.
    book.tape.low = 58_950;
    agents.trade(book);
    expect(-agents.account.inventory * 59_000).toBeGreaterThan(0.95 * 1_000_000);
    expect(-agents.account.inventory * 59_000).toBeLessThan(1.05 * 1_000_000);
    const after = agents.account.inventory;
    book.beginStep();
    agents.trade(book);
    expect(agents.account.inventory).toBe(after); // already fired
  });

  it('does nothing when every agent is off', () => {
    const s = defaultScenario();
    const agents = new BehaviouralAgents(s);
    const book = new OrderBook(s.price, s.liquidity);
    book.tape.low = s.price * 0.5;
    book.tape.close = s.price * 0.8;
    agents.trade(book);
    expect(agents.account.inventory).toBe(0);
    expect(agents.account.cash).toBe(0);
  });
});
