import { describe, expect, it } from 'vitest';
import { TRACE_INFO, makeTrace } from './__fixtures__/trace';
import { snapshotText } from './__fixtures__/snapshot';
import { stepBurnsOf } from './__fixtures__/burns';
import { addStepBurns, createStepBurns } from './heatmapBurns';
import {
  heatmapCellAt,
  heatmapModel,
  heatmapSummary,
  heatmapTooltip,
  openingSummary,
  rowOfStep,
} from './heatmapModel';
import { createFrameBatch, sliceFrameBatch, type FrameBatch } from '../engine/frame';

/** The chart's scale for a batch: the fuel bar's label and every step's burn. */
const scale = (predictedMax: number, f: FrameBatch = makeTrace()) => ({
  predictedMax,
  burns: stepBurnsOf(f, TRACE_INFO),
});

describe('heatmapModel', () => {
  it('lays out the fixed trace the same way (640 × 360 snapshot)', async () => {
    const m = heatmapModel(makeTrace(), TRACE_INFO, 640, 360, scale(800_000));
    await expect(snapshotText(m)).toMatchFileSnapshot('__snapshots__/heatmapModel.640x360.json');
  });

  it('lays out the fixed trace the same way on a phone (320 × 300 snapshot)', async () => {
    const m = heatmapModel(makeTrace(), TRACE_INFO, 320, 300, scale(800_000));
    await expect(snapshotText(m)).toMatchFileSnapshot('__snapshots__/heatmapModel.320x300.json');
  });

  it('spans the run’s whole bucket grid on the price axis', () => {
    const m = heatmapModel(makeTrace(), TRACE_INFO, 640, 360, scale(1));
    const bottom = m.yTicks.find((t) => t.value === TRACE_INFO.bucketLow);
    const top = m.yTicks.find((t) => t.value === TRACE_INFO.bucketHigh);
    expect(bottom?.pos).toBe(m.plot.y + m.plot.height);
    expect(top?.pos).toBe(m.plot.y);
  });

  it('labels the colour bar with the robust max and the units', () => {
    const m = heatmapModel(makeTrace(), TRACE_INFO, 640, 360, scale(1_234_567));
    expect(m.legend.highLabel.text).toBe('$1.2M+');
    expect(m.legend.title.text).toContain(
      'USD of positions that would be liquidated at this price',
    );
  });

  it('rings every minute that liquidated, on the price it liquidated at, biggest first', () => {
    const m = heatmapModel(makeTrace(), TRACE_INFO, 640, 360, scale(1));
    expect(m.rings.map((r) => r.step)).toEqual([8, 9, 7, 10, 11]);
    const [big] = m.rings;
    // $1.2M in minute 8, all in the $95-$97.50 bucket: ringed at its middle.
    expect(big.usd).toBe(1_200_000);
    expect(big.price).toBe(96.25);
    const cell = heatmapCellAt(m.plot, TRACE_INFO, big.cx, big.cy);
    expect(cell).toEqual({ step: 8, bucket: 2 });
    for (const r of m.rings) expect(r.r).toBeLessThanOrEqual(big.r);
  });

  it('keys the legend ring to a round value at its true size', () => {
    const { legend } = heatmapModel(makeTrace(), TRACE_INFO, 640, 360, scale(1));
    const ring = heatmapModel(makeTrace(), TRACE_INFO, 640, 360, scale(1)).rings[0];
    expect(legend.burnLabel.text).toBe('$1M liquidated this minute');
    // Area ∝ USD: the $1M legend ring against minute 8's $1.2M ring.
    expect((legend.ring.r / ring.r) ** 2).toBeCloseTo(1 / 1.2, 1);
  });

  it('draws no ring, in the plot or the legend, before anything liquidated', () => {
    const m = heatmapModel(makeTrace(6), TRACE_INFO, 640, 360, scale(1, makeTrace(6)));
    expect(m.rings).toEqual([]);
    expect(m.legend.ring.r).toBe(0);
    expect(m.legend.burnLabel.text).toBe('liquidated this minute');
  });

  it('reads where the fuel is and where it burnt in its aria-label', () => {
    expect(heatmapModel(makeTrace(), TRACE_INFO, 640, 360, scale(1)).label).toBe(
      'Liquidation heatmap after 24 of 24 minutes: most fuel at $92.50–$95.00 ($200k); ' +
        '$2.9M liquidated, most at $95.00–$97.50.',
    );
  });

  it('reads the same aria-label from the running burn totals as from the whole batch', () => {
    const f = makeTrace();
    const whole = heatmapSummary(f, TRACE_INFO);
    expect(whole).toMatch(/liquidated, most at/);
    // Accumulated in two batches, as the chart does while the run streams.
    const acc = createStepBurns(TRACE_INFO);
    const n = f.count;
    f.count = Math.floor(n / 2);
    addStepBurns(acc, f, TRACE_INFO);
    expect(heatmapSummary(f, TRACE_INFO, acc)).toBe(heatmapSummary(f, TRACE_INFO));
    f.count = n;
    // Totals of fewer rows than the batch are not used: the label still covers every row.
    expect(heatmapSummary(f, TRACE_INFO, acc)).toBe(whole);
    addStepBurns(acc, f, TRACE_INFO);
    expect(heatmapSummary(f, TRACE_INFO, acc)).toBe(whole);
  });

  it('calls float residue of closed positions no fuel', () => {
    const f = makeTrace();
    const b = f.bucketCount;
    for (let i = 0; i < b; i++) f.buckets.predicted[(f.count - 1) * b + i] = 3e-9;
    expect(heatmapModel(f, TRACE_INFO, 640, 360, scale(1, f)).label).toContain(': no fuel left;');
  });
});

