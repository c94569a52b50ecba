/**
 * Each chart's data as a compact table, for screen readers and for reading exact numbers: one
 * row every N minutes (N chosen so a run gives at most `maxRows` rows, the newest minute always
 * last). Sums over the minutes a row stands for, values at its minute. Pure, tested in Node.
 */

import { formatPct, formatUsd, formatUsdPrecise } from '../charts';
import type { FrameBatch } from '../engine/frame';

export type ChartTableKind = 'price' | 'heatmap' | 'depth';

export interface ChartTable {
  /** Minutes each row stands for. */
  every: number;
  headers: string[];
  rows: string[][];
}

const HEADERS: Record<ChartTableKind, string[]> = {
  price: ['Minute', 'Last', 'Mark', 'Index', 'Without liquidations', 'Liquidated'],
  heatmap: ['Minute', 'Longs liquidated', 'Shorts liquidated', 'Open interest'],
  depth: ['Minute', 'Bids within 5 %', 'Asks within 5 %', 'Depth missing'],
};

export function chartTable(frames: FrameBatch, kind: ChartTableKind, maxRows = 60): ChartTable {
  const n = frames.count;
  const every = Math.max(1, Math.ceil(n / maxRows));
  const s = frames.scalars;
  const rows: string[][] = [];
  // Row ends: every N-th minute, and the newest.
  const ends: number[] = [];
  for (let r = every - 1; r < n; r += every) ends.push(r);
  if (n > 0 && ends[ends.length - 1] !== n - 1) ends.push(n - 1);
  let from = 0;
  for (const r of ends) {
    let long = 0;
    let short = 0;
    for (let k = from; k <= r; k++) {
      long += s.liqLong[k];
      short += s.liqShort[k];
    }
    from = r + 1;
    const minute = String(s.step[r]);
    if (kind === 'price') {
      rows.push([
        minute,
        formatUsdPrecise(s.close[r]),
        formatUsdPrecise(s.mark[r]),
        formatUsdPrecise(s.index[r]),
        formatUsdPrecise(s.ghost[r]),
        formatUsd(long + short),
      ]);
    } else if (kind === 'heatmap') {
      rows.push([minute, formatUsd(long), formatUsd(short), formatUsd(s.oiLong[r] + s.oiShort[r])]);
    } else {
      rows.push([
        minute,
        formatUsd(s.bidDepth[r]),
        formatUsd(s.askDepth[r]),
        formatPct(s.depletion[r]),
      ]);
    }
  }
  return { every, headers: HEADERS[kind], rows };
}
