/**
 * The price chart (SVG): last price as the main line, mark and index thinner, the path without
 * liquidations dashed, the low-high band, the shock window and halts shaded, event markers with
 * title tooltips, and a strip of liquidated notional per minute (shorts up, longs down).
 *
 * Layout is priceModel.ts; this file only draws it, at most once per animation frame. The
 * lines are drawn in chunks of rows (pricePaths.ts): while the scales hold, a draw only rebuilds
 * the newest chunk's paths; a rescale, zoom or resize rebuilds them all.
 */

import type { FrameBatch, RunInfo } from '../engine/frame';
import { drawXAxis, drawYAxis } from './axes';
import type { BaseChartOptions, Chart } from './chart';
import { clipRect, uid } from './defs';
import { drawLegend } from './legendDom';
import { createShell, layer } from './shell';
import { createTooltip } from './tooltip';
import { chartLifecycle } from './chartLifecycle';
import { stepAtX, type TimeSpan } from './crosshair';
import { attachPriceZoom } from './priceZoom';
import { GHOST_DASH, PALETTE } from './colors';
import { priceLayout, type PriceChartOptions, type PriceModel } from './priceModel';
import {
  LINE_NAMES,
  createChunkedPaths,
  linePaths,
  type ChunkedPaths,
  type LineName,
} from './pricePaths';

export type { PriceChartOptions } from './priceModel';

export interface PriceChartEvents {
  /** The minute under the pointer, or tapped; null when the pointer leaves the plot. */
  onHover?: (step: number | null) => void;
}

/** Of B's lines only the close is drawn (one line per run keeps the overlay readable). */
const COMPARE_SHOW = { close: true, mark: false, index: false, ghost: false, range: false };

