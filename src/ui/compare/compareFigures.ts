/**
 * The figures of compare mode: A, B and Δ (B − A) for each headline number, as of the step both
 * runs show. Pure, so the formatting is tested in Node.
 */

import { formatPct, formatUsd } from '../../charts';
import type { ViewReport } from '../../state/viewReport';

export interface CompareRow {
  key: string;
  label: string;
  a: string;
  b: string;
  delta: string;
}

type Kind = 'pct' | 'usd' | 'times' | 'count';

const ROWS: readonly { key: keyof ViewReport; label: string; kind: Kind }[] = [
  { key: 'maxDrawdown', label: 'Drawdown', kind: 'pct' },
  { key: 'counterfactualDrawdown', label: 'Without liquidations', kind: 'pct' },
  { key: 'amplification', label: 'Amplification', kind: 'times' },
  { key: 'liquidatedNotional', label: 'Liquidated', kind: 'usd' },
  { key: 'liquidations', label: 'Liquidations', kind: 'count' },
  { key: 'insuranceFundUsed', label: 'Insurance fund used', kind: 'usd' },
  { key: 'adlNotional', label: 'Auto-deleveraged', kind: 'usd' },
  { key: 'badDebt', label: 'Bad debt', kind: 'usd' },
  { key: 'peakDepletion', label: 'Peak book depletion', kind: 'pct' },
];

const NONE = '–';

export function formatFigure(v: number, kind: Kind): string {
  if (!Number.isFinite(v)) return NONE;
  if (kind === 'pct') return formatPct(v);
  if (kind === 'usd') return formatUsd(v);
  if (kind === 'times') return `${v.toFixed(v >= 10 ? 0 : 1)} ×`;
  return Math.round(v).toLocaleString('en-US');
}

/** A difference with its sign: percentages in points, the rest in the figure's unit. */
export function formatDelta(d: number, kind: Kind): string {
  if (!Number.isFinite(d)) return NONE;
  if (d === 0) return '0';
  const sign = d > 0 ? '+' : '−';
  const size = Math.abs(d);
  if (kind === 'pct') return `${sign}${(size * 100).toFixed(1)} pt`;
  return `${sign}${formatFigure(size, kind)}`;
}

export function compareRows(a: ViewReport | null, b: ViewReport | null): CompareRow[] {
  return ROWS.map(({ key, label, kind }) => {
    const x = a ? Number(a[key]) : NaN;
    const y = b ? Number(b[key]) : NaN;
    return {
      key,
      label,
      a: a ? formatFigure(x, kind) : NONE,
      b: b ? formatFigure(y, kind) : NONE,
      delta: a && b ? formatDelta(y - x, kind) : NONE,
    };
  });
}

/** The figures the paired run shows (the keys of `compareReports`' metrics). */
const PAIRED_KEYS = [
  'maxDrawdown',
  'amplification',
  'liquidatedNotional',
  'adlNotional',
  'badDebt',
];
export const PAIRED_ROWS = ROWS.filter((r) => PAIRED_KEYS.includes(r.key));
