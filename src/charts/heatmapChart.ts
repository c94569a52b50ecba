/**
 * The liquidation heatmap: time × price, one pixel per step and bucket in an offscreen canvas
 * (info.steps × bucketCount), scaled up without smoothing into the visible canvas; SVG on top
 * for the axes, the colour legend, the close price (thin and translucent, so what burnt under
 * it shows through) and, over it, a ring per step that liquidated (heatmapBurns.ts). Hovering a
 * cell shows a plain-text tooltip.
 *
 * Incremental: each draw paints only the steps that arrived since the last one (heatmapImage.ts)
 * and copies just those columns into the offscreen canvas; the scaled drawImage is one GPU blit.
 * When the colour scale drifts, the older columns are repainted a few milliseconds' worth per
 * draw (the chart asks for further draws until done), never all 5,000 in one long task. The
 * step burns behind the rings and the label's totals are summed once per arriving row too.
 */

import type { FrameBatch, RunInfo } from '../engine/frame';
import { drawXAxis, drawYAxis } from './axes';
import type { BaseChartOptions } from './chart';
import type { CursorChart } from './cursor';
import { clipRect, uid } from './defs';
import { createRunTracker } from './runTracker';
import { createShell, layer, type GSel } from './shell';
import { createTooltip } from './tooltip';
import { chartLifecycle } from './chartLifecycle';
import { PALETTE } from './colors';
import { addStepBurns, createStepBurns, type BurnRing, type StepBurns } from './heatmapBurns';
import {
  createHeatmapImage,
  hasStale,
  paintHeatmap,
  paintOpening,
  repaintStale,
  type DirtyColumns,
  type HeatmapImage,
} from './heatmapImage';
import type { GradientStop } from './heatmapLegend';
import {
  heatmapCellAt,
  heatmapModel,
  heatmapTooltip,
  type HeatmapChartOptions,
  type HeatmapModel,
} from './heatmapModel';

export type { FuelColumn, HeatmapChartOptions } from './heatmapModel';

/** Time a draw may spend repainting stale columns (ms), and how many it repaints between checks. */
const REPAINT_MS = 4;
const REPAINT_CHUNK = 64;