export function createPriceChart(
  el: HTMLElement,
  options: PriceChartOptions & BaseChartOptions & PriceChartEvents = {},
): Chart {
  const shell = createShell(el, 'price', 'Price chart: waiting for the run to start.');
  const svg = shell.svg;
  // Layers, back to front.
  const bands = layer(svg, 'bands');
  const yAxis = layer(svg, 'y-axis');
  const clip = clipRect(svg, uid('price-clip'));
  const range = layer(svg, 'range')
    .attr('clip-path', clip.url)
    .append('path')
    .attr('fill', PALETTE.range)
    .attr('fill-opacity', 0.28);
  const lines = layer(svg, 'lines')
    .attr('clip-path', clip.url)
    .attr('fill', 'none')
    .attr('stroke-linejoin', 'round');
  const stripClip = clipRect(svg, uid('price-strip-clip'));
  const strip = layer(svg, 'strip').attr('clip-path', stripClip.url);
  // The crosshair at the minute under the pointer; the hit area under the markers takes it.
  const crosshair = svg
    .append('line')
    .attr('class', 'crosshair')
    .attr('stroke', PALETTE.text)
    .attr('stroke-opacity', 0.5)
    .style('pointer-events', 'none')
    .style('display', 'none');
  const hit = svg.append('rect').attr('fill', 'transparent').style('cursor', 'crosshair');
  const xAxis = layer(svg, 'x-axis');
  const markers = layer(svg, 'markers');
  const ends = layer(svg, 'end-labels');
  const legend = layer(svg, 'legend');
  // Marker texts on hover and on tap (a native title never shows on touch).
  const tooltip = createTooltip(shell.root);

  const line = (name: string, color: string, width: number, dash?: string) =>
    lines
      .append('path')
      .attr('class', name)
      .attr('stroke', color)
      .attr('stroke-width', width)
      .attr('stroke-dasharray', dash ?? null);
  const ghost = line('ghost', PALETTE.ghost, 1.5, GHOST_DASH);
  const index = line('index', PALETTE.index, 1.25);
  const mark = line('mark', PALETTE.mark, 1.25);
  const close = line('close', PALETTE.close, 2);
  // Compare mode: run B's close, over A's (read from options.compare at each draw).
  const compareClose = options.compare ? line('compare-close', PALETTE.compare, 2) : null;
  /** The path that draws each line's newest rows; finished chunks go before it. */
  const tails = { range, ghost, index, mark, close };
  const chunks = createChunkedPaths(128);
  const chunkPaths: Record<LineName, SVGPathElement[]> = {
    range: [],
    ghost: [],
    index: [],
    mark: [],
    close: [],
  };

  function drawLines(p: ChunkedPaths): void {
    for (const name of LINE_NAMES) {
      const tail = tails[name].attr('d', p.tail[name] || null).node();
      if (!tail) continue;
      const els = chunkPaths[name];
      // All rebuilt: new copies of the tail's attributes too (a resize changes the width).
      const keep = Math.min(p.firstNew, p.frozen.length);
      for (const el of els.splice(keep)) el.remove();
      for (let k = keep; k < p.frozen.length; k++) {
        const el = tail.cloneNode(false) as SVGPathElement;
        const d = p.frozen[k][name];
        if (d) el.setAttribute('d', d);
        else el.removeAttribute('d');
        tail.before(el);
        els.push(el);
      }
    }
  }

  /** The inputs each part was last drawn from, as JSON. */
  const drawnFrom = new Map<string, string>();
  function whenChanged(part: string, inputs: unknown, drawPart: () => void): void {
    const key = JSON.stringify(inputs);
    if (drawnFrom.get(part) === key) return;
    drawnFrom.set(part, key);
    drawPart();
  }

  function draw(frames: FrameBatch, info: RunInfo): void {
    if (shell.width < 10 || shell.height < 10) return;
    if (info !== zoomedRun) {
      zoomedRun = info;
      zoom = null;
    }
    const layout = priceLayout(frames, info, shell.width, shell.height, options, zoom ?? undefined);
    const m = layout.model;
    // Most of the chart holds still from one frame to the next: only what changed is set.
    const bottom = shellBottom(m);
    const plotArea = { ...m.plot, height: bottom - m.plot.y };
    whenChanged('plot', [m.plot, m.strip], () => {
      clip.set(m.plot);
      if (m.strip) stripClip.set(m.strip);
      hit
        .attr('x', m.plot.x)
        .attr('y', m.plot.y)
        .attr('width', m.plot.width)
        .attr('height', plotArea.height);
    });
    whenChanged('bands', [m.shock, m.halts, plotArea], () => drawBands(m));
    whenChanged('y-axis', [m.yTicks, m.plot, m.fontSize], () =>
      drawYAxis(yAxis, m.yTicks, m.plot, m.fontSize),
    );
    whenChanged('line-width', m.fontSize, () =>
      close.attr('stroke-width', m.fontSize >= 14 ? 2.5 : 2),
    );
    drawLines(chunks.update(frames, layout.scales, layout.show));
    if (compareClose) {
      const b = options.compare?.();
      compareClose.attr('d', b ? linePaths(b, layout.scales, COMPARE_SHOW).close || null : null);
    }
    whenChanged('strip', [m.strip, m.bursts, m.fontSize], () => drawStrip(m));
    whenChanged('x-axis', [m.xTicks, plotArea, m.fontSize, m.xTitle], () =>
      drawXAxis(xAxis, m.xTicks, plotArea, m.fontSize, m.xTitle),
    );
    model = m;
    drawCrosshair();
    whenChanged('markers', [m.markers, m.plot, m.fontSize], () => drawMarkers(m));
    whenChanged('end-labels', [m.endLabels, m.fontSize], () => drawEndLabels(m));
    whenChanged('legend', [m.legend, m.fontSize], () => drawLegend(legend, m.legend, m.fontSize));
    shell.setLabel(m.label);
  }

  let model: PriceModel | null = null;
  let hovered: number | null = null;
  /** The minutes shown when zoomed (priceZoom.ts), or null for the whole run. */
  let zoom: TimeSpan | null = null;
  let zoomedRun: RunInfo | null = null;
  const span = (info: RunInfo): TimeSpan => zoom ?? [0, info.steps];

  function drawCrosshair(): void {
    const m = model;
    const info = input.info;
    if (!m || !info || hovered === null) {
      crosshair.style('display', 'none');
      return;
    }
    const [t0, t1] = span(info);
    const x = Math.round(m.plot.x + ((hovered + 0.5 - t0) / (t1 - t0)) * m.plot.width) + 0.5;
    const onAxis = hovered + 1 > t0 && hovered < t1;
    crosshair
      .style('display', onAxis ? '' : 'none')
      .attr('x1', x)
      .attr('x2', x)
      .attr('y1', m.plot.y)
      .attr('y2', shellBottom(m));
  }

  function hoverAt(clientX: number): void {
    const m = model;
    const { frames, info } = input;
    if (!m || !frames || !info) return;
    const x = clientX - shell.root.getBoundingClientRect().left;
    const step = stepAtX(m.plot, span(info), frames.count, x);
    if (step === hovered) return;
    hovered = step;
    drawCrosshair();
    options.onHover?.(step);
  }

  const hitNode = hit.node();
  const onPointer = (e: PointerEvent): void => hoverAt(e.clientX);
  const onLeave = (e: PointerEvent): void => {
    // A tap's minute stays after the finger lifts, until the next tap.
    if (e.pointerType === 'touch') return;
    hovered = null;
    drawCrosshair();
    options.onHover?.(null);
  };
  hitNode?.addEventListener('pointermove', onPointer);
  hitNode?.addEventListener('pointerdown', onPointer);
  hitNode?.addEventListener('pointerleave', onLeave);
  const detachZoom = hitNode
    ? attachPriceZoom(shell, hitNode, {
        view: () =>
          model && input.info
            ? { plot: model.plot, span: span(input.info), steps: input.info.steps, hovered }
            : null,
        setZoom(next) {
          const { frames, info } = input;
          if (!frames || !info) return;
          zoom = next;
          chart.update(frames, info);
        },
      })
    : null;

  /** The x axis sits under the strip when there is one. */
  function shellBottom(m: PriceModel): number {
    return m.strip ? m.strip.y + m.strip.height : m.plot.y + m.plot.height;
  }

  function drawBands(m: PriceModel): void {
    const h = shellBottom(m) - m.plot.y;
    bands
      .selectAll('rect.shock')
      .data(m.shock ? [m.shock] : [])
      .join('rect')
      .attr('class', 'shock')
      .attr('x', (d) => d.x0)
      .attr('width', (d) => d.x1 - d.x0)
      .attr('y', m.plot.y)
      .attr('height', h)
      .attr('fill', PALETTE.shock)
      .attr('fill-opacity', 0.14);
    bands
      .selectAll('rect.halt')
      .data(m.halts)
      .join((enter) =>
        enter
          .append('rect')
          .attr('class', 'halt')
          .call((r) => r.append('title')),
      )
      .attr('x', (d) => d.x0)
      .attr('width', (d) => d.x1 - d.x0)
      .attr('y', m.plot.y)
      .attr('height', h)
      .attr('fill', PALETTE.halt)
      .attr('fill-opacity', 0.16)
      .select('title')
      .text((d) => d.title);
  }

  function drawStrip(m: PriceModel): void {
    const s = m.strip;
    strip
      .selectAll('path.mid')
      .data(s ? [s] : [])
      .join('path')
      .attr('class', 'mid')
      .attr('d', (d) => `M${d.x},${Math.round(d.y + d.height / 2) + 0.5}H${d.x + d.width}`)
      .attr('stroke', PALETTE.grid);
    strip
      .selectAll('path.long')
      .data(m.bursts ? [m.bursts.long] : [])
      .join('path')
      .attr('class', 'long')
      .attr('d', (d) => d || null)
      .attr('fill', PALETTE.long);
    strip
      .selectAll('path.short')
      .data(m.bursts ? [m.bursts.short] : [])
      .join('path')
      .attr('class', 'short')
      .attr('d', (d) => d || null)
      .attr('fill', PALETTE.short);
    strip
      .selectAll('text')
      .data(s && m.bursts?.label ? [m.bursts.label] : [])
      .join('text')
      .attr('x', (s?.x ?? 0) + 2)
      .attr('y', (s?.y ?? 0) + m.fontSize * 0.8)
      .attr('font-size', m.fontSize - 1)
      .attr('fill', PALETTE.muted)
      .text((d) => d);
  }

  function drawMarkers(m: PriceModel): void {
    markers
      .selectAll<SVGGElement, PriceModel['markers'][number]>('g.marker')
      .data(m.markers, (d) => d.title)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'marker').style('cursor', 'help');
        g.append('line').attr('stroke-opacity', 0.35).attr('stroke-dasharray', '2 3');
        // A finger-sized hit area around the small symbol.
        g.append('circle').attr('class', 'hit').attr('r', 12).attr('fill', 'transparent');
        g.append('path').attr('stroke', PALETTE.background).attr('stroke-width', 1);
        g.append('title');
        g.on('pointerenter pointerdown', (e: PointerEvent, d) => {
          const r = shell.root.getBoundingClientRect();
          tooltip.show([d.title], e.clientX - r.left, e.clientY - r.top);
        }).on('pointerleave', (e: PointerEvent) => {
          // A tap's tooltip stays after the finger lifts.
          if (e.pointerType !== 'touch') tooltip.hide();
        });
        return g;
      })
      .call((g) =>
        g
          .select('line')
          .attr('x1', (d) => d.stepX)
          .attr('x2', (d) => d.stepX)
          .attr('y1', (d) => d.y + m.fontSize / 2)
          .attr('y2', m.plot.y + m.plot.height)
          .attr('stroke', (d) => d.color),
      )
      .call((g) =>
        g
          .select('circle.hit')
          .attr('cx', (d) => d.x)
          .attr('cy', (d) => d.y),
      )
      .call((g) =>
        g
          .select('path')
          .attr('d', (d) => d.symbol)
          .attr('transform', (d) => `translate(${d.x},${d.y})`)
          .attr('fill', (d) => d.color),
      )
      .select('title')
      .text((d) => d.title);
  }

  function drawEndLabels(m: PriceModel): void {
    ends
      .selectAll('text')
      .data(m.endLabels)
      .join('text')
      .attr('x', (d) => d.x)
      .attr('y', (d) => d.y)
      .attr('dy', '0.32em')
      .attr('text-anchor', (d) => d.anchor)
      .attr('font-size', m.fontSize)
      .attr('fill', (d) => d.color)
      .attr('stroke', PALETTE.background)
      .attr('stroke-width', 3)
      .attr('paint-order', 'stroke')
      .text((d) => d.text);
  }

  const { chart, input } = chartLifecycle(shell, draw, options, () => {
    hitNode?.removeEventListener('pointermove', onPointer);
    hitNode?.removeEventListener('pointerdown', onPointer);
    hitNode?.removeEventListener('pointerleave', onLeave);
    detachZoom?.();
    model = null;
  });
  return chart;
}
