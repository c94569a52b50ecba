import { describe, expect, it } from 'vitest';
import { createFrameBatch } from '../engine/frame';
import { TRACE_INFO, makeTrace } from './__fixtures__/trace';
import { snapshotText } from './__fixtures__/snapshot';
import { priceModel } from './priceModel';

describe('priceModel', () => {
  it('lays out the fixed trace the same way (640 × 320 snapshot)', async () => {
    const m = priceModel(makeTrace(), TRACE_INFO, 640, 320);
    await expect(snapshotText(m)).toMatchFileSnapshot('__snapshots__/priceModel.640x320.json');
  });

  it('lays out the fixed trace the same way on a phone (320 × 240 snapshot)', async () => {
    const m = priceModel(makeTrace(), TRACE_INFO, 320, 240);
    await expect(snapshotText(m)).toMatchFileSnapshot('__snapshots__/priceModel.320x240.json');
  });

  it('keeps the lowest low and the highest high inside the y axis', () => {
    const m = priceModel(makeTrace(), TRACE_INFO, 640, 320);
    const values = m.yTicks.map((t) => t.value);
    expect(Math.min(...values)).toBeLessThanOrEqual(92 - 0.2);
    expect(Math.max(...values)).toBeGreaterThanOrEqual(100.3 + 0.2);
  });

  it('shades the shock from shockStep to shockStep + shockSteps', () => {
    const m = priceModel(makeTrace(), TRACE_INFO, 640, 320);
    const perStep = m.plot.width / TRACE_INFO.steps;
    expect(m.shock?.x0).toBeCloseTo(m.plot.x + 6 * perStep, 0);
    expect(m.shock?.x1).toBeCloseTo(m.plot.x + 9 * perStep, 0);
  });

  it('draws long liquidations down from the strip’s middle and shorts up', () => {
    const m = priceModel(makeTrace(), TRACE_INFO, 640, 320);
    expect(m.bursts?.long).toMatch(/v\d/);
    expect(m.bursts?.short).toMatch(/v-\d/);
    expect(m.bursts?.label).toBe('max $1.2M/min');
  });

  it('bins steps so liquidation bars stay at least 2 px wide on a phone', () => {
    const info = { ...TRACE_INFO, steps: 1440 };
    const m = priceModel(makeTrace(), info, 320, 240);
    expect(m.bursts?.label).toMatch(/per|\/\d+ min/);
  });

  it('marks cascade start, dry book, fund exhausted, ADL and bad debt without overlap', () => {
    const m = priceModel(makeTrace(), TRACE_INFO, 320, 240);
    expect(m.markers.map((k) => k.title)).toEqual([
      'Cascade starts, minute 7',
      'Order book runs dry within 5 %, minute 8',
      'Insurance fund exhausted, minute 9',
      'Auto-deleveraging, minutes 10–11: $160k of positions closed',
      'Bad debt appears, minute 11: $20k so far',
    ]);
    for (let i = 1; i < m.markers.length; i++) {
      expect(m.markers[i].x - m.markers[i - 1].x).toBeGreaterThanOrEqual(m.fontSize * 0.8);
    }
    expect(m.halts).toHaveLength(1);
  });

  it('reads the last price and the fall from the peak in its aria-label', () => {
    expect(priceModel(makeTrace(), TRACE_INFO, 640, 320).label).toBe(
      'Price chart after 24 of 24 minutes: last $96.10, down 4.2 % from the peak of $100.30; ' +
        'trough $92.00 at minute 10, largest drawdown 8.3 %; ' +
        'without liquidations $95.50; $3M liquidated so far. Events: min 6–8 the shock hits; ' +
        'min 7 cascade starts; min 8 order book runs dry within 5 %; min 9 insurance fund ' +
        'exhausted; min 10–11 auto-deleveraging, $160k closed; min 11 bad debt appears, ' +
        '$20k so far; min 12–13 trading halted.',
    );
  });

  it('leaves out the mark, index, ghost and range when they are switched off', () => {
    const m = priceModel(makeTrace(), TRACE_INFO, 640, 320, {
      showMark: false,
      showIndex: false,
      showGhost: false,
      showRange: false,
    });
    expect(m.paths).toMatchObject({ mark: '', index: '', ghost: '', range: '' });
    expect(m.legend.items.map((i) => i.key)).not.toContain('ghost');
    expect(m.endLabels).toHaveLength(1);
  });

  it('draws axes and no lines before the first frame arrives', () => {
    const m = priceModel(createFrameBatch(24, 8), TRACE_INFO, 640, 320);
    expect(m.paths.close).toBe('');
    expect(m.yTicks.length).toBeGreaterThan(1);
    expect(m.label).toBe('Price chart: waiting for the run to start.');
  });

  it('grows with the run: a partial trace draws only the steps so far', () => {
    const m = priceModel(makeTrace(8), TRACE_INFO, 640, 320);
    expect(m.paths.close.split('L')).toHaveLength(8);
    expect(m.label).toMatch(/^Price chart after 8 of 24 minutes/);
  });

  it('keeps the plot inside the box from a 320 px phone to a 1400 px projector', () => {
    for (const [w, h] of [
      [320, 200],
      [768, 360],
      [1400, 600],
    ]) {
      const m = priceModel(makeTrace(), TRACE_INFO, w, h);
      expect(m.plot.x).toBeGreaterThan(0);
      expect(m.plot.x + m.plot.width).toBeLessThanOrEqual(w);
      expect((m.strip?.y ?? 0) + (m.strip?.height ?? 0)).toBeLessThan(h - m.fontSize);
      expect(m.plot.height).toBeGreaterThan(40);
    }
  });

  it('zoomed into a span of minutes, shows only what is in it and fits the y axis to it', () => {
    const full = priceModel(makeTrace(), TRACE_INFO, 640, 320);
    const late = priceModel(makeTrace(), TRACE_INFO, 640, 320, {}, [14, 24]);
    expect(late.xTicks[0].value).toBeGreaterThanOrEqual(14);
    expect(late.markers.length).toBeLessThan(full.markers.length);
    for (const m of late.markers) {
      expect(m.stepX).toBeGreaterThanOrEqual(late.plot.x);
      expect(m.stepX).toBeLessThanOrEqual(late.plot.x + late.plot.width);
    }
    // The trough ($92 at minute 10) is off the axis, so the y axis starts higher.
    expect(Math.min(...late.yTicks.map((t) => t.value))).toBeGreaterThan(
      Math.min(...full.yTicks.map((t) => t.value)),
    );
    expect(late.endLabels.length).toBeGreaterThan(0);
    const early = priceModel(makeTrace(), TRACE_INFO, 640, 320, {}, [0, 10]);
    expect(early.endLabels).toEqual([]);
    expect(early.shock).not.toBeNull();
    expect(late.shock).toBeNull();
  });
});