export function createHeatmapChart(
  el: HTMLElement,
  options: HeatmapChartOptions & BaseChartOptions = {},
): CursorChart {
  const shell = createShell(el, 'heatmap', 'Liquidation heatmap: waiting for the run to start.');
  const fuel = options.fuel ?? 'predicted';
  const canvas = document.createElement('canvas');
  Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', display: 'block' });
  shell.root.insertBefore(canvas, shell.svg.node());
  const ctx = canvas.getContext('2d');
  const offscreen = document.createElement('canvas');
  const offCtx = offscreen.getContext('2d');
  // Before the first step: the opening's fuel, one column stretched across the plot.
  const openingCanvas = document.createElement('canvas');
  let openingPainted: { opening: FrameBatch; predictedMax: number } | null = null;

  const svg = shell.svg;
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
  // the burns it runs through stay visible.
  const halo = price.append('path').attr('stroke', PALETTE.background).attr('stroke-opacity', 0.45);
  const closeLine = price.append('path').attr('stroke', PALETTE.close).attr('stroke-opacity', 0.7);
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
  let cursor: number | null = null;
  // Which map this is (TRUE / ESTIMATED), large, with a dark edge so it reads over any fuel;
  // only when the options name the map.
  const mapName = options.fuel
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
  const tooltip = createTooltip(shell.root);

  let img: HeatmapImage | null = null;
  let burns: StepBurns | null = null;
  let imageData: ImageData | null = null;
  let model: HeatmapModel | null = null;
  let pointer: { x: number; y: number } | null = null;
  const run = createRunTracker();

  function startRun(i: RunInfo): void {
    img = createHeatmapImage(i, fuel);
    burns = createStepBurns(i);
    offscreen.width = img.width; // also clears it
    offscreen.height = img.height;
    // No 2D context (a test DOM without canvas): keep the model, skip the pixels.
    imageData = offCtx ? new ImageData(img.data, img.width, img.height) : null;
  }

  /** Paints the opening's column once per opening; its fuel reference, or 0 without one. */
  function openingScale(opening: FrameBatch, info: RunInfo): number {
    if (openingPainted?.opening !== opening) {
      const column = paintOpening(opening, info, fuel);
      openingCanvas.width = 1;
      openingCanvas.height = column.height;
      openingCanvas
        .getContext('2d')
        ?.putImageData(new ImageData(column.data, 1, column.height), 0, 0);
      openingPainted = { opening, predictedMax: column.predictedMax };
    }
    return openingPainted.predictedMax;
  }

  function draw(frames: FrameBatch, info: RunInfo, opening: FrameBatch | null): void {
    if (run.isNewRun(frames, info) || !img || !burns) startRun(info);
    if (!img || !burns) return;
    copyColumns(paintHeatmap(img, frames, 0));
    const started = performance.now();
    while (hasStale(img) && performance.now() - started < REPAINT_MS)
      copyColumns(repaintStale(img, frames, REPAINT_CHUNK));
    // The rest on the next frames, even if no new rows arrive (the run may have ended).
    if (hasStale(img)) chart.update(frames, info);
    addStepBurns(burns, frames, info);
    if (shell.width < 10 || shell.height < 10) return;
    const start = frames.count === 0 && opening?.bucketCount === info.bucketCount ? opening : null;
    const predictedMax = start ? openingScale(start, info) : img.paintedPredicted;
    const scale = { predictedMax, burns };
    const m = heatmapModel(frames, info, shell.width, shell.height, scale, options, start);
    model = m;
    clip.set(m.plot);
    drawImage(m, start ? openingCanvas : offscreen);
    drawYAxis(yAxis, m.yTicks, m.plot, m.fontSize, false);
    drawXAxis(xAxis, m.xTicks, m.plot, m.fontSize, m.xTitle);
    halo.attr('d', m.closePath || null).attr('stroke-width', 3);
    closeLine
      .attr('d', m.closePath || null)
      .attr('stroke-width', m.fontSize >= 14 ? 1.5 : 1.25)
      .attr('stroke-dasharray', start ? '5 4' : null);
    drawRings(rings, m.rings);
    drawHeatLegend(m);
    if (mapName && m.mapLabel) {
      const { x, y, fontSize, text } = m.mapLabel;
      mapName.attr('x', x).attr('y', y).attr('font-size', fontSize).text(text);
    }
    hit
      .attr('x', m.plot.x)
      .attr('y', m.plot.y)
      .attr('width', m.plot.width)
      .attr('height', m.plot.height);
    drawCursor(m, info);
    shell.setLabel(m.label);
    if (pointer) hover(pointer.x, pointer.y);
  }

  function copyColumns(dirty: DirtyColumns | null): void {
    if (!dirty || !imageData || !offCtx) return;
    offCtx.putImageData(imageData, 0, 0, dirty.x0, 0, dirty.x1 - dirty.x0, imageData.height);
  }

  function drawCursor(m: HeatmapModel, info: RunInfo): void {
    if (cursor === null) {
      cursorMark.style('display', 'none');
      return;
    }
    const cw = m.plot.width / info.steps;
    const w = Math.max(3, cw);
    cursorMark
      .style('display', null)
      .attr('x', m.plot.x + (cursor + 0.5) * cw - w / 2)
      .attr('y', m.plot.y)
      .attr('width', w)
      .attr('height', m.plot.height);
  }

  function drawImage(m: HeatmapModel, source: HTMLCanvasElement): void {
    if (!ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(m.plot.width * dpr));
    const h = Math.max(1, Math.round(m.plot.height * dpr));
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    Object.assign(canvas.style, {
      transform: `translate(${m.plot.x}px, ${m.plot.y}px)`,
      width: `${m.plot.width}px`,
      height: `${m.plot.height}px`,
    });
    ctx.fillStyle = PALETTE.panel;
    ctx.fillRect(0, 0, w, h);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(source, 0, 0, w, h);
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

  function drawHeatLegend(m: HeatmapModel): void {
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
    bar(legend, bars);
    drawRings(layer(legend, 'legend-ring'), l.ring.r > 0 ? [l.ring] : []);
  }

  function bar(
    g: GSel,
    bars: { x: number; y: number; width: number; height: number; fill: string }[],
  ) {
    g.selectAll('rect')
      .data(bars)
      .join('rect')
      .attr('x', (d) => d.x)
      .attr('y', (d) => d.y)
      .attr('width', (d) => d.width)
      .attr('height', (d) => d.height)
      .attr('fill', (d) => d.fill);
  }

  function hover(x: number, y: number): void {
    const { frames, info } = input;
    if (!model || !frames || !info) return;
    const cell = heatmapCellAt(model.plot, info, x, y);
    if (!cell) {
      unhover();
      return;
    }
    const cw = model.plot.width / info.steps;
    const ch = model.plot.height / info.bucketCount;
    highlight
      .style('display', null)
      .attr('x', model.plot.x + cell.step * cw)
      .attr('y', model.plot.y + model.plot.height - (cell.bucket + 1) * ch)
      .attr('width', Math.max(2, cw))
      .attr('height', Math.max(2, ch));
    const opening = frames.count === 0 ? input.opening : null;
    tooltip.show(heatmapTooltip(frames, info, cell.step, cell.bucket, opening, fuel), x, y);
  }

  function unhover(): void {
    highlight.style('display', 'none');
    tooltip.hide();
  }

  const onPointer = (e: PointerEvent): void => {
    const r = shell.root.getBoundingClientRect();
    pointer = { x: e.clientX - r.left, y: e.clientY - r.top };
    hover(pointer.x, pointer.y);
  };
  const onLeave = (e: PointerEvent): void => {
    // A finger lifts right after a tap: the tooltip it opened stays until the next tap.
    if (e.pointerType === 'touch') return;
    pointer = null;
    unhover();
  };
  const hitNode = hit.node();
  hitNode?.addEventListener('pointermove', onPointer);
  hitNode?.addEventListener('pointerdown', onPointer);
  hitNode?.addEventListener('pointerleave', onLeave);

  const { chart, input } = chartLifecycle(shell, draw, options, () => {
    hitNode?.removeEventListener('pointermove', onPointer);
    hitNode?.removeEventListener('pointerdown', onPointer);
    hitNode?.removeEventListener('pointerleave', onLeave);
    img = burns = imageData = model = openingPainted = null;
  });
  return {
    ...chart,
    setCursor(step) {
      if (step === cursor) return;
      cursor = step;
      if (input.frames && input.info) chart.update(input.frames, input.info);
    },
  };
}
