/**
 * The liquidation heatmap: time × price, one pixel per step and bucket (heatmapCanvas.ts),
 * scaled up without smoothing under an SVG (heatmapSvg.ts) with the axes, the colour legend, the
 * close price and a ring per step that liquidated (heatmapBurns.ts). Hovering a cell shows a
 * plain-text tooltip.
 *
 * A draw while a run streams costs O(new rows): the pixels, the step burns, the label's totals
 * and the close price's path all take only the rows that arrived since the last draw; the
 * layout is O(1) and the axes, legend and rings are rewritten only when they change.
 */

import type { FrameBatch, RunInfo } from '../engine/frame';
import type { BaseChartOptions } from './chart';
import type { CursorChart } from './cursor';
import { createRunTracker } from './runTracker';
import { createShell } from './shell';
import { createTooltip } from './tooltip';
import { chartLifecycle } from './chartLifecycle';
import {
  addStepBurns,
  burnRings,
  createStepBurns,
  type BurnRing,
  type StepBurns,
} from './heatmapBurns';
import { createHeatmapCanvas } from './heatmapCanvas';
import { heatmapLayout, type HeatmapChartOptions, type HeatmapLayout } from './heatmapLayout';
import { closePathRows, heatmapLabel, openingPricePath } from './heatmapModel';
import { heatmapCellAt, heatmapTooltip } from './heatmapText';
import { createHeatmapSvg } from './heatmapSvg';
import { createPathChunks, type PathChunks } from './pathChunks';

export type { FuelColumn } from './heatmapImage';
export type { HeatmapChartOptions } from './heatmapLayout';

/** Rows per chunk of the close price's path. */
const CHUNK_ROWS = 128;

export function createHeatmapChart(
  el: HTMLElement,
  options: HeatmapChartOptions & BaseChartOptions = {},
): CursorChart {
  const shell = createShell(el, 'heatmap', 'Liquidation heatmap: waiting for the run to start.');
  const fuel = options.fuel ?? 'predicted';
  const pixels = createHeatmapCanvas(shell.root, shell.svg.node(), fuel);
  const svg = createHeatmapSvg(shell.svg, options.fuel !== undefined);
  const tooltip = createTooltip(shell.root);
  const chunks = createPathChunks(CHUNK_ROWS);

  let burns: StepBurns | null = null;
  let layout: HeatmapLayout | null = null;
  /** The rings and what they were placed from (burn rows, scales). */
  let rings: { key: string; marks: BurnRing[] } = { key: '', marks: [] };
  let pointer: { x: number; y: number } | null = null;
  let cursor: number | null = null;
  const run = createRunTracker();

  function draw(frames: FrameBatch, info: RunInfo, opening: FrameBatch | null): void {
    if (run.isNewRun(frames, info) || !pixels.image || !burns) {
      pixels.startRun(info);
      burns = createStepBurns(info);
    }
    const img = pixels.image;
    if (!img) return;
    // The rest of a repaint on the next frames, even if no rows arrive (the run may have ended).
    if (pixels.paint(frames)) chart.update(frames, info);
    addStepBurns(burns, frames, info);
    if (shell.width < 10 || shell.height < 10) return;
    const start = frames.count === 0 && opening?.bucketCount === info.bucketCount ? opening : null;
    const predictedMax = start ? pixels.openingScale(start, info) : img.paintedPredicted;
    const m = heatmapLayout(
      info,
      shell.width,
      shell.height,
      predictedMax,
      burns.ref.value(),
      options,
    );
    layout = m;
    pixels.blit(m.plot, start !== null);
    svg.drawLayout(m);
    svg.drawPrice(closePrice(frames, m, start), m.fontSize, start !== null);
    const ringsKey = `${burns.rows}|${m.scalesKey}|${m.ringRef}|${burns.ref.value()}`;
    if (ringsKey !== rings.key)
      rings = { key: ringsKey, marks: burnRings(burns, m.x, m.y, m.ringRef) };
    svg.drawRings(rings.marks);
    svg.drawCursor(m.plot, info.steps, cursor);
    shell.setLabel(heatmapLabel(frames, info, burns, options, start));
    if (pointer) hover(pointer.x, pointer.y);
  }

  /** The close price's path in chunks, or the start price dashed before the first step. */
  function closePrice(frames: FrameBatch, m: HeatmapLayout, start: FrameBatch | null): PathChunks {
    if (options.showPrice === false || start) {
      chunks.reset();
      const tail = options.showPrice === false || !start ? '' : openingPricePath(start, m);
      return { frozen: [], firstNew: 0, tail };
    }
    return chunks.update(frames.scalars, frames.count, m.scalesKey, (from, to) =>
      closePathRows(frames, m, from, to),
    );
  }

  function hover(x: number, y: number): void {
    const { frames, info } = input;
    if (!layout || !frames || !info) return;
    const { plot } = layout;
    const cell = heatmapCellAt(plot, info, x, y);
    if (!cell) {
      unhover();
      return;
    }
    const cw = plot.width / info.steps;
    const ch = plot.height / info.bucketCount;
    svg.highlight({
      x: plot.x + cell.step * cw,
      y: plot.y + plot.height - (cell.bucket + 1) * ch,
      width: Math.max(2, cw),
      height: Math.max(2, ch),
    });
    const opening = frames.count === 0 ? input.opening : null;
    tooltip.show(heatmapTooltip(frames, info, cell.step, cell.bucket, opening, fuel), x, y);
  }

  function unhover(): void {
    svg.highlight(null);
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
  const hitNode = svg.hitNode;
  hitNode?.addEventListener('pointermove', onPointer);
  hitNode?.addEventListener('pointerdown', onPointer);
  hitNode?.addEventListener('pointerleave', onLeave);

  const { chart, input } = chartLifecycle(shell, draw, options, () => {
    hitNode?.removeEventListener('pointermove', onPointer);
    hitNode?.removeEventListener('pointerdown', onPointer);
    hitNode?.removeEventListener('pointerleave', onLeave);
    pixels.destroy();
    burns = layout = null;
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
