import { describe, expect, it } from 'vitest';
import { buildGrid, MAX_SWEEP_RUNS, parseShard, parseVary, shardRange } from './grid';

const values = (text: string) => {
  const v = parseVary(text);
  if (!v.ok) throw new Error(v.message);
  return v.value.values;
};
const problem = (text: string) => {
  const v = parseVary(text);
  return v.ok ? null : v.message;
};

describe('--vary', () => {
  it('reads a range toward its end by the step’s size, without floating-point dust', () => {
    expect(values('shock=-1:-3:0.5')).toEqual([-1, -1.5, -2, -2.5, -3]);
    expect(values('shock=-1:-2:-0.3')).toEqual([-1, -1.3, -1.6, -1.9]);
    expect(values('leverage=5:25:10')).toEqual([5, 15, 25]);
    expect(values('shock=4:4:1')).toEqual([4]);
  });

  it('reads a list', () => {
    expect(values('leverage=5,10,25')).toEqual([5, 10, 25]);
  });

  it('names what is wrong in one line', () => {
    expect(problem('shok=1:2:1')).toBe('--vary: unknown parameter "shok" (did you mean shock?)');
    expect(problem('shock=1:2:0')).toBe('--vary shock: the step is 0');
    expect(problem('shock=')).toBe('--vary shock: the range is empty (no values)');
    expect(problem('shock=1,,2')).toMatch(/has an empty value$/);
    expect(problem('shock=a:2:1')).toBe('--vary shock: "a" is not a number');
    expect(problem('leverage=0.5,5')).toBe('--vary leverage: 0.5 is outside 1..125');
    expect(problem('positions=1000.5')).toBe('--vary positions: 1000.5 is not a whole number');
    expect(problem('mark=1,2')).toMatch(/only numeric parameters/);
    expect(problem('seed=1:4:1')).toMatch(/--seeds or --seed-list/);
    expect(problem('shock=1,1')).toBe('--vary shock: a value is repeated');
    expect(problem('shock')).toMatch(/expected name=from:to:step/);
  });
});

describe('the grid', () => {
  it('is the product of the varied values, the first --vary outermost', () => {
    const g = buildGrid(['shock=-1,-2', 'leverage=5,25'], 4);
    if (!g.ok) throw new Error(g.message);
    expect(g.value.points).toEqual([
      { shock: -1, leverage: 5 },
      { shock: -1, leverage: 25 },
      { shock: -2, leverage: 5 },
      { shock: -2, leverage: 25 },
    ]);
  });

  it('refuses more runs than the documented maximum, a parameter twice, or none', () => {
    const big = buildGrid(['shock=-1:-60:0.01'], 100);
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.message).toContain(`more than ${MAX_SWEEP_RUNS}`);
    expect(buildGrid(['shock=1', 'shock=2'], 1)).toEqual({
      ok: false,
      message: '--vary shock is given twice',
    });
    expect(buildGrid([], 1).ok).toBe(false);
  });

  it('splits into contiguous shards that cover every point once, in order', () => {
    for (const [points, count] of [
      [10, 3],
      [7, 7],
      [3, 5],
    ] as const) {
      const covered: number[] = [];
      for (let i = 1; i <= count; i++) {
        const [from, to] = shardRange(points, i, count);
        for (let k = from; k < to; k++) covered.push(k);
      }
      expect(covered).toEqual(Array.from({ length: points }, (_, k) => k));
    }
    expect(parseShard('2/4')).toEqual({ ok: true, value: { index: 2, count: 4 } });
    expect(parseShard('5/4').ok).toBe(false);
    expect(parseShard('0/4').ok).toBe(false);
  });
});
