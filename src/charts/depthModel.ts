/**
 * The order-book depletion chart's model: (a) the book at the latest step, price on y and depth
 * on x, bids below the price and asks above, the market makers' baseline as an outline and the
 * missing depth (baseline − depth) hatched; (b) below it, the share of baseline depth missing
 * within 5 % of the price over the run. Pure; depthChart.ts draws it.
 */

import { area, line, scaleLinear, type ScaleLinear } from 'd3';
import { bucketPrice, bucketRow, type FrameBatch, type RunInfo } from '../engine/frame';
import { PALETTE } from './colors';
import { depthSummary, openingDepthSummary } from './depthText';
import { formatStepTick, formatUsd, pctTickFormat, usdTickFormat } from './format';
import { flowLegend, type LegendLayout } from './legend';
import { chartFontSize, labelWidth, px, tickCount, type Rect, type Tick } from './scales';

export { depthSummary, openingDepthSummary } from './depthText';

export interface DepthChartOptions {
  /** Price window shown around the last price, as a share of it (default 0.1: ±10 %). */
  window?: number;
  /** Font size in px (default from the width). */
  fontSize?: number;
}

export interface DepthModel {
  width: number;
  height: number;
  fontSize: number;
  legend: LegendLayout & { x: number; y: number };
  /** (a) The book at the latest step. */
  book: Rect;
  bookTitle: { x: number; y: number; text: string };
  bookX: Tick[];
  bookY: Tick[];
  /** Rectangles as path data: bids, asks, the missing depth; the baseline as a step outline. */
  paths: { bid: string; ask: string; depleted: string; baseline: string };
  /** The last price across the book, or null before the first frame. */
  price: { y: number; label: string } | null;
  /** (b) Depletion over time. */
  series: Rect;
  seriesTitle: { x: number; y: number; text: string };
  seriesX: Tick[];
  seriesY: Tick[];
  seriesPaths: { area: string; line: string };
  shock: { x0: number; x1: number } | null;
  xTitle: { x: number; y: number; text: string };
  label: string;
}

/**
 * Lays the chart out in `width` × `height` px. `opening`, given before the first step, is the
 * book shown then: the makers' first one.
 */
export function depthModel(
  frames: FrameBatch,
  info: RunInfo,
  width: number,
  height: number,
  options: DepthChartOptions = {},
  opening: FrameBatch | null = null,
): DepthModel {
  const m = depthLayout(frames, info, width, height, options, opening);
  // The snapshot's key order.
  return {
    width: m.width,
    height: m.height,
    fontSize: m.fontSize,
    legend: m.legend,
    book: m.book,
    bookTitle: m.bookTitle,
    bookX: m.bookX,
    bookY: m.bookY,
    paths: m.paths,
    price: m.price,
    series: m.series,
    seriesTitle: m.seriesTitle,
    seriesX: m.seriesX,
    seriesY: m.seriesY,
    seriesPaths: depthSeriesRows(frames, m, 0, frames.count),
    shock: m.shock,
    xTitle: m.xTitle,
    label: m.label,
  };
}

/** The chart without its depletion series' paths (O(1) in the run's length), and its scales. */
export interface DepthLayout extends Omit<DepthModel, 'seriesPaths'> {
  /** Step → x and depletion share → y on the series panel. */
  sx: ScaleLinear<number, number>;
  sy: ScaleLinear<number, number>;
  /** Equal for equal series scales: what the drawn series depends on. */
  seriesKey: string;
}

/**
 * The depletion series of rows [from, to) as an area and its top line, at the middle of each
 * step's column; the chart draws each in chunks (pathChunks.ts), the model whole.
 */
export function depthSeriesRows(
  frames: FrameBatch,
  scales: Pick<DepthLayout, 'sx' | 'sy'>,
  from: number,
  to: number,
): DepthModel['seriesPaths'] {
  return {
    area: depthSeriesPath('area', frames, scales, from, to),
    line: depthSeriesPath('line', frames, scales, from, to),
  };
}

