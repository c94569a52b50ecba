/**
 * The price readout: what the price chart shows at one minute, as label/value pairs (last, mark,
 * index, the path without liquidations, liquidations, the insurance fund, ADL). Pure.
 */

import { formatUsd, formatUsdPrecise } from '../charts';
import type { FrameBatch } from '../engine/frame';

export interface ReadoutItem {
  key: string;
  label: string;
  value: string;
}

/** The readout at row `row` of the history, or [] when there is no such row. */
export function readoutAt(frames: FrameBatch, row: number): ReadoutItem[] {
  if (row < 0 || row >= frames.count) return [];
  const s = frames.scalars;
  const usd = formatUsdPrecise;
  return [
    { key: 'last', label: 'last', value: usd(s.close[row]) },
    { key: 'mark', label: 'mark', value: usd(s.mark[row]) },
    { key: 'index', label: 'index', value: usd(s.index[row]) },
    { key: 'ghost', label: 'without liquidations', value: usd(s.ghost[row]) },
    {
      key: 'liquidated',
      label: 'liquidated',
      value: `${formatUsd(s.liqLong[row] + s.liqShort[row])} (${s.liqCount[row].toLocaleString('en-US')})`,
    },
    { key: 'fund', label: 'insurance fund', value: formatUsd(s.insuranceFund[row]) },
    { key: 'adl', label: 'ADL', value: formatUsd(s.adlNotional[row]) },
  ];
}
