/**
 * The heatmap's legend: the unit on the first row; the fuel colour bar, then the burn (its
 * colour bar and a ring of a round USD value at its true radius) on the second, wrapping the
 * burn to a third row where the width runs out. Pure.
 */

import { burnInterpolator, predictedInterpolator } from './colors';
import { niceFloor, ringRadius } from './heatmapBurns';
import { formatUsd } from './format';
import { labelWidth, type Rect } from './scales';

export interface GradientStop {
  offset: number;
  color: string;
}

export interface LegendText {
  x: number;
  y: number;
  text: string;
}

export interface HeatmapLegend {
  title: LegendText;
  /** Fuel colour bar from $0 to the robust maximum, with its end labels. */
  bar: Rect & { stops: GradientStop[] };
  lowLabel: LegendText;
  highLabel: LegendText;
  /** Burn colour bar, a ring of the USD its label starts with (r 0 before any burn), label. */
  burn: Rect & { stops: GradientStop[] };
  ring: { cx: number; cy: number; r: number };
  burnLabel: LegendText;
  height: number;
}

/** Samples an interpolator into SVG gradient stops. */
export function gradientStops(interpolate: (t: number) => string, n = 9): GradientStop[] {
  return Array.from({ length: n }, (_, i) => ({
    offset: i / (n - 1),
    color: interpolate(i / (n - 1)),
  }));
}

/**
 * Lays the legend out in `width` px: `predictedMax` labels the fuel bar; `ringRef` USD would be
 * drawn `rRef` px wide, and the legend ring shows the round value below it at its radius.
 */
export function heatmapLegend(
  width: number,
  fs: number,
  predictedMax: number,
  ringRef: number,
  rRef: number,
): HeatmapLegend {
  const rowH = Math.max(Math.round(fs * 1.5), Math.ceil(2 * rRef) + 2);
  const title = {
    x: 8,
    y: 4 + rowH / 2,
    text:
      // The ramp is what *would* be liquidated; what was is the rings and the burn bar.
      width >= 480
        ? 'Fuel: USD of positions that would be liquidated at this price'
        : 'USD that would be liquidated here',
  };
  const barW = Math.max(60, Math.min(160, Math.round(width * 0.25)));
  const barH = Math.max(8, Math.round(fs * 0.75));
  let x = 8;
  let y = 4 + rowH;
  const lowText = '$0';
  const highText = predictedMax > 0 ? `${formatUsd(predictedMax)}+` : '–';
  const lowLabel = { x, y: y + rowH / 2, text: lowText };
  x += labelWidth(lowText, fs) + 4;
  const bar = {
    x,
    y: y + (rowH - barH) / 2,
    width: barW,
    height: barH,
    stops: gradientStops(predictedInterpolator),
  };
  x += barW + 4;
  const highLabel = { x, y: y + rowH / 2, text: highText };
  x += labelWidth(highText, fs) + fs * 1.5;

  // "▬ ◯ $2M liquidated this minute": the bar is the burnt cells' colour, the ring a round
  // value at its true size; the text comes last, so a label-width estimate can only wrap it.
  const value = niceFloor(ringRef);
  const r = value > 0 ? ringRadius(value, ringRef, rRef) : 0;
  const burnText =
    value > 0 ? `${formatUsd(value)} liquidated this minute` : 'liquidated this minute';
  const burnW = Math.round(barW / 3);
  const ringW = r > 0 ? 2 * rRef + 4 : 0;
  if (x + burnW + 4 + ringW + labelWidth(burnText, fs) > width - 8) {
    x = 8;
    y += rowH;
  }
  const burn = {
    x,
    y: y + (rowH - barH) / 2,
    width: burnW,
    height: barH,
    stops: gradientStops(burnInterpolator, 5),
  };
  const ring = { cx: x + burnW + 4 + rRef, cy: y + rowH / 2, r };
  const burnLabel = { x: x + burnW + 4 + ringW, y: y + rowH / 2, text: burnText };
  return {
    title,
    bar,
    lowLabel,
    highLabel,
    burn,
    burnLabel,
    ring,
    height: y + rowH - 4,
  };
}
