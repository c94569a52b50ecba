/**
 * The heatmap's SVG over its pixels: axes, the colour legend, the close price (thin and
 * translucent, so what burnt under it shows through), a ring per step that liquidated, the
 * map's name, the hovered cell and the scrubber's minute. Parts that hold still while a run
 * streams (axes, legend, rings) are rewritten only when their inputs change, and the close price
 * is drawn in chunks (pathChunks.ts): a draw costs O(new rows), not O(history).
 */

import { drawXAxis, drawYAxis } from './axes';
import { PALETTE } from './colors';
import { clipRect, uid } from './defs';
import type { BurnRing } from './heatmapBurns';
import type { HeatmapLayout } from './heatmapLayout';
import type { GradientStop } from './heatmapLegend';
import { createChangeGate, createChunkedPathElements, type PathChunks } from './pathChunks';
import { layer, type GSel, type SvgSel } from './shell';
import type { Rect } from './scales';

export function createHeatmapSvg(svg: SvgSel, named: boolean) {
  const gate = createChangeGate();
  const fuelId = uid('heat-fuel');
  const burnId = uid('heat-burn');
  const defs = svg.append('defs');
  const yAxis = layer(svg, 'y-axis');
  const xAxis = layer(svg, 'x-axis');
  const clip = clipRect(svg, uid('heat-clip'));
  const price = layer(svg, 'price')
    .attr('clip-path', clip.url)
    .attr('fill', 'none')
    .attr('stroke-linejoin', 'round');
  // Thin and translucent, with a faint dark edge: the price stays legible over the fuel, and
  // the burns it runs through stay visible. Each one's finished chunks go before it, so every
  // piece of the edge lies under every piece of the line.
  const halo = price.append('path').attr('stroke', PALETTE.background).attr('stroke-opacity', 0.45);
  const closeLine = price.append('path').attr('stroke', PALETTE.close).attr('stroke-opacity', 0.7);
  const haloChunks = createChunkedPathElements(halo.node() as SVGPathElement);
  const lineChunks = createChunkedPathElements(closeLine.node() as SVGPathElement);
  // Rings over the line; the pointer goes through them to the hit area (the tooltip tells).
  const rings = layer(svg, 'burn-rings')
    .attr('clip-path', clip.url)
    .style('pointer-events', 'none');
  const highlight = svg
    .append('rect')
    .attr('fill', 'none')
    .attr('stroke', PALETTE.text)
    .attr('stroke-width', 1.5)
    .style('display', 'none');
  // The scrubber's minute: its column outlined over the whole run.
  const cursorMark = svg
    .append('rect')
    .attr('class', 'cursor')
    .attr('fill', PALETTE.text)
    .attr('fill-opacity', 0.12)
    .attr('stroke', PALETTE.text)
    .attr('stroke-width', 1)
    .style('pointer-events', 'none')
    .style('display', 'none');
  // Which map this is (TRUE / ESTIMATED), large, with a dark edge so it reads over any fuel;
  // only when the options name the map.
  const mapName = named
    ? svg
        .append('text')
        .attr('class', 'map-label')
        .attr('dy', '0.35em')
        .attr('font-weight', 700)
        .attr('fill', PALETTE.text)
        .attr('stroke', PALETTE.background)
        .attr('stroke-width', 3)
        .attr('paint-order', 'stroke')
        .style('pointer-events', 'none')
    : null;
  const legend = layer(svg, 'legend');
  const hit = svg.append('rect').attr('fill', 'transparent').style('cursor', 'crosshair');

  function gradient(id: string, stops: GradientStop[]): string {
    const g = defs
      .selectAll(`linearGradient#${id}`)
      .data([id])
      .join('linearGradient')
      .attr('id', id);
    g.selectAll('stop')
      .data(stops)
      .join('stop')
      .attr('offset', (d) => d.offset)
      .attr('stop-color', (d) => d.color);
    return `url(#${id})`;
  }

  function drawLegend(m: HeatmapLayout): void {
    const l = m.legend;
    const texts = [l.title, l.lowLabel, l.highLabel, l.burnLabel];
    legend
      .selectAll('text')
      .data(texts)
      .join('text')
      .attr('x', (d) => d.x)
      .attr('y', (d) => d.y)
      .attr('dy', '0.32em')
      .attr('font-size', m.fontSize)
      .attr('fill', (_, i) => (i === 0 ? PALETTE.text : PALETTE.muted))
      .text((d) => d.text);
    const bars = [
      { ...l.bar, fill: gradient(fuelId, l.bar.stops) },
      { ...l.burn, fill: gradient(burnId, l.burn.stops) },
    ];
    legend
      .selectAll('rect')
      .data(bars)
      .join('rect')
      .attr('x', (d) => d.x)
      .attr('y', (d) => d.y)
      .attr('width', (d) => d.width)
      .attr('height', (d) => d.height)
      .attr('fill', (d) => d.fill);
    drawRings(layer(legend, 'legend-ring'), l.ring.r > 0 ? [l.ring] : []);
  }

  return {
    hitNode: hit.node(),

    /** Axes, legend, the map's name and the hit area: rewritten only when they change. */
    drawLayout(m: HeatmapLayout): void {
      const { plot, fontSize } = m;
      gate.whenChanged('clip', plot, () => clip.set(plot));
      gate.whenChanged('y', [m.yTicks, plot, fontSize], () =>
        drawYAxis(yAxis, m.yTicks, plot, fontSize, false),
      );
      gate.whenChanged('x', [m.xTicks, plot, fontSize, m.xTitle], () =>
        drawXAxis(xAxis, m.xTicks, plot, fontSize, m.xTitle),
      );
      gate.whenChanged('legend', [m.legend, fontSize], () => drawLegend(m));
      if (mapName && m.mapLabel) {
        const { x, y, fontSize: size, text } = m.mapLabel;
        gate.whenChanged('map', m.mapLabel, () =>
          mapName.attr('x', x).attr('y', y).attr('font-size', size).text(text),
        );
      }
      gate.whenChanged('hit', plot, () =>
        hit
          .attr('x', plot.x)
          .attr('y', plot.y)
          .attr('width', plot.width)
          .attr('height', plot.height),
      );
    },

    /** The close price in chunks; dashed before the first step (the start price). */
    drawPrice(p: PathChunks, fontSize: number, dashed: boolean): void {
      // The path first, then its look (the attributes' order the snapshots have), then copies.
      haloChunks.draw(p, () => halo.attr('stroke-width', 3));
      lineChunks.draw(p, () =>
        closeLine
          .attr('stroke-width', fontSize >= 14 ? 1.5 : 1.25)
          .attr('stroke-dasharray', dashed ? '5 4' : null),
      );
    },

    drawRings(marks: readonly BurnRing[]): void {
      const at = marks.map((d) => [d.cx, d.cy, d.r]);
      gate.whenChanged('rings', at, () => drawRings(rings, marks));
    },

    /** The scrubber's minute `step` of `steps`, or none. */
    drawCursor(plot: Rect, steps: number, step: number | null): void {
      gate.whenChanged('cursor', [plot, steps, step], () => {
        if (step === null) {
          cursorMark.style('display', 'none');
          return;
        }
        const cw = plot.width / steps;
        const w = Math.max(3, cw);
        cursorMark
          .style('display', null)
          .attr('x', plot.x + (step + 0.5) * cw - w / 2)
          .attr('y', plot.y)
          .attr('width', w)
          .attr('height', plot.height);
      });
    },

    /** Outlines the hovered cell, or hides the outline (null). */
    highlight(cell: Rect | null): void {
      if (!cell) {
        highlight.style('display', 'none');
        return;
      }
      highlight
        .style('display', null)
        .attr('x', cell.x)
        .attr('y', cell.y)
        .attr('width', cell.width)
        .attr('height', cell.height);
    },
  };
}

function drawRings(g: GSel, marks: readonly Pick<BurnRing, 'cx' | 'cy' | 'r'>[]): void {
  // A dark edge under each light ring (all edges first, so no edge cuts through a ring): it
  // reads over the brightest fuel and the price line.
  const edges = layer(g, 'edges')
    .attr('fill', 'none')
    .attr('stroke', PALETTE.background)
    .attr('stroke-opacity', 0.6)
    .attr('stroke-width', 2.5);
  const lights = layer(g, 'lights')
    .attr('fill', PALETTE.burnRing)
    .attr('fill-opacity', 0.18)
    .attr('stroke', PALETTE.burnRing)
    .attr('stroke-width', 1.5);
  for (const sel of [edges, lights]) {
    sel
      .selectAll('circle')
      .data(marks)
      .join('circle')
      .attr('cx', (d) => d.cx)
      .attr('cy', (d) => d.cy)
      .attr('r', (d) => d.r);
  }
}
