/**
 * Number formatting for chart labels, ticks, tooltips and aria-labels.
 *
 * Negative numbers use the typographic minus (U+2212), as d3-format does, so tick labels line
 * up; percentages carry a thin space-free " %" as in the rest of the app's copy ("9.6 %").
 */

import { precisionFixed } from 'd3';

const MINUS = '\u2212';

const SUFFIXES: ReadonlyArray<readonly [number, string]> = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

function sign(v: number): string {
  return v < 0 ? MINUS : '';
}

/** Drops a trailing ".0" so "$2.0M" reads "$2M" where the extra digit carries nothing. */
function trimZero(s: string): string {
  return s.replace(/\.0$/, '');
}

/**
 * Compact USD: "$1.2M", "$54.2k", "$542k", "$932", "$9.50", "$0.93", and "$0" for less than
 * half a cent.
 * Three significant figures at most above $1k (one decimal under 100 of the unit).
 */
export function formatUsd(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a === 0) return '$0';
  for (const [unit, suffix] of SUFFIXES) {
    // The 0.9995 lets 999,960 read "$1M" rather than "$1000k".
    if (a >= unit * 0.9995) {
      const x = a / unit;
      const s = x >= 100 ? x.toFixed(0) : trimZero(x.toFixed(1));
      return `${sign(v)}$${s}${suffix}`;
    }
  }
  if (a >= 100) return `${sign(v)}$${a.toFixed(0)}`;
  // Notionals here are thousands of dollars: under half a cent is float residue, shown as $0.
  return a < 0.005 ? '$0' : `${sign(v)}$${a.toFixed(2)}`;
}

/** A USD amount in full for tooltips: "$54,210.50" under $1M, compact above. */
// toLocaleString builds a formatter per call: slow in a draw that labels every frame.
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const CENTS = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const GROUPED = new Intl.NumberFormat('en-US');

export function formatUsdPrecise(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a >= 1e6) return formatUsd(v);
  return `${sign(v)}$${(a >= 1000 ? WHOLE : CENTS).format(a)}`;
}

/**
 * A tick formatter for a USD axis: every label shares the unit and the number of decimals the
 * tick step needs, so "$54.0k", "$54.5k", "$55.0k" line up instead of "$54k", "$54.5k".
 */
export function usdTickFormat(ticks: readonly number[]): (v: number) => string {
  const maxAbs = Math.max(0, ...ticks.map((t) => Math.abs(t)));
  const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : maxAbs;
  let unit = 1;
  let suffix = '';
  for (const [u, s] of SUFFIXES) {
    if (maxAbs >= u) {
      unit = u;
      suffix = s;
      break;
    }
  }
  const decimals = step > 0 ? Math.min(6, precisionFixed(step / unit)) : 0;
  return (v: number) => {
    const s = (Math.abs(v) / unit).toFixed(decimals);
    return Number(s) === 0 ? '$0' : `${sign(v)}$${s}${suffix}`;
  };
}

/** A share (0..1) as a percentage: 0.096 -> "9.6 %"; `digits` decimals (default 1). */
export function formatPct(share: number, digits = 1): string {
  if (!Number.isFinite(share)) return '–';
  const s = (Math.abs(share) * 100).toFixed(digits);
  return `${Number(s) === 0 ? '' : sign(share)}${s} %`;
}

/** A tick formatter for a 0..1 share axis: "0 %", "25 %", ..., with decimals only if needed. */
export function pctTickFormat(ticks: readonly number[]): (v: number) => string {
  const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 1;
  const decimals = step > 0 ? Math.min(3, precisionFixed(step * 100)) : 0;
  return (v: number) => formatPct(v, decimals);
}

/** An integer tick label for the time axis (steps are minutes): 1200 -> "1,200". */
export function formatStepTick(v: number): string {
  return GROUPED.format(Math.round(v));
}
