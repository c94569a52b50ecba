import { describe, expect, it } from 'vitest';
import { PARAMS, PARAM_KEYS, type NumberParam } from '../../scenario';
import { formatParamValue } from './paramFormat';
import { LOG_POSITIONS, sliderKind, sliderScale } from './sliderScale';

const numberParams = PARAM_KEYS.map((k) => [k, PARAMS[k]] as const).filter(
  (e): e is readonly [(typeof PARAM_KEYS)[number], NumberParam] =>
    e[1].kind === 'int' || e[1].kind === 'float',
);

describe('slider scales', () => {
  it('slides leverage on a log scale that snaps to readable values', () => {
    const s = sliderScale(PARAMS.leverage);
    expect(s.kind).toBe('log');
    expect(s.fromPosition(0)).toBe(1);
    expect(s.fromPosition(LOG_POSITIONS)).toBe(125);
    expect(s.fromPosition(s.toPosition(50))).toBe(50);
    expect(s.fromPosition(s.toPosition(10))).toBe(10);
  });

  it('gives funds and flows that 0 turns off a stop at 0 and a log scale above it', () => {
    for (const key of ['throughput', 'backstop', 'insuranceFund', 'noise'] as const) {
      const s = sliderScale(PARAMS[key]);
      expect(s.kind).toBe('log-with-zero');
      expect(s.fromPosition(0)).toBe(0);
      expect(s.toPosition(0)).toBe(0);
      expect(s.fromPosition(1)).toBeGreaterThan(0);
      expect(s.fromPosition(LOG_POSITIONS)).toBe(PARAMS[key].max);
    }
    const fund = sliderScale(PARAMS.insuranceFund);
    expect(fund.fromPosition(fund.toPosition(5_000_000))).toBe(5_000_000);
  });

  it('keeps every value of every number slider within its range, and reaches both ends', () => {
    for (const [, spec] of numberParams) {
      const s = sliderScale(spec);
      for (let p = s.min; p <= s.max; p += (s.max - s.min) / 97) {
        const v = s.fromPosition(p);
        expect(v).toBeGreaterThanOrEqual(spec.min);
        expect(v).toBeLessThanOrEqual(spec.max);
        if (spec.kind === 'int') expect(Number.isInteger(v)).toBe(true);
      }
      expect(s.fromPosition(s.min)).toBe(spec.min);
      expect(s.fromPosition(s.max)).toBe(spec.max);
    }
  });

  it('puts every default at a position that reads back as the default', () => {
    for (const [key, spec] of numberParams) {
      if (key === 'seed') continue; // typed in, not slid
      const s = sliderScale(spec);
      expect([key, s.fromPosition(s.toPosition(spec.default))]).toEqual([key, spec.default]);
    }
  });

  it('narrows a slider to a bound (the shock starts within the run)', () => {
    const s = sliderScale(PARAMS.shockStep, 99);
    expect(s.max).toBe(99);
    expect(s.fromPosition(500)).toBe(99);
  });

  it('slides short ranges linearly in their own steps, without float noise', () => {
    expect(sliderKind(PARAMS.shock)).toBe('linear');
    expect(sliderScale(PARAMS.liquidationFee).fromPosition(0.15000000000000002)).toBe(0.15);
  });
});

describe('slider keys', () => {
  const slid = numberParams.filter(([key]) => key !== 'seed');

  /** Every value the arrow keys visit from one end to the other. */
  function walk(spec: NumberParam, direction: 1 | -1): number[] {
    const s = sliderScale(spec);
    const values = [direction > 0 ? spec.min : spec.max];
    for (let i = 0; i < 20_000; i++) {
      const next = s.nextValue(values.at(-1)!, direction);
      if (next === values.at(-1)) break;
      values.push(next);
    }
    return values;
  }

  it.each(slid)(
    '%s: ArrowRight climbs from the minimum to the maximum, always moving',
    (_, spec) => {
      const up = walk(spec, 1);
      expect(up.at(-1)).toBe(spec.max);
      for (let i = 1; i < up.length; i++) expect(up[i]).toBeGreaterThan(up[i - 1]);
    },
  );

  it.each(slid)('%s: ArrowLeft retraces the same values back down', (_, spec) => {
    expect(walk(spec, -1).reverse()).toEqual(walk(spec, 1));
  });

  it('reaches 20x and 25x leverage, and moves one notch from the defaults', () => {
    const lev = sliderScale(PARAMS.leverage);
    expect(walk(PARAMS.leverage, 1)).toEqual(expect.arrayContaining([20, 25]));
    expect(lev.nextValue(10, 1)).toBe(11);
    expect(lev.nextValue(10, -1)).toBe(9.5);
    expect(sliderScale(PARAMS.liquidity).nextValue(20_000_000, 1)).toBe(21_000_000);
    expect(sliderScale(PARAMS.openInterest).nextValue(300_000_000, -1)).toBe(290_000_000);
  });

  it('moves both ways from a value between two notches (510,000 positions)', () => {
    const s = sliderScale(PARAMS.positions);
    expect(s.nextValue(510_000, 1)).toBeGreaterThan(510_000);
    expect(s.nextValue(510_000, -1)).toBeLessThan(510_000);
  });

  it.each(slid)('%s: the page keys move further than the arrows, within the range', (_, spec) => {
    const s = sliderScale(spec);
    const mid = s.fromPosition((s.min + s.max) / 2);
    expect(s.nextValue(mid, 1, true)).toBeGreaterThanOrEqual(s.nextValue(mid, 1));
    expect(s.nextValue(mid, -1, true)).toBeLessThanOrEqual(s.nextValue(mid, -1));
    expect(s.nextValue(spec.max, 1, true)).toBe(spec.max);
    expect(s.nextValue(spec.min, -1, true)).toBe(spec.min);
  });
});

describe('parameter values as shown', () => {
  it('shows each value with its unit, or "off"', () => {
    expect(formatParamValue(PARAMS.leverage, 50)).toBe('50 ×');
    expect(formatParamValue(PARAMS.shock, -12)).toBe('-12 %');
    expect(formatParamValue(PARAMS.liquidity, 20_000_000)).toBe('$20M');
    expect(formatParamValue(PARAMS.noise, 500_000)).toBe('$500,000/step');
    expect(formatParamValue(PARAMS.positions, 20000)).toBe('20,000');
    expect(formatParamValue(PARAMS.longShare, 0.7)).toBe('0.7');
    expect(formatParamValue(PARAMS.throughput, 0)).toBe('off');
    expect(formatParamValue(PARAMS.breaker, 5)).toBe('5 %');
    expect(formatParamValue(PARAMS.partial, true)).toBe('on');
    expect(formatParamValue(PARAMS.mark, 'smoothed')).toBe('Smoothed (index + basis)');
  });
});
