/**
 * How wrong the terminal-style estimated heatmap is at one minute: within ±5 % and ±10 % of the
 * price, the share of the true fuel it misses and the share of its own fuel it invents
 * (docs/model.md, "Why liquidation heatmaps mislead"). Pure.
 */

import { formatPct } from '../charts';
import type { FrameBatch } from '../engine/frame';

export interface EstimateBand {
  /** "±5 %", "±10 %". */
  band: string;
  miss: string;
  invent: string;
}

/** The two bands at row `row` of the history, or [] when there is no such row. */
export function estimateFiguresAt(frames: FrameBatch, row: number): EstimateBand[] {
  if (row < 0 || row >= frames.count) return [];
  const s = frames.scalars;
  return [
    {
      band: '±5 %',
      miss: formatPct(s.estimateMiss5[row], 0),
      invent: formatPct(s.estimateInvent5[row], 0),
    },
    {
      band: '±10 %',
      miss: formatPct(s.estimateMiss10[row], 0),
      invent: formatPct(s.estimateInvent10[row], 0),
    },
  ];
}
