import { describe, expect, it } from 'vitest';
import { createFrameBatch, sliceFrameBatch } from '../engine/frame';
import { TRACE_INFO, makeTrace } from './__fixtures__/trace';
import { snapshotText } from './__fixtures__/snapshot';
import { depthModel } from './depthModel';

describe('depthModel', () => {
  it('lays out the fixed trace mid-cascade the same way (640 × 360 snapshot)', async () => {
    const m = depthModel(makeTrace(9), TRACE_INFO, 640, 360);
    await expect(snapshotText(m)).toMatchFileSnapshot('__snapshots__/depthModel.640x360.json');
  });

  it('lays out the fixed trace the same way on a phone (320 × 280 snapshot)', async () => {
    const m = depthModel(makeTrace(), TRACE_INFO, 320, 280);
    await expect(snapshotText(m)).toMatchFileSnapshot('__snapshots__/depthModel.320x280.json');
  });

  it('hatches missing depth only where the book is below its baseline', () => {
    // Mid-cascade the bids are at 40 % of baseline; the asks at 90 %.
    const m = depthModel(makeTrace(9), TRACE_INFO, 640, 360);
    const rects = m.paths.depleted.split('M').filter(Boolean);
    expect(rects.length).toBeGreaterThan(0);
    expect(m.paths.bid).not.toBe('');
    expect(m.paths.ask).not.toBe('');
    expect(m.paths.baseline).toMatch(/^M[\d.]+,[\d.]+V/);
  });

  it('puts the last price line inside the book panel', () => {
    const m = depthModel(makeTrace(), TRACE_INFO, 640, 360);
    expect(m.price?.y).toBeGreaterThan(m.book.y);
    expect(m.price?.y).toBeLessThan(m.book.y + m.book.height);
    expect(m.price?.label).toBe('last $96.10');
  });

  it('keeps the price centred in the book when it falls below the bucket grid', () => {
    const f = makeTrace();
    f.scalars.close[f.count - 1] = 84; // the grid spans $90–$110
    const m = depthModel(f, TRACE_INFO, 640, 360);
    expect(m.price?.y).toBeCloseTo(m.book.y + m.book.height / 2, 0);
    expect(m.bookY.every((t) => t.value >= 84 * 0.9 && t.value <= 84 * 1.1)).toBe(true);
    // Only the grid's lowest bucket ($90–$92.50) reaches into the ±10 % window.
    expect(m.paths.baseline.match(/V/g)).toHaveLength(1);
  });

  it('scales depletion 0..100 % and shades the shock on the time series', () => {
    const m = depthModel(makeTrace(), TRACE_INFO, 640, 360);
    expect(m.seriesY.map((t) => t.label)).toEqual(['0 %', '50 %', '100 %']);
    expect(m.shock?.x0).toBeLessThan(m.shock?.x1 ?? 0);
  });

  it('reads the depth and the depletion in its aria-label', () => {
    expect(depthModel(makeTrace(9), TRACE_INFO, 640, 360).label).toBe(
      'Order book depletion after 9 of 24 minutes: bids $800k and asks $2.1M within 5 % of the ' +
        'price $95.00; 52.0 % of the baseline depth missing (worst 60.0 % at minute 7).',
    );
  });

  it('draws empty panels and axes before the first frame', () => {
    const m = depthModel(createFrameBatch(24, 8), TRACE_INFO, 640, 360);
    expect(m.paths).toEqual({ bid: '', ask: '', depleted: '', baseline: '' });
    expect(m.price).toBeNull();
    expect(m.label).toBe('Order book depletion: waiting for the run to start.');
  });

  it('shows the makers’ first book before the first frame when given the opening', () => {
    const opening = sliceFrameBatch(makeTrace(1), 0, 1);
    const m = depthModel(createFrameBatch(24, 8), TRACE_INFO, 640, 360, {}, opening);
    expect(m.paths.bid).not.toBe('');
    expect(m.paths.ask).not.toBe('');
    expect(m.paths.baseline).not.toBe('');
    expect(m.price?.label).toBe('last $100');
    expect(m.bookTitle.text).toMatch(/^Order book at the start:/);
    // Nothing has happened yet: the series over time stays empty.
    expect(m.seriesPaths).toEqual({ area: '', line: '' });
    expect(m.label).toBe(
      'Order book before minute 0 of 24: bids $2M and asks $2.1M within 5 % of the price ' +
        '$100.00; 2.0 % of the baseline depth missing.',
    );
    // Once a frame is there, it is the book shown, not the opening.
    const later = depthModel(makeTrace(9), TRACE_INFO, 640, 360, {}, opening);
    expect(later).toEqual(depthModel(makeTrace(9), TRACE_INFO, 640, 360));
  });
});
