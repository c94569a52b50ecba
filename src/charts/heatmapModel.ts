/**
 * The heatmap's layout: the plot rectangle the image is scaled into, axes, the colour legend,
 * the close-price line over it, and what the pointer is on (hit test and tooltip text). Pure;
 * the pixels themselves are heatmapImage.ts.
 */

import { line, scaleLinear } from 'd3';
import { bucketPrice, bucketRow, type FrameBatch, type RunInfo } from '../engine/frame';
import { burnInterpolator, predictedInterpolator } from './colors';
import { formatStepTick, formatUsd, formatUsdPrecise, usdTickFormat } from './format';
import { chartFontSize, labelWidth, px, tickCount, type Rect, type Tick } from './scales';

export interface HeatmapChartOptions {
  /** Font size in px (default from the width). */
  fontSize?: number;
  /** Draw the close price over the heatmap (default true). */
  showPrice?: boolean;
}

export interface GradientStop {
  offset: number;
  color: string;
}

export interface HeatmapLegend {
  title: { x: number; y: number; text: string };
  /** Fuel colour bar from $0 to the robust maximum, with its end labels. */
  bar: Rect & { stops: GradientStop[] };
  lowLabel: { x: number; y: number; text: string };
  highLabel: { x: number; y: number; text: string };
  /** Burn colour bar and its label. */
  burn: Rect & { stops: GradientStop[] };
  burnLabel: { x: number; y: number; text: string };
  height: number;
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
  label: string;
}

/** Samples an interpolator into SVG gradient stops. */
export function gradientStops(interpolate: (t: number) => string, n = 9): GradientStop[] {
  return Array.from({ length: n }, (_, i) => ({
    offset: i / (n - 1),
    color: interpolate(i / (n - 1)),
  }));
}

/** Legend: the unit on the first row, the two colour bars on the second (wrapping on phones). */
function heatmapLegend(width: number, fs: number, predictedMax: number): HeatmapLegend {
  const rowH = Math.round(fs * 1.5);
  const title = {
    x: 8,
    y: 4 + rowH / 2,
    text:
      width >= 480
        ? 'Fuel: USD of positions liquidated at this price'
        : 'USD of positions liquidated at this price',
  };
  const barW = Math.max(60, Math.min(160, Math.round(width * 0.25)));
  const barH = Math.max(8, Math.round(fs * 0.75));
  let x = 8;
  let y = 4 + rowH;
  const lowText = '$0';
  const highText = predictedMax > 0 ? `${formatUsd(predictedMax)}+` : '–';
  const lowLabel = { x, y: y + rowH / 2, text: lowText };
  x += labelWidth(lowText, fs) + 4;
  const bar = {
    x,
    y: y + (rowH - barH) / 2,
    width: barW,
    height: barH,
    stops: gradientStops(predictedInterpolator),
  };
  x += barW + 4;
  const highLabel = { x, y: y + rowH / 2, text: highText };
  x += labelWidth(highText, fs) + fs * 1.5;
  const burnText = 'liquidated this minute';
  const burnW = Math.round(barW / 3);
  if (x + burnW + 4 + labelWidth(burnText, fs) > width - 8) {
    x = 8;
    y += rowH;
  }
  const burn = {
    x,
    y: y + (rowH - barH) / 2,
    width: burnW,
    height: barH,
    stops: gradientStops(burnInterpolator, 5),
  };
  const burnLabel = { x: x + burnW + 4, y: y + rowH / 2, text: burnText };
  return { title, bar, lowLabel, highLabel, burn, burnLabel, height: y + rowH - 4 };
}

/** Lays the heatmap out in `width` × `height` px; `predictedMax` labels the colour bar. */
export function heatmapModel(
  frames: FrameBatch,
  info: RunInfo,
  width: number,
  height: number,
  predictedMax: number,
  options: HeatmapChartOptions = {},
): HeatmapModel {
  const fs = options.fontSize ?? chartFontSize(width);
  const steps = Math.max(1, info.steps);
  const legend = heatmapLegend(width, fs, predictedMax);
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
  const closePath =
    options.showPrice === false
      ? ''
      : (line<number>()
          .defined((r) => s.close[r] > 0)
          .x((r) => x(s.step[r] + 0.5))
          .y((r) => y(s.close[r]))
          .digits(1)(rows) ?? '');

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
    label: heatmapSummary(frames, info),
  };
}

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

/** Tooltip lines for a cell: plain text, set with textContent. */
export function heatmapTooltip(
  frames: FrameBatch,
  info: RunInfo,
  step: number,
  bucket: number,
): string[] {
  const lo = formatUsdPrecise(bucketPrice(info, bucket));
  const hi = formatUsdPrecise(bucketPrice(info, bucket + 1));
  const lines = [`minute ${step}`, `price ${lo} – ${hi}`];
  const r = rowOfStep(frames, step);
  if (r < 0) return [...lines, 'not simulated yet'];
  const fuel = bucketRow(frames, 'predicted', r)[bucket];
  const burnt = bucketRow(frames, 'realised', r)[bucket];
  lines.push(`would be liquidated here: ${formatUsd(fuel)}`);
  lines.push(`liquidated this minute: ${formatUsd(burnt)}`);
  return lines;
}

/** The aria-label: where the fuel sits now and where it burnt. */
export function heatmapSummary(frames: FrameBatch, info: RunInfo): string {
  const n = frames.count;
  if (n === 0) return 'Liquidation heatmap: waiting for the run to start.';
  const b = frames.bucketCount;
  const burnt = new Float64Array(b);
  let total = 0;
  for (let r = 0; r < n; r++) {
    const row = bucketRow(frames, 'realised', r);
    for (let i = 0; i < b; i++) {
      burnt[i] += row[i];
      total += row[i];
    }
  }
  const fuel = bucketRow(frames, 'predicted', n - 1);
  const argmax = (a: ArrayLike<number>): number => {
    let k = 0;
    for (let i = 1; i < a.length; i++) if (a[i] > a[k]) k = i;
    return k;
  };
  const range = (i: number): string =>
    `${formatUsdPrecise(bucketPrice(info, i))}–${formatUsdPrecise(bucketPrice(info, i + 1))}`;
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
