/**
 * The price chart's model: everything it draws, computed from the frames as plain data (paths,
 * ticks, bands, markers, labels) so it can be tested in Node and snapshotted. priceChart.ts
 * only puts this on the page.
 *
 * Time: step s is the minute [s, s + 1); its prices are drawn at s + 0.5, so the shock band and
 * halts cover whole minutes and line up with the heatmap's columns.
 */

import {
  scaleLinear,
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolTriangle,
  symbolWye,
  type SymbolType,
} from 'd3';
import { EVENT, type FrameBatch, type RunInfo } from '../engine/frame';
import { MARKER_EVENTS, eventSpans, eventTitle, markerSpans } from './events';
import { formatStepTick, usdTickFormat } from './format';
import { burstPaths, endLabels, legendLength, priceLegendItems, priceSummary } from './priceMarks';
import { flowLegend } from './legend';
import { linePaths, type LineName, type LinePaths, type PriceScales } from './pricePaths';
import type { PriceChartOptions, PriceModel } from './priceTypes';
import {
  chartFontSize,
  deoverlap,
  labelWidth,
  paddedDomain,
  px,
  tickCount,
  type Rect,
} from './scales';

export type { PriceChartOptions, PriceModel } from './priceTypes';

const SYMBOLS: Record<string, SymbolType> = {
  triangle: symbolTriangle,
  wye: symbolWye,
  square: symbolSquare,
  diamond: symbolDiamond,
  cross: symbolCross,
  circle: symbolCircle,
};

const ok = (v: number): boolean => v > 0 && Number.isFinite(v);

/**
 * Lays the chart out for a box of `width` × `height` px. `time` is the span of steps on the x
 * axis, [from, to) (all of the run by default; less when zoomed): the y axis fits what is in it.
 */
export function priceModel(
  frames: FrameBatch,
  info: RunInfo,
  width: number,
  height: number,
  options: PriceChartOptions = {},
  time?: readonly [number, number],
): PriceModel {
  const { model, scales, show } = priceLayout(frames, info, width, height, options, time);
  return { ...model, paths: linePaths(frames, scales, show) };
}

const NO_PATHS: LinePaths = { close: '', mark: '', index: '', ghost: '', range: '' };

/**
 * The model without the line paths (they are '') and what draws them: its scales and which lines
 * are shown. The chart draws the lines in chunks (pricePaths.ts), so a draw need not build them
 * whole.
 */