describe('hover', () => {
  const plot = { x: 40, y: 20, width: 240, height: 160 };

  it('finds step 0, bucket 0 at the bottom-left corner and the last cell at the top-right', () => {
    expect(heatmapCellAt(plot, TRACE_INFO, 40, 179.9)).toEqual({ step: 0, bucket: 0 });
    expect(heatmapCellAt(plot, TRACE_INFO, 279.9, 20.1)).toEqual({ step: 23, bucket: 7 });
  });

  it('finds nothing outside the plot', () => {
    expect(heatmapCellAt(plot, TRACE_INFO, 39, 100)).toBeNull();
    expect(heatmapCellAt(plot, TRACE_INFO, 100, 180.1)).toBeNull();
  });

  it('describes a cell in plain text with its price range and both notionals', () => {
    expect(heatmapTooltip(makeTrace(), TRACE_INFO, 8, 2)).toEqual([
      'minute 8',
      'price $95.00 – $97.50',
      'would be liquidated here: $0',
      'liquidated this minute: $1.2M',
      'all prices this minute: $1.2M, on average at $96.25',
    ]);
  });

  it('leaves out the step total where nothing burnt', () => {
    expect(heatmapTooltip(makeTrace(), TRACE_INFO, 3, 2)).toHaveLength(4);
  });

  it('says a step has not been simulated yet instead of showing zeros', () => {
    expect(heatmapTooltip(makeTrace(5), TRACE_INFO, 10, 0).at(-1)).toBe('not simulated yet');
    expect(rowOfStep(makeTrace(5), 4)).toBe(4);
    expect(rowOfStep(makeTrace(5), 5)).toBe(-1);
  });
});

describe('the heatmap before the first step', () => {
  const opening = sliceFrameBatch(makeTrace(1), 0, 1);
  const empty = createFrameBatch(TRACE_INFO.steps, TRACE_INFO.bucketCount);

  it('says where the fuel sits, below and above the price', () => {
    const m = heatmapModel(empty, TRACE_INFO, 640, 360, scale(1, empty), {}, opening);
    expect(m.label).toBe(openingSummary(opening, TRACE_INFO));
    expect(m.label).toBe(
      'Liquidation heatmap before minute 0 of 24: most fuel at $97.50–$100.00 ($400k); ' +
        '$1M would be liquidated below the price $100.00 and $50k above it.',
    );
    // The start price runs across the plot, at $100 on the $90–$110 grid: half-way up.
    expect(m.closePath).toBe(
      `M${m.plot.x},${m.plot.y + m.plot.height / 2}H${m.plot.x + m.plot.width}`,
    );
  });

  it('gives a cell’s fuel at the start in its tooltip', () => {
    expect(heatmapTooltip(empty, TRACE_INFO, 5, 3, opening)).toEqual([
      'before minute 0',
      'price $97.50 – $100.00',
      'would be liquidated here: $400k',
    ]);
    expect(heatmapTooltip(empty, TRACE_INFO, 5, 3)).toContain('not simulated yet');
  });
});
