import { describe, expect, it } from 'vitest';
import { makeTrace } from '../charts/__fixtures__/trace';
import { readoutAt } from './readout';

describe('readoutAt: the price chart at one minute', () => {
  it('reads the minute’s prices, liquidations, fund and ADL', () => {
    const items = Object.fromEntries(readoutAt(makeTrace(), 10).map((i) => [i.key, i.value]));
    expect(items.last).toBe('$92.00');
    expect(items.liquidated).toBe('$300k (20)');
    expect(items.adl).toBe('$80k');
    expect(Object.keys(items)).toEqual([
      'last',
      'mark',
      'index',
      'ghost',
      'liquidated',
      'fund',
      'adl',
    ]);
  });

  it('is empty for a minute that has not been run', () => {
    expect(readoutAt(makeTrace(5), 5)).toEqual([]);
    expect(readoutAt(makeTrace(5), -1)).toEqual([]);
  });
});
