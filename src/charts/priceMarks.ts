/**
 * The price chart's secondary marks, split from priceModel.ts to keep each file small: the
 * legend entries, the liquidation strip's bars, the end-of-line value labels and the
 * aria-label text. Pure, like the model.
 */

import type { FrameBatch, RunInfo } from '../engine/frame';
import { PALETTE } from './colors';
import { eventLog } from './events';
import { formatPct, formatUsd, formatUsdPrecise } from './format';
import type { LegendItem } from './legend';
import type { EndLabel, PriceChartOptions, PriceModel } from './priceTypes';
import { deoverlap, labelWidth, px, type Rect } from './scales';

const ok = (v: number): boolean => v > 0 && Number.isFinite(v);

/**
 * How long the legend's labels are: in full on a wide chart; `medium` drops "liquidated" from
 * the strip's sides so a 1024 px screen keeps one row; `narrow` shortens more to fit a phone in
 * two rows.
 */
export type LegendLength = 'full' | 'medium' | 'narrow';

export function legendLength(width: number): LegendLength {
  return width < 560 ? 'narrow' : width < 760 ? 'medium' : 'full';
}

/** Legend entries for what is drawn, their labels as long as `length` allows. */
export function priceLegendItems(
  o: Required<Omit<PriceChartOptions, 'fontSize' | 'compare'>>,
  halts: boolean,
  length: LegendLength,
): LegendItem[] {
  const compact = length === 'narrow';
  const items: LegendItem[] = [
    { key: 'close', label: 'last', swatch: 'line', color: PALETTE.close },
  ];
  if (o.showMark) items.push({ key: 'mark', label: 'mark', swatch: 'line', color: PALETTE.mark });
  if (o.showIndex)
    items.push({ key: 'index', label: 'index', swatch: 'line', color: PALETTE.index });
  if (o.showGhost) {
    const label = compact ? 'no liq.' : 'without liquidations';
    items.push({ key: 'ghost', label, swatch: 'dash', color: PALETTE.ghost });
  }
  items.push({ key: 'shock', label: 'shock', swatch: 'box', color: PALETTE.shock });
  if (o.showBursts) {
    const [l, sh] =
      length === 'full' ? ['longs liquidated', 'shorts liquidated'] : ['longs', 'shorts'];
    items.push({ key: 'long', label: l, swatch: 'box', color: PALETTE.long });
    items.push({ key: 'short', label: sh, swatch: 'box', color: PALETTE.short });
  }
  if (halts) items.push({ key: 'halt', label: 'halt', swatch: 'box', color: PALETTE.halt });
  return items;
}

/**
 * Liquidated notional per step as bars in the strip: shorts up, longs down from the middle
 * (longs are liquidated as the price falls). Steps are binned so a bar is at least 2 px wide.
 */
export function burstPaths(
  frames: FrameBatch,
  steps: number,
  x: (v: number) => number,
  strip: Rect,
  /** Steps across the strip's width (fewer than `steps` when zoomed). */
  span = steps,
): PriceModel['bursts'] {
  const s = frames.scalars;
  const bin = Math.max(1, Math.ceil((span * 2) / strip.width));
  const bins = Math.ceil(steps / bin);
  const long = new Float64Array(bins);
  const short = new Float64Array(bins);
  for (let r = 0; r < frames.count; r++) {
    const b = Math.floor(s.step[r] / bin);
    if (b < 0 || b >= bins) continue;
    long[b] += s.liqLong[r];
    short[b] += s.liqShort[r];
  }
  let max = 0;
  for (let b = 0; b < bins; b++) max = Math.max(max, long[b], short[b]);
  const mid = strip.y + strip.height / 2;
  const half = strip.height / 2 - 1;
  let dl = '';
  let ds = '';
  for (let b = 0; max > 0 && b < bins; b++) {
    const x0 = px(x(b * bin));
    const full = x(Math.min(steps, (b + 1) * bin)) - x(b * bin);
    const w = px(Math.max(1, full >= 3 ? full - 1 : full));
    if (long[b] > 0)
      dl += `M${x0},${px(mid)}h${w}v${px(Math.max(1, (long[b] / max) * half))}h${-w}Z`;
    if (short[b] > 0)
      ds += `M${x0},${px(mid)}h${w}v${-px(Math.max(1, (short[b] / max) * half))}h${-w}Z`;
  }
  const per = bin === 1 ? 'min' : `${bin} min`;
  return { long: dl, short: ds, label: max > 0 ? `max ${formatUsd(max)}/${per}` : '' };
}

export function endLabels(
  frames: FrameBatch,
  showGhost: boolean,
  xAt: (step: number) => number,
  y: (v: number) => number,
  plot: Rect,
  width: number,
  fs: number,
): EndLabel[] {
  const n = frames.count;
  if (n === 0) return [];
  const s = frames.scalars;
  const last = n - 1;
  const want: { v: number; color: string }[] = [];
  if (ok(s.close[last])) want.push({ v: s.close[last], color: PALETTE.close });
  if (showGhost && ok(s.ghost[last])) want.push({ v: s.ghost[last], color: PALETTE.ghost });
  const ys = deoverlap(
    want.map((w) => y(w.v)),
    fs + 2,
    plot.y + fs / 2,
    plot.y + plot.height - fs / 2,
  );
  const x0 = xAt(s.step[last]);
  return want.map((w, i) => {
    const text = formatUsd(w.v);
    const fits = x0 + 5 + labelWidth(text, fs) <= width - 2;
    return {
      x: px(fits ? x0 + 5 : x0 - 5),
      y: px(ys[i]),
      anchor: fits ? 'start' : 'end',
      text,
      color: w.color,
    };
  });
}

/**
 * The aria-label: where the price is, how far it fell (now and at worst, with the trough a
 * sighted user sees), what the liquidations did, and the events so far.
 */
export function priceSummary(frames: FrameBatch, info: RunInfo, withGhost = true): string {
  const n = frames.count;
  if (n === 0) return 'Price chart: waiting for the run to start.';
  const s = frames.scalars;
  let peak = 0;
  let liq = 0;
  // The largest fall from a running peak, as the Drawdown figure measures it.
  let worst = 0;
  let troughRow = -1;
  for (let r = 0; r < n; r++) {
    if (ok(s.close[r]) && s.close[r] > peak) peak = s.close[r];
    liq += s.liqLong[r] + s.liqShort[r];
    const dd = peak > 0 ? 1 - s.close[r] / peak : 0;
    if (dd > worst) {
      worst = dd;
      troughRow = r;
    }
  }
  const last = s.close[n - 1];
  const dd = peak > 0 ? (peak - last) / peak : 0;
  const parts = [
    `Price chart after ${s.step[n - 1] + 1} of ${info.steps} minutes: last ${formatUsdPrecise(last)}`,
    dd >= 0.0005
      ? `, down ${formatPct(dd)} from the peak of ${formatUsdPrecise(peak)}`
      : ', at its high',
  ];
  if (troughRow >= 0 && worst >= 0.0005) {
    parts.push(
      `; trough ${formatUsdPrecise(s.close[troughRow])} at minute ${s.step[troughRow]}, ` +
        `largest drawdown ${formatPct(worst)}`,
    );
  }
  if (withGhost && ok(s.ghost[n - 1]))
    parts.push(`; without liquidations ${formatUsdPrecise(s.ghost[n - 1])}`);
  parts.push(`; ${formatUsd(liq)} liquidated so far.`);
  const events = eventLog(frames, PALETTE.shock, PALETTE.halt).map((e) => e.text);
  if (events.length > 0) parts.push(` Events: ${events.join('; ')}.`);
  return parts.join('');
}
