import { describe, expect, it } from 'vitest';
import {
  formatPct,
  formatStepTick,
  formatUsd,
  formatUsdPrecise,
  pctTickFormat,
  usdTickFormat,
} from './format';

describe('formatUsd', () => {
  it('abbreviates millions, thousands and keeps cents under a dollar', () => {
    expect(formatUsd(1_234_567)).toBe('$1.2M');
    expect(formatUsd(54_210)).toBe('$54.2k');
    expect(formatUsd(0.93)).toBe('$0.93');
  });

  it('uses three significant figures at most above $100 of a unit', () => {
    expect(formatUsd(542_300)).toBe('$542k');
    expect(formatUsd(932.4)).toBe('$932');
    expect(formatUsd(2_500_000_000)).toBe('$2.5B');
  });

  it('drops a trailing .0 and rolls 999,960 up to $1M, not $1000k', () => {
    expect(formatUsd(2_000_000)).toBe('$2M');
    expect(formatUsd(999_960)).toBe('$1M');
    expect(formatUsd(999_400)).toBe('$999k');
  });

  it('writes zero, tiny amounts, negatives and non-numbers readably', () => {
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(0.0042)).toBe('$0');
    expect(formatUsd(2.9e-9)).toBe('$0');
    expect(formatUsd(0.007)).toBe('$0.01');
    expect(formatUsd(-1_500_000)).toBe('\u2212$1.5M');
    expect(formatUsd(Number.NaN)).toBe('–');
  });
});

describe('formatUsdPrecise', () => {
  it('writes prices in full with thousands separators, millions compact', () => {
    expect(formatUsdPrecise(54_210.4)).toBe('$54,210');
    expect(formatUsdPrecise(96.1)).toBe('$96.10');
    expect(formatUsdPrecise(3_400_000)).toBe('$3.4M');
  });
});

describe('usdTickFormat', () => {
  it('gives every tick the same unit and the decimals the step needs', () => {
    const f = usdTickFormat([54_000, 54_500, 55_000]);
    expect([54_000, 54_500, 55_000].map(f)).toEqual(['$54.0k', '$54.5k', '$55.0k']);
  });

  it('writes whole dollars for a small-price axis and plain $0 at zero', () => {
    const f = usdTickFormat([0, 50, 100]);
    expect([0, 50, 100].map(f)).toEqual(['$0', '$50', '$100']);
    expect(usdTickFormat([0, 200_000, 400_000])(0)).toBe('$0');
  });
});

describe('percentages and minutes', () => {
  it('writes shares as percentages with a space before the sign', () => {
    expect(formatPct(0.096)).toBe('9.6 %');
    expect(formatPct(-0.25, 0)).toBe('\u221225 %');
    expect(formatPct(0)).toBe('0.0 %');
  });

  it('formats a 0..1 axis with as few decimals as its step allows', () => {
    const f = pctTickFormat([0, 0.5, 1]);
    expect([0, 0.5, 1].map(f)).toEqual(['0 %', '50 %', '100 %']);
    expect(pctTickFormat([0, 0.005, 0.01])(0.005)).toBe('0.5 %');
  });

  it('counts steps with separators', () => {
    expect(formatStepTick(1440)).toBe('1,440');
  });
});
