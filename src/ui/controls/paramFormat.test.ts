import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../scenario';
import { formatParamValue } from './paramFormat';

describe('slider values read as people write them', () => {
  it('writes dollars without stray cents, and zero as $0', () => {
    expect(formatParamValue(PARAMS.insuranceFund, 0)).toBe('$0');
    expect(formatParamValue(PARAMS.noise, 0)).toBe('$0/step');
    expect(formatParamValue(PARAMS.price, 100)).toBe('$100');
    expect(formatParamValue(PARAMS.price, 990)).toBe('$990');
    expect(formatParamValue(PARAMS.price, 60_000)).toBe('$60,000');
    expect(formatParamValue(PARAMS.price, 1.5)).toBe('$1.50');
  });

  it('reads a moment as a minute and a count of one as singular', () => {
    expect(formatParamValue(PARAMS.shockStep, 60)).toBe('minute 60');
    expect(formatParamValue(PARAMS.shockSteps, 1)).toBe('1 step');
    expect(formatParamValue(PARAMS.shockSteps, 5)).toBe('5 steps');
  });
});
