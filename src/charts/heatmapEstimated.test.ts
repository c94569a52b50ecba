/**
 * The heatmap drawing the terminal-style estimate (`fuel: 'estimated'`): the pixels, the summary,
 * the tooltip and the map's name come from the `estimated` bucket column, not the true fuel.
 */

import { describe, expect, it } from 'vitest';
import { TRACE_INFO, makeTrace } from './__fixtures__/trace';
import { stepBurnsOf } from './__fixtures__/burns';
import { createHeatmapImage, paintHeatmap, paintOpening } from './heatmapImage';
import { heatmapModel, heatmapTooltip } from './heatmapModel';
import type { FrameBatch } from '../engine/frame';

/** The fixed trace with an estimate that puts all its fuel in the top bucket (the truth: none). */
function traceWithEstimate(): FrameBatch {
  const f = makeTrace();
  const b = TRACE_INFO.bucketCount;
  for (let r = 0; r < f.count; r++) f.buckets.estimated[r * b + b - 1] = 900_000;
  return f;
}

/** The same trace with the estimate copied into the true column: what drawing it must look like. */
function estimateAsTruth(f: FrameBatch): FrameBatch {
  const g = makeTrace();
  g.buckets.predicted.set(f.buckets.estimated);
  return g;
}

const scaleOf = (f: FrameBatch) => ({ predictedMax: 900_000, burns: stepBurnsOf(f, TRACE_INFO) });

describe('heatmap drawing the estimated map', () => {
  it('paints the estimated column where it would paint the true fuel', () => {
    const f = traceWithEstimate();
    const estimated = createHeatmapImage(TRACE_INFO, 'estimated');
    paintHeatmap(estimated, f);
    const reference = createHeatmapImage(TRACE_INFO);
    paintHeatmap(reference, estimateAsTruth(f));
    const truth = createHeatmapImage(TRACE_INFO);
    paintHeatmap(truth, f);
    expect(estimated.data).toEqual(reference.data);
    expect(estimated.data).not.toEqual(truth.data);
  });

  it('paints the opening from the estimated column too', () => {
    const f = traceWithEstimate();
    expect(paintOpening(f, TRACE_INFO, 'estimated').data).toEqual(
      paintOpening(estimateAsTruth(f), TRACE_INFO).data,
    );
  });

  it('names the map drawn: large, in the legend and in the aria-label', () => {
    const f = traceWithEstimate();
    const est = heatmapModel(f, TRACE_INFO, 640, 360, scaleOf(f), { fuel: 'estimated' });
    expect(est.mapLabel?.text).toBe('ESTIMATED');
    expect(est.mapLabel?.fontSize).toBeGreaterThan(est.fontSize);
    expect(est.legend.title.text).toMatch(/^ESTIMATED/);
    // The summary's fuel is the estimate's (all in the top bucket, $107.50–$110.00).
    expect(est.label).toMatch(
      /^Liquidation heatmap after 24 of 24 minutes: most fuel at \$107\.50/,
    );
    expect(est.label).toContain('Map shown: ESTIMATED');

    const truth = heatmapModel(f, TRACE_INFO, 640, 360, scaleOf(f), { fuel: 'predicted' });
    expect(truth.mapLabel?.text).toBe('TRUE');
    expect(truth.label).not.toMatch(/most fuel at \$107\.50/);
    expect(truth.label).toContain('Map shown: TRUE');
    // Not asked for, no name: the chart looks as it always did.
    expect(heatmapModel(f, TRACE_INFO, 640, 360, scaleOf(f)).mapLabel).toBeUndefined();
  });

  it('the tooltip gives the estimate’s fuel in the cell', () => {
    const f = traceWithEstimate();
    const lines = heatmapTooltip(f, TRACE_INFO, 3, 7, null, 'estimated');
    expect(lines).toContain('estimate: would be liquidated here: $900k');
  });
});
