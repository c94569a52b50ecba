import { describe, expect, it } from 'vitest';
import { makeTrace } from '../charts/__fixtures__/trace';
import { chartTable } from './chartTables';

describe('chartTable: each chart’s data as rows', () => {
  it('gives every minute of a short run, with its prices', () => {
    const t = chartTable(makeTrace(), 'price', 60);
    expect(t.every).toBe(1);
    expect(t.rows).toHaveLength(24);
    expect(t.rows[10][0]).toBe('10');
    expect(t.rows[10][1]).toBe('$92.00');
    expect(t.headers).toHaveLength(t.rows[0].length);
  });

  it('samples a long run every N minutes, ends on the newest and sums what each row stands for', () => {
    const f = makeTrace();
    const t = chartTable(f, 'heatmap', 5);
    expect(t.every).toBe(5);
    expect(t.rows.map((r) => r[0])).toEqual(['4', '9', '14', '19', '23']);
    // Longs liquidated over minutes 5–9 ($0.4M + $1.2M + $0.9M at 7–9): $2.5M.
    expect(t.rows[1][1]).toBe('$2.5M');
    // Minutes 10–14: $0.3M + $0.1M of longs, and the $50k of shorts at minute 15 is the next row's.
    expect(t.rows[2].slice(1, 3)).toEqual(['$400k', '$0']);
    expect(t.rows[3][2]).toBe('$50k');
  });

  it('has no rows before the first frame', () => {
    expect(chartTable(makeTrace(0), 'depth').rows).toEqual([]);
  });
});
