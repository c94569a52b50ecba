/**
 * The heatmap's whole model: its layout (heatmapLayout.ts), the close-price line over it, a
 * ring per step that burnt, and the aria-label. Pure; the snapshots test it, and the chart
 * draws the same things, the close price in chunks (pathChunks.ts). The pixels themselves are
 * heatmapImage.ts; the words heatmapText.ts.
 */

import { line } from 'd3';
import type { FrameBatch, RunInfo } from '../engine/frame';
import { burnRings, type BurnRing, type StepBurns } from './heatmapBurns';
import { heatmapLayout, type HeatmapChartOptions, type HeatmapLayout } from './heatmapLayout';
import { MAP_NAMES, heatmapSummary, openingSummary } from './heatmapText';
import { px } from './scales';

export type { FuelColumn } from './heatmapImage';
export { ringRefRadius, type HeatmapChartOptions, type MapLabel } from './heatmapLayout';
export {
  heatmapCellAt,
  heatmapSummary,
  heatmapTooltip,
  openingSummary,
  rowOfStep,
} from './heatmapText';

/**
 * What the snapshots hold and the chart draws: the layout's drawn parts (not its scales, which
 * are functions) plus the close price, the rings and the label.
 */
export interface HeatmapModel extends Pick<
  HeatmapLayout,
  'width' | 'height' | 'fontSize' | 'plot' | 'legend' | 'xTicks' | 'yTicks' | 'xTitle' | 'mapLabel'
> {
  /** Close price, at the middle of each step's column. */
  closePath: string;
  /** One ring per step that burnt, over the price line (heatmapBurns.ts). */
  rings: BurnRing[];
  label: string;
}

/** The colour references the pixels were painted with, and the run's burns per step. */
export interface HeatmapScale {
  /** Labels the fuel colour bar. */
  predictedMax: number;
  burns: StepBurns;
}

/** The close price of rows [from, to), at the middle of each step's column. */
export function closePathRows(
  frames: FrameBatch,
  layout: Pick<HeatmapLayout, 'x' | 'y'>,
  from: number,
  to: number,
): string {
  const s = frames.scalars;
  const { x, y } = layout;
  const rows = Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
  return (
    line<number>()
      .defined((r) => s.close[r] > 0)
      .x((r) => x(s.step[r] + 0.5))
      .y((r) => y(s.close[r]))
      .digits(1)(rows) ?? ''
  );
}

/**
 * Before the first step, the start price across the plot (the chart dashes it): the fuel's
 * distance from it is what a shock has to cover.
 */
export function openingPricePath(opening: FrameBatch, layout: HeatmapLayout): string {
  const { plot, y } = layout;
  return `M${plot.x},${px(y(opening.scalars.close[0]))}H${plot.x + plot.width}`;
}

/** The aria-label, naming the map drawn when the options name it. */
export function heatmapLabel(
  frames: FrameBatch,
  info: RunInfo,
  burns: StepBurns,
  options: HeatmapChartOptions,
  opening: FrameBatch | null,
): string {
  const fuel = options.fuel ?? 'predicted';
  const summary = opening
    ? openingSummary(opening, info, fuel)
    : heatmapSummary(frames, info, burns, fuel);
  return options.fuel ? `${summary} ${MAP_NAMES[fuel]}` : summary;
}

/**
 * Lays the heatmap out in `width` × `height` px. `opening`, given before the first step, is the
 * state the fuel is drawn from then (the label says where it sits).
 */
export function heatmapModel(
  frames: FrameBatch,
  info: RunInfo,
  width: number,
  height: number,
  scale: HeatmapScale,
  options: HeatmapChartOptions = {},
  opening: FrameBatch | null = null,
): HeatmapModel {
  const layout = heatmapLayout(
    info,
    width,
    height,
    scale.predictedMax,
    scale.burns.ref.value(),
    options,
  );
  const closePath =
    options.showPrice === false
      ? ''
      : opening
        ? openingPricePath(opening, layout)
        : closePathRows(frames, layout, 0, frames.count);
  // The snapshot's key order.
  return {
    width,
    height,
    fontSize: layout.fontSize,
    plot: layout.plot,
    legend: layout.legend,
    xTicks: layout.xTicks,
    yTicks: layout.yTicks,
    xTitle: layout.xTitle,
    closePath,
    rings: burnRings(scale.burns, layout.x, layout.y, layout.ringRef),
    mapLabel: layout.mapLabel,
    label: heatmapLabel(frames, info, scale.burns, options, opening),
  };
}
