import { describe, expect, it } from 'vitest';
import { MIN_SPAN, stepAtX, zoomSpan } from './crosshair';

const plot = { x: 50, y: 0, width: 600, height: 200 };

describe('stepAtX', () => {
  it('finds the minute under the pointer', () => {
    expect(stepAtX(plot, [0, 600], 600, 50)).toBe(0);
    expect(stepAtX(plot, [0, 600], 600, 50 + 104.5)).toBe(104);
    expect(stepAtX(plot, [0, 60], 60, 50 + 599)).toBe(59);
  });

  it('reads a zoomed axis', () => {
    expect(stepAtX(plot, [100, 160], 600, 50 + 300)).toBe(130);
  });

  it('stays within the minutes drawn so far, and is null off the plot', () => {
    expect(stepAtX(plot, [0, 600], 100, 600)).toBe(99);
    expect(stepAtX(plot, [0, 600], 100, 10)).toBeNull();
    expect(stepAtX(plot, [0, 600], 0, 200)).toBeNull();
  });
});

describe('zoomSpan', () => {
  it('zooms in around the pointer, keeping its minute where it was', () => {
    const z = zoomSpan([0, 600], 150, 0.5, 600)!;
    expect(z[1] - z[0]).toBe(300);
    expect((150 - z[0]) / (z[1] - z[0])).toBeCloseTo(0.25);
  });

  it('never leaves the run, never shows fewer than a few minutes, and zooms back out to all', () => {
    // Zooming out near the end would pass it: the span stops at the run's last minute.
    expect(zoomSpan([400, 600], 599, 1.25, 600)).toEqual([350, 600]);
    expect(zoomSpan([0, 200], 1, 1.25, 600)).toEqual([0, 250]);
    const tiny = zoomSpan([100, 120], 110, 0.1, 600)!;
    expect(tiny[1] - tiny[0]).toBe(MIN_SPAN);
    expect(zoomSpan([100, 400], 200, 4, 600)).toBeNull();
  });
});
