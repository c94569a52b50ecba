/**
 * The heatmap's layout: the plot rectangle the image is scaled into, axes, the colour legend,
 * the close-price line over it, and what the pointer is on (hit test and tooltip text). Pure;
 * the pixels themselves are heatmapImage.ts.
 */

import { line, scaleLinear } from 'd3';
import { bucketPrice, bucketRow, type FrameBatch, type RunInfo } from '../engine/frame';
import { burnRings, rowBurn, type BurnRing, type StepBurns } from './heatmapBurns';
import type { FuelColumn } from './heatmapImage';
import { heatmapLegend, type HeatmapLegend } from './heatmapLegend';
import { formatStepTick, formatUsd, formatUsdPrecise, usdTickFormat } from './format';
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

export type { FuelColumn } from './heatmapImage';

/** The large name of the map drawn, top left in the plot. */
export interface MapLabel {
  x: number;
  y: number;
  fontSize: number;
  text: 'TRUE' | 'ESTIMATED';
}

export interface HeatmapModel {
  width: number;
  height: number;
  fontSize: number;
  /** Where the steps × buckets image is drawn. */
  plot: Rect;
  legend: HeatmapLegend;
  xTicks: Tick[];
  yTicks: Tick[];
  xTitle: { x: number; y: number; text: string };
  /** Close price, at the middle of each step's column. */
  closePath: string;
  /** One ring per step that burnt, over the price line (heatmapBurns.ts). */
  rings: BurnRing[];
  /** Only when the options name the fuel. */
  mapLabel?: MapLabel;
  label: string;
}

/** The colour references the pixels were painted with, and the run's burns per step. */
export interface HeatmapScale {
  /** Labels the fuel colour bar. */
  predictedMax: number;
  burns: StepBurns;
}

/** Reference ring radius in px for a chart: readable on a phone, not a blot on a projector. */
export function ringRefRadius(width: number, height: number): number {
  return Math.max(3, Math.min(7, Math.round(Math.min(width, height) / 50)));
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
  const fs = options.fontSize ?? chartFontSize(width);
  const steps = Math.max(1, info.steps);
  const rRef = ringRefRadius(width, height);
  const fuel = options.fuel ?? 'predicted';
  const legend = heatmapLegend(width, fs, scale.predictedMax, scale.burns.ref.value(), rRef);
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

  const s = frames.scalars;
  const rows = Array.from({ length: frames.count }, (_, i) => i);
  // Before the first step, the start price across the plot (the chart dashes it): the fuel's
  // distance from it is what a shock has to cover.
  const openingY = opening ? px(y(opening.scalars.close[0])) : 0;
  const closePath =
    options.showPrice === false
      ? ''
      : opening
        ? `M${plot.x},${openingY}H${plot.x + plot.width}`
        : (line<number>()
            .defined((r) => s.close[r] > 0)
            .x((r) => x(s.step[r] + 0.5))
            .y((r) => y(s.close[r]))
            .digits(1)(rows) ?? '');

  const rings = burnRings(scale.burns, x, y, rRef);
  const summary = opening
    ? openingSummary(opening, info, fuel)
    : heatmapSummary(frames, info, scale.burns, fuel);
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
    closePath,
    rings,
    mapLabel: options.fuel
      ? {
          x: plot.x + 8,
          y: plot.y + 6 + labelSize / 2,
          fontSize: labelSize,
          text: fuel === 'estimated' ? 'ESTIMATED' : 'TRUE',
        }
      : undefined,
    label: options.fuel ? `${summary} ${MAP_NAMES[fuel]}` : summary,
  };
}

/** What the aria-label adds when the options name the map. */
const MAP_NAMES: Record<FuelColumn, string> = {
  predicted: 'Map shown: TRUE (the positions’ real liquidation prices).',
  estimated:
    'Map shown: ESTIMATED (what terminals show, guessed from candles and open interest); ' +
    'the liquidations are the true ones.',
};

/** The cell under a point: its step and bucket, or null outside the plot or the grid. */
export function heatmapCellAt(
  plot: Rect,
  info: RunInfo,
  px0: number,
  py0: number,
): { step: number; bucket: number } | null {
  const fx = (px0 - plot.x) / plot.width;
  const fy = (plot.y + plot.height - py0) / plot.height;
  if (!(fx >= 0 && fx < 1 && fy >= 0 && fy < 1)) return null;
  return { step: Math.floor(fx * info.steps), bucket: Math.floor(fy * info.bucketCount) };
}

/** The row of `step` in the batch, or -1 if it has not arrived. */
export function rowOfStep(frames: FrameBatch, step: number): number {
  const s = frames.scalars.step;
  const guess = step - (frames.count > 0 ? s[0] : 0);
  if (guess >= 0 && guess < frames.count && s[guess] === step) return guess;
  for (let r = 0; r < frames.count; r++) if (s[r] === step) return r;
  return -1;
}

