/**
 * The heatmap's layout: the plot rectangle the image is scaled into, the scales, axes, the
 * colour legend and the map's name. Pure, and independent of the run's history, so a streaming
 * chart lays out in O(1) per draw; heatmapModel.ts adds the close price, the rings and the label.
 */

import { scaleLinear, type ScaleLinear } from 'd3';
import type { RunInfo } from '../engine/frame';
import type { FuelColumn } from './heatmapImage';
import { heatmapLegend, type HeatmapLegend } from './heatmapLegend';
import { formatStepTick, usdTickFormat } from './format';
import { chartFontSize, labelWidth, px, tickCount, type Rect, type Tick } from './scales';

export interface HeatmapChartOptions {
  /** Font size in px (default from the width). */
  fontSize?: number;
  /** Draw the close price over the heatmap (default true). */
  showPrice?: boolean;
  /**
   * The fuel to draw: the true map or the terminal-style estimate. Given, the chart names the
   * map in large letters (TRUE / ESTIMATED), in its legend and in its aria-label.
   */
  fuel?: FuelColumn;
}

/** The large name of the map drawn, top left in the plot. */
export interface MapLabel {
  x: number;
  y: number;
  fontSize: number;
  text: 'TRUE' | 'ESTIMATED';
}

export interface HeatmapLayout {
  width: number;
  height: number;
  fontSize: number;
  /** Where the steps × buckets image is drawn. */
  plot: Rect;
  legend: HeatmapLegend;
  xTicks: Tick[];
  yTicks: Tick[];
  xTitle: { x: number; y: number; text: string };
  /** Only when the options name the fuel. */
  mapLabel?: MapLabel;
  /** Step → x and price → y in px. */
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  /** The reference ring radius (px). */
  ringRef: number;
  /** Equal for equal scales: what the drawn close price depends on. */
  scalesKey: string;
}

/** Reference ring radius in px for a chart: readable on a phone, not a blot on a projector. */
export function ringRefRadius(width: number, height: number): number {
  return Math.max(3, Math.min(7, Math.round(Math.min(width, height) / 50)));
}

/**
 * Lays the heatmap out in `width` × `height` px; `predictedMax` labels the fuel bar and
 * `burnRef` (USD) sizes the legend's ring.
 */
export function heatmapLayout(
  info: RunInfo,
  width: number,
  height: number,
  predictedMax: number,
  burnRef: number,
  options: HeatmapChartOptions = {},
): HeatmapLayout {
  const fs = options.fontSize ?? chartFontSize(width);
  const steps = Math.max(1, info.steps);
  const rRef = ringRefRadius(width, height);
  const fuel = options.fuel ?? 'predicted';
  const legend = heatmapLegend(width, fs, predictedMax, burnRef, rRef);
  if (fuel === 'estimated') {
    legend.title.text =
      width >= 480
        ? 'ESTIMATED fuel: USD a terminal would draw liquidating at this price'
        : 'ESTIMATED USD liquidated here';
  }
  const top = 4 + legend.height + 6;
  const axisH = fs + 10;
  const plotH = Math.max(10, height - top - axisH - 2);

  const y = scaleLinear()
    .domain([info.bucketLow, info.bucketHigh])
    .range([top + plotH, top]);
  const yCount = tickCount(plotH, fs, fs * 2, 8);
  const yValues = y.ticks(yCount);
  const yFormat = usdTickFormat(yValues);
  const yLabels = yValues.map(yFormat);
  const left = Math.max(0, ...yLabels.map((l) => labelWidth(l, fs))) + 10;
  const plot: Rect = { x: left, y: top, width: Math.max(10, width - left - 10), height: plotH };
  const x = scaleLinear()
    .domain([0, steps])
    .range([plot.x, plot.x + plot.width]);

  const xTitleText = 'minutes';
  const xTitleLeft = plot.x + plot.width - labelWidth(xTitleText, fs);
  const xTicks = x
    .ticks(tickCount(plot.width, labelWidth(formatStepTick(steps), fs), 28))
    .filter((v) => Number.isInteger(v))
    .map((v) => ({ value: v, pos: px(x(v)), label: formatStepTick(v) }))
    .filter((t) => t.pos + labelWidth(t.label, fs) / 2 < xTitleLeft - 6);
  const labelSize = Math.round(fs * 1.6);

  return {
    width,
    height,
    fontSize: fs,
    plot,
    legend,
    xTicks,
    yTicks: yValues.map((v, i) => ({ value: v, pos: px(y(v)), label: yLabels[i] })),
    xTitle: { x: px(plot.x + plot.width), y: top + plotH + fs + 6, text: xTitleText },
    mapLabel: options.fuel
      ? {
          x: plot.x + 8,
          y: plot.y + 6 + labelSize / 2,
          fontSize: labelSize,
          text: fuel === 'estimated' ? 'ESTIMATED' : 'TRUE',
        }
      : undefined,
    x,
    y,
    ringRef: rRef,
    scalesKey: JSON.stringify([plot, steps, info.bucketLow, info.bucketHigh]),
  };
}
