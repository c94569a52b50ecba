/**
 * The order-book depletion chart (SVG, a few hundred marks at most): (a) the book at the latest
 * step, bids and asks by price bucket with the baseline outlined and the missing depth hatched,
 * (b) the share of baseline depth missing within 5 % of the price over the run.
 *
 * Layout is depthModel.ts; this file draws it, at most once per animation frame. While a run
 * streams a draw costs O(new rows) plus the book's window: the series is drawn in chunks
 * (pathChunks.ts) and the parts that hold still (legend, titles, series axes, the shock band)
 * are rewritten only when they change.
 */

import type { FrameBatch, RunInfo } from '../engine/frame';
import { drawXAxis, drawYAxis } from './axes';
import type { BaseChartOptions, Chart } from './chart';
import { hatchPattern, uid } from './defs';
import { drawLegend } from './legendDom';
import { createShell, layer, type GSel } from './shell';
import { chartLifecycle } from './chartLifecycle';
import { PALETTE } from './colors';
import {
  depthLayout,
  depthSeriesPath,
  type DepthChartOptions,
  type DepthLayout,
} from './depthModel';
import { createChangeGate, createChunkedPathElements, createPathChunks } from './pathChunks';

export type { DepthChartOptions } from './depthModel';

/** Rows per chunk of the depletion series' paths. */
const CHUNK_ROWS = 128;

export function createDepthChart(
  el: HTMLElement,
  options: DepthChartOptions & BaseChartOptions = {},
): Chart {
  const shell = createShell(
    el,
    'depth',
    'Order book depletion: waiting for the run to start.',
    0.75,
  );
  const svg = shell.svg;
  const hatch = hatchPattern(svg, uid('depth-hatch'), PALETTE.depleted);
  const titles = layer(svg, 'titles');
  const bookY = layer(svg, 'book-y');
  const bookX = layer(svg, 'book-x');
  const book = layer(svg, 'book');
  const bid = book.append('path').attr('fill', PALETTE.bid).attr('fill-opacity', 0.8);
  const ask = book.append('path').attr('fill', PALETTE.ask).attr('fill-opacity', 0.8);
  const depleted = book.append('path').attr('fill', hatch);
  const baseline = book
    .append('path')
    .attr('fill', 'none')
    .attr('stroke', PALETTE.baseline)
    .attr('stroke-width', 1.5);
  const priceLine = layer(svg, 'price');
  const seriesY = layer(svg, 'series-y');
  const seriesX = layer(svg, 'series-x');
  const series = layer(svg, 'series');
  const shock = series.append('rect').attr('fill', PALETTE.shock).attr('fill-opacity', 0.14);
  const area = series.append('path').attr('fill', PALETTE.depleted).attr('fill-opacity', 0.3);
  const line = series
    .append('path')
    .attr('fill', 'none')
    .attr('stroke', PALETTE.depleted)
    .attr('stroke-width', 1.5);
  const legend = layer(svg, 'legend');
  const gate = createChangeGate();
  const areaChunks = createPathChunks(CHUNK_ROWS);
  const lineChunks = createPathChunks(CHUNK_ROWS);
  const areaEls = createChunkedPathElements(area.node() as SVGPathElement);
  const lineEls = createChunkedPathElements(line.node() as SVGPathElement);

  function draw(frames: FrameBatch, info: RunInfo, opening: FrameBatch | null): void {
    if (shell.width < 10 || shell.height < 10) return;
    const m = depthLayout(frames, info, shell.width, shell.height, options, opening);
    const fs = m.fontSize;
    gate.whenChanged('legend', [m.legend, fs], () => drawLegend(legend, m.legend, fs, hatch));
    gate.whenChanged('titles', [m.bookTitle, m.seriesTitle, fs], () => drawTitles(titles, m));
    gate.whenChanged('book-y', [m.bookY, m.book, fs], () => drawYAxis(bookY, m.bookY, m.book, fs));
    gate.whenChanged('book-x', [m.bookX, m.book, fs], () => drawXAxis(bookX, m.bookX, m.book, fs));
    bid.attr('d', m.paths.bid || null);
    ask.attr('d', m.paths.ask || null);
    depleted.attr('d', m.paths.depleted || null);
    baseline.attr('d', m.paths.baseline || null);
    drawPrice(m);
    gate.whenChanged('series-y', [m.seriesY, m.series, fs], () =>
      drawYAxis(seriesY, m.seriesY, m.series, fs),
    );
    gate.whenChanged('series-x', [m.seriesX, m.series, fs, m.xTitle], () =>
      drawXAxis(seriesX, m.seriesX, m.series, fs, m.xTitle),
    );
    gate.whenChanged('shock', [m.shock, m.series], () =>
      shock
        .attr('visibility', m.shock ? 'visible' : 'hidden')
        .attr('x', m.shock?.x0 ?? 0)
        .attr('width', m.shock ? m.shock.x1 - m.shock.x0 : 0)
        .attr('y', m.series.y)
        .attr('height', m.series.height),
    );
    const rows = (which: 'area' | 'line') => (from: number, to: number) =>
      depthSeriesPath(which, frames, m, from, to);
    areaEls.draw(areaChunks.update(frames.scalars, frames.count, m.seriesKey, rows('area')));
    lineEls.draw(lineChunks.update(frames.scalars, frames.count, m.seriesKey, rows('line')));
    shell.setLabel(m.label);
  }

  function drawTitles(g: GSel, m: DepthLayout): void {
    g.selectAll('text')
      .data([m.bookTitle, m.seriesTitle])
      .join('text')
      .attr('x', (d) => d.x)
      .attr('y', (d) => d.y)
      .attr('dy', '0.32em')
      .attr('font-size', m.fontSize)
      .attr('fill', PALETTE.text)
      .text((d) => d.text);
  }

  function drawPrice(m: DepthLayout): void {
    const p = m.price;
    priceLine
      .selectAll('path')
      .data(p ? [p] : [])
      .join('path')
      .attr('d', (d) => `M${m.book.x},${d.y}H${m.book.x + m.book.width}`)
      .attr('stroke', PALETTE.close)
      .attr('stroke-dasharray', '4 3');
    priceLine
      .selectAll('text')
      .data(p ? [p] : [])
      .join('text')
      .attr('x', m.book.x + m.book.width)
      .attr('y', (d) => d.y - 4)
      .attr('text-anchor', 'end')
      .attr('font-size', m.fontSize)
      .attr('fill', PALETTE.close)
      .attr('stroke', PALETTE.background)
      .attr('stroke-width', 3)
      .attr('paint-order', 'stroke')
      .text((d) => d.label);
  }

  return chartLifecycle(shell, draw, options).chart;
}