/**
 * Tooltip lines for a cell: plain text, set with textContent. Before the first step, with the
 * `opening`, the cell's fuel at the start.
 */
export function heatmapTooltip(
  frames: FrameBatch,
  info: RunInfo,
  step: number,
  bucket: number,
  opening: FrameBatch | null = null,
  fuelColumn: FuelColumn = 'predicted',
): string[] {
  const would =
    fuelColumn === 'estimated' ? 'estimate: would be liquidated here' : 'would be liquidated here';
  const lo = formatUsdPrecise(bucketPrice(info, bucket));
  const hi = formatUsdPrecise(bucketPrice(info, bucket + 1));
  const r = rowOfStep(frames, step);
  if (r < 0 && opening) {
    const fuel = bucketRow(opening, fuelColumn, 0)[bucket];
    return ['before minute 0', `price ${lo} – ${hi}`, `${would}: ${formatUsd(fuel)}`];
  }
  const lines = [`minute ${step}`, `price ${lo} – ${hi}`];
  if (r < 0) return [...lines, 'not simulated yet'];
  const fuel = bucketRow(frames, fuelColumn, r)[bucket];
  const burnt = bucketRow(frames, 'realised', r)[bucket];
  lines.push(`${would}: ${formatUsd(fuel)}`);
  lines.push(`liquidated this minute: ${formatUsd(burnt)}`);
  // The whole step (its ring): what a wave was, wherever the pointer is in its column.
  const { total, priceSum } = rowBurn(frames, info, r);
  if (total > 0) {
    lines.push(
      `all prices this minute: ${formatUsd(total)}, ` +
        `on average at ${formatUsdPrecise(priceSum / total)}`,
    );
  }
  return lines;
}

/**
 * The aria-label: where the fuel sits now and where it burnt. `burns`, if it holds every row of
 * `frames`, gives the burnt totals without summing the whole batch again on each draw.
 */
export function heatmapSummary(
  frames: FrameBatch,
  info: RunInfo,
  burns?: StepBurns,
  fuelColumn: FuelColumn = 'predicted',
): string {
  const n = frames.count;
  if (n === 0) return 'Liquidation heatmap: waiting for the run to start.';
  const b = frames.bucketCount;
  let burnt: Float64Array;
  let total = 0;
  if (burns && burns.rows === n && burns.bucketTotal.length === b) {
    burnt = burns.bucketTotal;
    total = burns.grandTotal;
  } else {
    burnt = new Float64Array(b);
    for (let r = 0; r < n; r++) {
      const row = bucketRow(frames, 'realised', r);
      for (let i = 0; i < b; i++) {
        burnt[i] += row[i];
        total += row[i];
      }
    }
  }
  const fuel = bucketRow(frames, fuelColumn, n - 1);
  const range = (i: number) => bucketRange(info, i);
  const f = argmax(fuel);
  const parts = [
    `Liquidation heatmap after ${frames.scalars.step[n - 1] + 1} of ${info.steps} minutes`,
  ];
  // Under $1 is float residue of closed positions, not fuel.
  parts.push(
    fuel[f] >= 1 ? `: most fuel at ${range(f)} (${formatUsd(fuel[f])})` : ': no fuel left',
  );
  const k = argmax(burnt);
  parts.push(
    total > 0
      ? `; ${formatUsd(total)} liquidated, most at ${range(k)}.`
      : '; nothing liquidated yet.',
  );
  return parts.join('');
}

function argmax(a: ArrayLike<number>): number {
  let k = 0;
  for (let i = 1; i < a.length; i++) if (a[i] > a[k]) k = i;
  return k;
}

function bucketRange(info: RunInfo, i: number): string {
  return `${formatUsdPrecise(bucketPrice(info, i))}–${formatUsdPrecise(bucketPrice(info, i + 1))}`;
}

/** The aria-label before the first step: where the fuel sits, on either side of the price. */
export function openingSummary(
  opening: FrameBatch,
  info: RunInfo,
  fuelColumn: FuelColumn = 'predicted',
): string {
  const fuel = bucketRow(opening, fuelColumn, 0);
  const price = opening.scalars.close[0];
  let below = 0;
  let above = 0;
  for (let i = 0; i < fuel.length; i++) {
    if (bucketPrice(info, i + 1) <= price) below += fuel[i];
    else above += fuel[i];
  }
  const f = argmax(fuel);
  if (!(fuel[f] >= 1)) return 'Liquidation heatmap before minute 0: no fuel on the grid.';
  return (
    `Liquidation heatmap before minute 0 of ${info.steps}: most fuel at ${bucketRange(info, f)} ` +
    `(${formatUsd(fuel[f])}); ${formatUsd(below)} would be liquidated below the price ` +
    `${formatUsdPrecise(price)} and ${formatUsd(above)} above it.`
  );
}
