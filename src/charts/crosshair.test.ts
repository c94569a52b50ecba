import { describe, expect, it } from 'vitest';
import { stepAtX } from './crosshair';

const plot = { x: 50, y: 0, width: 600, height: 200 };

describe('stepAtX', () => {
  it('finds the minute under the pointer', () => {
    expect(stepAtX(plot, 600, 600, 50)).toBe(0);
    expect(stepAtX(plot, 600, 600, 50 + 104.5)).toBe(104);
    expect(stepAtX(plot, 60, 60, 50 + 599)).toBe(59);
  });

  it('stays within the minutes drawn so far, and is null off the plot', () => {
    expect(stepAtX(plot, 600, 100, 600)).toBe(99);
    expect(stepAtX(plot, 600, 100, 10)).toBeNull();
    expect(stepAtX(plot, 600, 0, 200)).toBeNull();
  });
});
