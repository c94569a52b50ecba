/**
 * Legend layout: items flow left to right and wrap, so the same legend fits a 320 px phone
 * (two or three rows) and a 1400 px projector (one row). Pure; the charts draw the result.
 */

import { labelWidth } from './scales';

/** How an item's swatch is drawn: a line, a dashed line, a filled box or a gradient bar. */
export type SwatchKind = 'line' | 'dash' | 'box' | 'outline' | 'hatch';

export interface LegendItem {
  key: string;
  label: string;
  swatch: SwatchKind;
  color: string;
}

export interface PlacedLegendItem extends LegendItem {
  x: number;
  /** Baseline-centre of the row. */
  y: number;
  width: number;
}

export interface LegendLayout {
  items: PlacedLegendItem[];
  height: number;
}

export const SWATCH_WIDTH = 16;

/** Places items in rows no wider than `maxWidth`, starting at (0, 0). */
export function flowLegend(
  items: readonly LegendItem[],
  maxWidth: number,
  fontSize: number,
): LegendLayout {
  const rowHeight = Math.round(fontSize * 1.5);
  const gap = Math.round(fontSize);
  const placed: PlacedLegendItem[] = [];
  let x = 0;
  let row = 0;
  for (const it of items) {
    const width = SWATCH_WIDTH + 4 + labelWidth(it.label, fontSize);
    if (x > 0 && x + width > maxWidth) {
      x = 0;
      row++;
    }
    placed.push({ ...it, x, y: row * rowHeight + rowHeight / 2, width });
    x += width + gap;
  }
  return { items: placed, height: items.length ? (row + 1) * rowHeight : 0 };
}
