/**
 * The order-book depletion chart (SVG, a few hundred marks at most): (a) the book at the latest
 * step, bids and asks by price bucket with the baseline outlined and the missing depth hatched,
 * (b) the share of baseline depth missing within 5 % of the price over the run.
 *
 * Layout is depthModel.ts; this file draws it, at most once per animation frame.
 */

import type { FrameBatch, RunInfo } from '../engine/frame';
import { drawXAxis, drawYAxis } from './axes';
import type { BaseChartOptions, Chart } from './chart';
import { hatchPattern, uid } from './defs';
import { drawLegend } from './legendDom';
import { createShell, layer, type GSel } from './shell';
import { chartLifecycle } from './chartLifecycle';
import { PALETTE } from './colors';
import { depthModel, type DepthChartOptions, type DepthModel } from './depthModel';

export type { DepthChartOptions } from './depthModel';

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

  function draw(frames: FrameBatch, info: RunInfo, opening: FrameBatch | null): void {
    if (shell.width < 10 || shell.height < 10) return;
    const m = depthModel(frames, info, shell.width, shell.height, options, opening);
    drawLegend(legend, m.legend, m.fontSize, hatch);
    drawTitles(titles, m);
    drawYAxis(bookY, m.bookY, m.book, m.fontSize);
    drawXAxis(bookX, m.bookX, m.book, m.fontSize);
    bid.attr('d', m.paths.bid || null);
    ask.attr('d', m.paths.ask || null);
    depleted.attr('d', m.paths.depleted || null);
    baseline.attr('d', m.paths.baseline || null);
    drawPrice(m);
    drawYAxis(seriesY, m.seriesY, m.series, m.fontSize);
    drawXAxis(seriesX, m.seriesX, m.series, m.fontSize, m.xTitle);
    shock
      .attr('visibility', m.shock ? 'visible' : 'hidden')
      .attr('x', m.shock?.x0 ?? 0)
      .attr('width', m.shock ? m.shock.x1 - m.shock.x0 : 0)
      .attr('y', m.series.y)
      .attr('height', m.series.height);
    area.attr('d', m.seriesPaths.area || null);
    line.attr('d', m.seriesPaths.line || null);
    shell.setLabel(m.label);
  }

  function drawTitles(g: GSel, m: DepthModel): void {
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

  function drawPrice(m: DepthModel): void {
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