export function priceLayout(
  frames: FrameBatch,
  info: RunInfo,
  width: number,
  height: number,
  options: PriceChartOptions = {},
  time?: readonly [number, number],
): { model: PriceModel; scales: PriceScales; show: Record<LineName, boolean> } {
  const o = {
    showMark: true,
    showIndex: true,
    showGhost: true,
    showRange: true,
    showBursts: true,
    ...options,
  };
  const fs = o.fontSize ?? chartFontSize(width);
  const s = frames.scalars;
  const n = frames.count;
  const steps = Math.max(1, info.steps);
  const [t0, t1] = time ?? [0, steps];
  /** Whether row r's minute is on the x axis. */
  const inTime = (r: number): boolean => s.step[r] + 1 > t0 && s.step[r] < t1;

  // Legend on top.
  const halts = eventSpans(frames, EVENT.HALT);
  const items = priceLegendItems(o, halts.length > 0, legendLength(width));
  const legend = { ...flowLegend(items, width - 16, fs), x: 8, y: 4 };

  // Vertical bands: legend, price, strip, x axis.
  const top = legend.y + legend.height + 6;
  const axisH = fs + 10;
  const stripH = o.showBursts ? Math.max(16, Math.min(56, Math.round(height * 0.14))) : 0;
  const bottom = height - axisH - 2;
  const plotBottom = bottom - (stripH ? stripH + 4 : 0);
  const plotH = Math.max(10, plotBottom - top);

  // Y domain over what is drawn.
  let lo = Infinity;
  let hi = -Infinity;
  const take = (v: number): void => {
    if (ok(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  };
  for (let r = 0; r < n; r++) {
    if (!inTime(r)) continue;
    take(s.close[r]);
    if (o.showRange) {
      take(s.low[r]);
      take(s.high[r]);
    }
    if (o.showMark) take(s.mark[r]);
    if (o.showIndex) take(s.index[r]);
    if (o.showGhost) take(s.ghost[r]);
  }
  // Compare mode: B's close is on the same axes.
  const b = o.compare?.();
  if (b) for (let r = 0; r < b.count; r++) if (inTime(r)) take(b.scalars.close[r]);
  if (lo > hi) lo = hi = ok(info.startPrice) ? info.startPrice : 1;
  const yCount = tickCount(plotH, fs, fs * 2, 8);
  const y = scaleLinear()
    .domain(paddedDomain(lo, hi))
    .range([top + plotH, top])
    .nice(yCount);
  const yValues = y.ticks(yCount);
  const yFormat = usdTickFormat(yValues);
  const yLabels = yValues.map(yFormat);
  const left = Math.max(...yLabels.map((l) => labelWidth(l, fs))) + 10;

  // Horizontal: room on the right for end labels where the screen is wide enough.
  const right = width >= 480 ? labelWidth('$54.2k', fs) + 10 : 8;
  const plot: Rect = { x: left, y: top, width: Math.max(10, width - left - right), height: plotH };
  const x = scaleLinear()
    .domain([t0, t1])
    .range([plot.x, plot.x + plot.width]);
  const xAt = (step: number): number => x(step + 0.5);
  const onAxis = (v: number): boolean => v >= plot.x - 0.5 && v <= plot.x + plot.width + 0.5;

  const yTicks = yValues.map((v, i) => ({ value: v, pos: px(y(v)), label: yLabels[i] }));
  const xTitleText = 'minutes';
  const xTitleLeft = plot.x + plot.width - labelWidth(xTitleText, fs);
  const xLabelW = labelWidth(formatStepTick(Math.ceil(t1)), fs);
  const xTicks = x
    .ticks(tickCount(plot.width, xLabelW, 28))
    .filter((v) => Number.isInteger(v))
    .map((v) => ({ value: v, pos: px(x(v)), label: formatStepTick(v) }))
    .filter((t) => t.pos + labelWidth(t.label, fs) / 2 < xTitleLeft - 6);
  const xTitle = { x: px(plot.x + plot.width), y: bottom + fs + 4, text: xTitleText };

  // Lines: drawn by linePaths with these scales.
  const scales: PriceScales = {
    xAt,
    y,
    key: [t0, t1, plot.x, plot.width, ...y.domain(), ...y.range()].join(' '),
  };
  const show = {
    close: true,
    mark: o.showMark,
    index: o.showIndex,
    ghost: o.showGhost,
    range: o.showRange,
  };

  // Bands.
  const clampX = (v: number): number => Math.max(plot.x, Math.min(plot.x + plot.width, v));
  let shock: PriceModel['shock'] = null;
  const shockEnd = info.shockStep + Math.max(1, info.shockSteps);
  if (info.shockStep >= 0 && info.shockStep < steps && shockEnd > t0 && info.shockStep < t1) {
    const x0 = clampX(x(info.shockStep));
    const x1 = Math.max(x0 + 2, clampX(x(info.shockStep + Math.max(0, info.shockSteps))));
    shock = { x0: px(x0), x1: px(x1) };
  }
  const haltRects = halts
    .filter((h) => h.to + 1 > t0 && h.from < t1)
    .map((h) => ({
      x0: px(clampX(x(h.from))),
      x1: px(Math.max(clampX(x(h.from)) + 2, clampX(x(h.to + 1)))),
      title: eventTitle(frames, 'HALT', h),
    }));

  const strip: Rect | null = stripH
    ? { x: plot.x, y: plotBottom + 4, width: plot.width, height: stripH }
    : null;
  // Bins as wide as the span shown needs; the strip is clipped to the plot when zoomed.
  const bursts = strip ? burstPaths(frames, steps, x, strip, t1 - t0) : null;

  // Event markers along the top of the price area.
  const size = Math.round(fs * 0.8);
  const markerArea = Math.round(size * size * 0.45);
  const found = MARKER_EVENTS.flatMap((m) =>
    markerSpans(frames, m.name).map((span) => ({
      stepX: xAt(span.from),
      symbol: markerSymbol(m.symbol, markerArea),
      color: m.color,
      title: eventTitle(frames, m.name, span),
    })),
  )
    .filter((m) => onAxis(m.stepX))
    .sort((a, b) => a.stepX - b.stepX);
  const spread = deoverlap(
    found.map((m) => m.stepX),
    size + 4,
    plot.x + size / 2,
    plot.x + plot.width - size / 2,
  );
  const markers = found.map((m, i) => ({
    ...m,
    x: px(spread[i]),
    y: px(plot.y + size / 2 + 2),
    stepX: px(m.stepX),
    symbol: m.symbol,
  }));

  const model: PriceModel = {
    width,
    height,
    fontSize: fs,
    plot,
    strip,
    legend,
    xTicks,
    yTicks,
    xTitle,
    paths: NO_PATHS,
    shock,
    halts: haltRects,
    bursts,
    markers,
    // The end of the lines only when it is on screen (not when zoomed into the past).
    endLabels:
      n > 0 && onAxis(xAt(s.step[n - 1]))
        ? endLabels(frames, o.showGhost, xAt, y, plot, width, fs)
        : [],
    label: priceSummary(frames, info, o.showGhost),
  };
  return { model, scales, show };
}

const symbolPaths = new Map<string, string>();

/** A marker's symbol path, rounded; the same few shapes each draw, so made once. */
function markerSymbol(name: string, area: number): string {
  const key = `${name} ${area}`;
  let d = symbolPaths.get(key);
  if (d === undefined) {
    d = roundPath(symbol(SYMBOLS[name], area)() ?? '');
    symbolPaths.set(key, d);
  }
  return d;
}

function roundPath(d: string): string {
  return d.replace(/-?\d*\.\d+(e-?\d+)?/g, (m) => String(px(Number(m))));
}
