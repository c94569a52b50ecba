/**
 * The heatmap's pixels on the page: one pixel per step and bucket in a persistent offscreen
 * canvas (info.steps × bucketCount), scaled up without smoothing into the visible canvas under
 * the SVG. Incremental: each paint writes only the steps that arrived since the last one
 * (heatmapImage.ts) and copies just those columns into the offscreen canvas; the scaled blit
 * runs only when a column changed, the plot moved or the source changed.
 *
 * When the colour scale drifts past its threshold (heatmapImage.ts, ±25 %), the older columns
 * are repainted a few milliseconds' worth per paint, never all 5,000 in one long task; until
 * that is done those columns still show the previous references (the only time the picture
 * differs from a full repaint with the references in use). `paint` says when more is left.
 */

import type { FrameBatch, RunInfo } from '../engine/frame';
import { PALETTE } from './colors';
import {
  createHeatmapImage,
  hasStale,
  paintHeatmap,
  paintOpening,
  repaintStale,
  type DirtyColumns,
  type FuelColumn,
  type HeatmapImage,
} from './heatmapImage';
import type { Rect } from './scales';

/** Time a paint may spend repainting stale columns (ms), and how many it repaints between checks. */
const REPAINT_MS = 4;
const REPAINT_CHUNK = 64;

export function createHeatmapCanvas(root: HTMLElement, before: Node | null, fuel: FuelColumn) {
  const canvas = document.createElement('canvas');
  Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', display: 'block' });
  root.insertBefore(canvas, before);
  const ctx = canvas.getContext('2d');
  const offscreen = document.createElement('canvas');
  const offCtx = offscreen.getContext('2d');
  // Before the first step: the opening's fuel, one column stretched across the plot.
  const openingCanvas = document.createElement('canvas');
  let openingPainted: { opening: FrameBatch; predictedMax: number } | null = null;
  let img: HeatmapImage | null = null;
  let imageData: ImageData | null = null;
  /** What the visible canvas shows, and whether the offscreen image changed since. */
  let blitted = '';
  let changed = true;

  function copyColumns(dirty: DirtyColumns | null): void {
    if (!dirty || !imageData || !offCtx) return;
    offCtx.putImageData(imageData, 0, 0, dirty.x0, 0, dirty.x1 - dirty.x0, imageData.height);
    changed = true;
  }

  return {
    /** The run's image (null before `startRun`). */
    get image(): HeatmapImage | null {
      return img;
    },

    startRun(info: RunInfo): HeatmapImage {
      img = createHeatmapImage(info, fuel);
      offscreen.width = img.width; // also clears it
      offscreen.height = img.height;
      // No 2D context (a test DOM without canvas): keep the model, skip the pixels.
      imageData = offCtx ? new ImageData(img.data, img.width, img.height) : null;
      changed = true;
      return img;
    },

    /** Paints the new rows and some stale ones; true if stale rows are left for later paints. */
    paint(frames: FrameBatch): boolean {
      if (!img) return false;
      copyColumns(paintHeatmap(img, frames, 0));
      const started = performance.now();
      while (hasStale(img) && performance.now() - started < REPAINT_MS)
        copyColumns(repaintStale(img, frames, REPAINT_CHUNK));
      return hasStale(img);
    },

    /** Paints the opening's column once per opening; its fuel reference. */
    openingScale(opening: FrameBatch, info: RunInfo): number {
      if (openingPainted?.opening !== opening) {
        const column = paintOpening(opening, info, fuel);
        openingCanvas.width = 1;
        openingCanvas.height = column.height;
        openingCanvas
          .getContext('2d')
          ?.putImageData(new ImageData(column.data, 1, column.height), 0, 0);
        openingPainted = { opening, predictedMax: column.predictedMax };
        changed = true;
      }
      return openingPainted.predictedMax;
    },

    /** Scales the run's image (or the opening's column) into `plot`, if anything changed. */
    blit(plot: Rect, opening: boolean): void {
      if (!ctx) return;
      const dpr = window.devicePixelRatio || 1;
      const key = JSON.stringify([plot, dpr, opening]);
      if (!changed && key === blitted) return;
      changed = false;
      blitted = key;
      const w = Math.max(1, Math.round(plot.width * dpr));
      const h = Math.max(1, Math.round(plot.height * dpr));
      if (canvas.width !== w) canvas.width = w;
      if (canvas.height !== h) canvas.height = h;
      Object.assign(canvas.style, {
        transform: `translate(${plot.x}px, ${plot.y}px)`,
        width: `${plot.width}px`,
        height: `${plot.height}px`,
      });
      ctx.fillStyle = PALETTE.panel;
      ctx.fillRect(0, 0, w, h);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(opening ? openingCanvas : offscreen, 0, 0, w, h);
    },

    destroy(): void {
      img = imageData = openingPainted = null;
    },
  };
}

export type HeatmapCanvas = ReturnType<typeof createHeatmapCanvas>;
