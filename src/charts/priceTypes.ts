/**
 * The price chart's options and model types, apart from the code so that priceModel.ts and
 * priceMarks.ts can both use them without importing each other.
 */

import type { FrameBatch } from '../engine/frame';
import type { LegendLayout } from './legend';
import type { Rect, Tick } from './scales';

export interface PriceChartOptions {
  /** Draw the mark price (default true). */
  showMark?: boolean;
  /** Draw the index price (default true). */
  showIndex?: boolean;
  /** Draw the counterfactual path without liquidations, dashed (default true). */
  showGhost?: boolean;
  /** Shade the low-high range of each step (default true). */
  showRange?: boolean;
  /** The liquidation strip under the price (default true). */
  showBursts?: boolean;
  /** Font size in px (default from the width: 11 on a phone, 12, 14 on a wide screen). */
  fontSize?: number;
  /**
   * Compare mode: the frames of run B (read at each draw), whose close is drawn over this run's
   * in its own colour, on the same axes.
   */
  compare?: () => FrameBatch | null;
}

export interface Marker {
  /** Where the marker is drawn (moved sideways so markers do not overlap)… */
  x: number;
  y: number;
  /** …and the step's true position. */
  stepX: number;
  /** SVG path of the symbol, centred on (0, 0). */
  symbol: string;
  color: string;
  title: string;
}

export interface EndLabel {
  x: number;
  y: number;
  anchor: 'start' | 'end';
  text: string;
  color: string;
}

export interface PriceModel {
  width: number;
  height: number;
  fontSize: number;
  /** The price area. */
  plot: Rect;
  /** The liquidation strip below it (shorts up, longs down from its middle), or null. */
  strip: Rect | null;
  legend: LegendLayout & { x: number; y: number };
  xTicks: Tick[];
  yTicks: Tick[];
  /** "minutes", right-aligned under the axis. */
  xTitle: { x: number; y: number; text: string };
  paths: { close: string; mark: string; index: string; ghost: string; range: string };
  shock: { x0: number; x1: number } | null;
  halts: { x0: number; x1: number; title: string }[];
  bursts: { long: string; short: string; label: string } | null;
  markers: Marker[];
  endLabels: EndLabel[];
  /** The chart's aria-label: the numbers a listener needs. */
  label: string;
}