/** One of {@link depthSeriesRows}' paths. */
export function depthSeriesPath(
  which: 'area' | 'line',
  frames: FrameBatch,
  scales: Pick<DepthLayout, 'sx' | 'sy'>,
  from: number,
  to: number,
): string {
  const s = frames.scalars;
  const { sx, sy } = scales;
  const rows = Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
  const dep = (r: number): number => Math.max(0, Math.min(1, s.depletion[r]));
  const defined = (r: number): boolean => Number.isFinite(s.depletion[r]);
  const xAt = (r: number): number => sx(s.step[r] + 0.5);
  const path =
    which === 'area'
      ? area<number>()
          .defined(defined)
          .x(xAt)
          .y0(sy(0))
          .y1((r) => sy(dep(r)))
          .digits(1)(rows)
      : line<number>()
          .defined(defined)
          .x(xAt)
          .y((r) => sy(dep(r)))
          .digits(1)(rows);
  return path ?? '';
}

/** Lays the chart out as {@link depthModel} does, without the series' paths. */
export function depthLayout(
  frames: FrameBatch,
  info: RunInfo,
  width: number,
  height: number,
  options: DepthChartOptions = {},
  opening: FrameBatch | null = null,
): DepthLayout {
  const fs = options.fontSize ?? chartFontSize(width);
  const win = options.window ?? 0.1;
  const n = frames.count;
  const s = frames.scalars;
  const last = n - 1;
  const steps = Math.max(1, info.steps);

  const legend = {
    ...flowLegend(
      [
        { key: 'bid', label: 'bids', swatch: 'box', color: PALETTE.bid },
        { key: 'ask', label: 'asks', swatch: 'box', color: PALETTE.ask },
        { key: 'baseline', label: 'baseline', swatch: 'outline', color: PALETTE.baseline },
        { key: 'depleted', label: 'missing', swatch: 'hatch', color: PALETTE.depleted },
      ],
      width - 16,
      fs,
    ),
    x: 8,
    y: 4,
  };

  // Vertical bands: legend, book title, book, its axis, series title, series, its axis.
  const rowH = Math.round(fs * 1.5);
  const axisH = fs + 10;
  const seriesH = Math.max(40, Math.min(140, Math.round(height * 0.24)));
  const bookTop = legend.y + legend.height + rowH + 2;
  const seriesTop = height - axisH - 2 - seriesH;
  const bookH = Math.max(20, seriesTop - rowH - axisH - bookTop);

  // The book shown: the latest step's, or before the first step the opening's.
  const shown = n > 0 ? { batch: frames, row: last } : opening ? { batch: opening, row: 0 } : null;
  const shownClose = shown ? shown.batch.scalars.close[shown.row] : 0;
  // Buckets in the window around the last price (the start price before the first frame).
  const close = shownClose > 0 ? shownClose : info.startPrice;
  const bw = (info.bucketHigh - info.bucketLow) / Math.max(1, info.bucketCount);
  const i0 = Math.max(0, Math.floor((close * (1 - win) - info.bucketLow) / bw));
  const i1 = Math.min(
    info.bucketCount - 1,
    Math.ceil((close * (1 + win) - info.bucketLow) / bw) - 1,
  );
  const bid = shown ? bucketRow(shown.batch, 'bid', shown.row) : null;
  const ask = shown ? bucketRow(shown.batch, 'ask', shown.row) : null;
  const base = shown ? bucketRow(shown.batch, 'baseline', shown.row) : null;
  let maxDepth = 0;
  for (let i = i0; bid && ask && base && i <= i1; i++) {
    maxDepth = Math.max(maxDepth, base[i], bid[i] + ask[i]);
  }

  // The window is centred on the price even where the bucket grid does not cover it (then that
  // part is empty), and buckets cut by its edges are clipped to it.
  const y = scaleLinear()
    .domain([close * (1 - win), close * (1 + win)])
    .range([bookTop + bookH, bookTop])
    .clamp(true);
  const yValues = y.ticks(tickCount(bookH, fs, fs * 2, 6));
  const yFormat = usdTickFormat(yValues);
  const bookY0 = yValues.map((v) => ({ value: v, pos: px(y(v)), label: yFormat(v) }));
  const seriesYValues = [0, 0.5, 1].filter((_, i) => seriesH >= 60 || i !== 1);
  const seriesFormat = pctTickFormat(seriesYValues);
  const left =
    Math.max(labelWidth(seriesFormat(1), fs), ...bookY0.map((t) => labelWidth(t.label, fs))) + 10;
  const book: Rect = { x: left, y: bookTop, width: Math.max(10, width - left - 12), height: bookH };

  const x = scaleLinear()
    .domain([0, maxDepth > 0 ? maxDepth * 1.05 : 1])
    .range([book.x, book.x + book.width]);
  const depthTicks = x.ticks(tickCount(book.width, labelWidth('$1.2M', fs), 28, 6));
  const depthFormat = usdTickFormat(depthTicks);

  // Bucket rectangles.
  const paths = { bid: '', ask: '', depleted: '', baseline: '' };
  if (bid && ask && base) {
    const rect = (x0: number, x1: number, yb: number, yt: number): string =>
      x1 - x0 < 0.05 ? '' : `M${px(x0)},${px(yt)}H${px(x1)}V${px(yb)}H${px(x0)}Z`;
    const pad = (bookH * bw) / (2 * win * close) >= 5 ? 0.5 : 0;
    let outline = '';
    for (let i = i0; i <= i1; i++) {
      const yb = y(bucketPrice(info, i)) - pad;
      const yt = y(bucketPrice(info, i + 1)) + pad;
      if (yb - yt < 0.05) continue;
      const depth = bid[i] + ask[i];
      paths.bid += rect(x(0), x(bid[i]), yb, yt);
      paths.ask += rect(x(bid[i]), x(depth), yb, yt);
      if (base[i] > depth) paths.depleted += rect(x(depth), x(base[i]), yb, yt);
      const xb = px(x(base[i]));
      outline += `${outline ? 'H' : 'M'}${xb}${outline ? '' : `,${px(yb + pad)}`}V${px(yt - pad)}`;
    }
    paths.baseline = outline;
  }

  // Series: depletion over the run.
  const series: Rect = { x: left, y: seriesTop, width: book.width, height: seriesH };
  const sx = scaleLinear()
    .domain([0, steps])
    .range([series.x, series.x + series.width]);
  const sy = scaleLinear()
    .domain([0, 1])
    .range([series.y + series.height, series.y]);
  const xTitleText = 'minutes';
  const xTitleLeft = series.x + series.width - labelWidth(xTitleText, fs);
  const seriesX = sx
    .ticks(tickCount(series.width, labelWidth(formatStepTick(steps), fs), 28))
    .filter((v) => Number.isInteger(v))
    .map((v) => ({ value: v, pos: px(sx(v)), label: formatStepTick(v) }))
    .filter((t) => t.pos + labelWidth(t.label, fs) / 2 < xTitleLeft - 6);
  let shock: DepthModel['shock'] = null;
  if (info.shockStep >= 0 && info.shockStep < steps) {
    const x0 = sx(info.shockStep);
    shock = {
      x0: px(x0),
      x1: px(Math.max(x0 + 2, sx(Math.min(steps, info.shockStep + info.shockSteps)))),
    };
  }

  const stepLabel = n > 0 ? `minute ${s.step[last]}` : 'the start';
  return {
    width,
    height,
    fontSize: fs,
    legend,
    book,
    bookTitle: {
      x: 8,
      y: bookTop - rowH / 2 - 1,
      // The x axis has no room for a title under it: the title says what it measures.
      text:
        width >= 480
          ? `Order book at ${stepLabel}: USD resting per price band, ±${Math.round(win * 100)} %`
          : `Order book at ${stepLabel} (USD per band)`,
    },
    bookX: depthTicks.map((v) => ({ value: v, pos: px(x(v)), label: depthFormat(v) })),
    bookY: bookY0,
    paths,
    price: shown ? { y: px(y(close)), label: `last ${formatUsd(close)}` } : null,
    series,
    seriesTitle: { x: 8, y: seriesTop - rowH / 2, text: 'Depth missing within 5 % of the price' },
    seriesX,
    seriesY: seriesYValues.map((v) => ({ value: v, pos: px(sy(v)), label: seriesFormat(v) })),
    shock,
    xTitle: {
      x: px(series.x + series.width),
      y: series.y + series.height + fs + 6,
      text: xTitleText,
    },
    label: n === 0 && opening ? openingDepthSummary(opening, info) : depthSummary(frames, info),
    sx,
    sy,
    seriesKey: JSON.stringify([series, steps]),
  };
}
