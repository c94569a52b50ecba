/**
 * What the heatmap says in words: the tooltip of the cell under the pointer (and the hit test
 * that finds it) and the aria-label's summary of where the fuel sits and where it burnt. Pure.
 */

import { bucketPrice, bucketRow, type FrameBatch, type RunInfo } from '../engine/frame';
import { rowBurn, type StepBurns } from './heatmapBurns';
import type { FuelColumn } from './heatmapImage';
import { formatUsd, formatUsdPrecise } from './format';
import type { Rect } from './scales';

/** What the aria-label adds when the options name the map. */
export const MAP_NAMES: Record<FuelColumn, string> = {
  predicted: 'Map shown: TRUE (the positions’ real liquidation prices).',
  estimated:
    'Map shown: ESTIMATED (what terminals show, guessed from candles and open interest); ' +
    'the liquidations are the true ones.',
};

/** The cell under a point: its step and bucket, or null outside the plot or the grid. */
export function heatmapCellAt(
  plot: Rect,
  info: RunInfo,
  px0: number,
  py0: number,
): { step: number; bucket: number } | null {
  const fx = (px0 - plot.x) / plot.width;
  const fy = (plot.y + plot.height - py0) / plot.height;
  if (!(fx >= 0 && fx < 1 && fy >= 0 && fy < 1)) return null;
  return { step: Math.floor(fx * info.steps), bucket: Math.floor(fy * info.bucketCount) };
}

/** The row of `step` in the batch, or -1 if it has not arrived. */
export function rowOfStep(frames: FrameBatch, step: number): number {
  const s = frames.scalars.step;
  const guess = step - (frames.count > 0 ? s[0] : 0);
  if (guess >= 0 && guess < frames.count && s[guess] === step) return guess;
  for (let r = 0; r < frames.count; r++) if (s[r] === step) return r;
  return -1;
}

/**
 * Tooltip lines for a cell: plain text, set with textContent. Before the first step, with the
 * `opening`, the cell's fuel at the start.
 */
export function heatmapTooltip(
  frames: FrameBatch,
  info: RunInfo,
  step: number,
  bucket: number,
  opening: FrameBatch | null = null,
  fuelColumn: FuelColumn = 'predicted',
): string[] {
  const would =
    fuelColumn === 'estimated' ? 'estimate: would be liquidated here' : 'would be liquidated here';
  const lo = formatUsdPrecise(bucketPrice(info, bucket));
  const hi = formatUsdPrecise(bucketPrice(info, bucket + 1));
  const r = rowOfStep(frames, step);
  if (r < 0 && opening) {
    const fuel = bucketRow(opening, fuelColumn, 0)[bucket];
    return ['before minute 0', `price ${lo} – ${hi}`, `${would}: ${formatUsd(fuel)}`];
  }
  const lines = [`minute ${step}`, `price ${lo} – ${hi}`];
  if (r < 0) return [...lines, 'not simulated yet'];
  const fuel = bucketRow(frames, fuelColumn, r)[bucket];
  const burnt = bucketRow(frames, 'realised', r)[bucket];
  lines.push(`${would}: ${formatUsd(fuel)}`);
  lines.push(`liquidated this minute: ${formatUsd(burnt)}`);
  // The whole step (its ring): what a wave was, wherever the pointer is in its column.
  const { total, priceSum } = rowBurn(frames, info, r);
  if (total > 0) {
    lines.push(
      `all prices this minute: ${formatUsd(total)}, ` +
        `on average at ${formatUsdPrecise(priceSum / total)}`,
    );
  }
  return lines;
}

/**
 * The aria-label: where the fuel sits now and where it burnt. `burns`, if it holds every row of
 * `frames`, gives the burnt totals without summing the whole batch again on each draw.
 */
export function heatmapSummary(
  frames: FrameBatch,
  info: RunInfo,
  burns?: StepBurns,
  fuelColumn: FuelColumn = 'predicted',
): string {
  const n = frames.count;
  if (n === 0) return 'Liquidation heatmap: waiting for the run to start.';
  const b = frames.bucketCount;
  let burnt: Float64Array;
  let total = 0;
  if (burns && burns.rows === n && burns.bucketTotal.length === b) {
    burnt = burns.bucketTotal;
    total = burns.grandTotal;
  } else {
    burnt = new Float64Array(b);
    for (let r = 0; r < n; r++) {
      const row = bucketRow(frames, 'realised', r);
      for (let i = 0; i < b; i++) {
        burnt[i] += row[i];
        total += row[i];
      }
    }
  }
  const fuel = bucketRow(frames, fuelColumn, n - 1);
  const range = (i: number) => bucketRange(info, i);
  const f = argmax(fuel);
  const parts = [
    `Liquidation heatmap after ${frames.scalars.step[n - 1] + 1} of ${info.steps} minutes`,
  ];
  // Under $1 is float residue of closed positions, not fuel.
  parts.push(
    fuel[f] >= 1 ? `: most fuel at ${range(f)} (${formatUsd(fuel[f])})` : ': no fuel left',
  );
  const k = argmax(burnt);
  parts.push(
    total > 0
      ? `; ${formatUsd(total)} liquidated, most at ${range(k)}.`
      : '; nothing liquidated yet.',
  );
  return parts.join('');
}

function argmax(a: ArrayLike<number>): number {
  let k = 0;
  for (let i = 1; i < a.length; i++) if (a[i] > a[k]) k = i;
  return k;
}

function bucketRange(info: RunInfo, i: number): string {
  return `${formatUsdPrecise(bucketPrice(info, i))}–${formatUsdPrecise(bucketPrice(info, i + 1))}`;
}

/** The aria-label before the first step: where the fuel sits, on either side of the price. */
export function openingSummary(
  opening: FrameBatch,
  info: RunInfo,
  fuelColumn: FuelColumn = 'predicted',
): string {
  const fuel = bucketRow(opening, fuelColumn, 0);
  const price = opening.scalars.close[0];
  let below = 0;
  let above = 0;
  for (let i = 0; i < fuel.length; i++) {
    if (bucketPrice(info, i + 1) <= price) below += fuel[i];
    else above += fuel[i];
  }
  const f = argmax(fuel);
  if (!(fuel[f] >= 1)) return 'Liquidation heatmap before minute 0: no fuel on the grid.';
  return (
    `Liquidation heatmap before minute 0 of ${info.steps}: most fuel at ${bucketRange(info, f)} ` +
    `(${formatUsd(fuel[f])}); ${formatUsd(below)} would be liquidated below the price ` +
    `${formatUsdPrecise(price)} and ${formatUsd(above)} above it.`
  );
}
