/**
 * What the order-book depletion chart says in words: its aria-label, at a step or before the
 * first one. Pure.
 */

import type { FrameBatch, RunInfo } from '../engine/frame';
import { formatPct, formatUsd, formatUsdPrecise } from './format';

/** The aria-label: depth on each side now, how much is missing, and the worst so far. */
export function depthSummary(frames: FrameBatch, info: RunInfo): string {
  const n = frames.count;
  if (n === 0) return 'Order book depletion: waiting for the run to start.';
  const s = frames.scalars;
  let peak = 0;
  let peakStep = 0;
  for (let r = 0; r < n; r++) {
    if (s.depletion[r] > peak) {
      peak = s.depletion[r];
      peakStep = s.step[r];
    }
  }
  const last = n - 1;
  return (
    `Order book depletion after ${s.step[last] + 1} of ${info.steps} minutes: ` +
    `bids ${formatUsd(s.bidDepth[last])} and asks ${formatUsd(s.askDepth[last])} within 5 % of ` +
    `the price ${formatUsdPrecise(s.close[last])}; ${formatPct(s.depletion[last])} of the baseline ` +
    `depth missing (worst ${formatPct(peak)} at minute ${peakStep}).`
  );
}

/** The aria-label before the first step: the makers' first book around the start price. */
export function openingDepthSummary(opening: FrameBatch, info: RunInfo): string {
  const s = opening.scalars;
  return (
    `Order book before minute 0 of ${info.steps}: bids ${formatUsd(s.bidDepth[0])} and asks ` +
    `${formatUsd(s.askDepth[0])} within 5 % of the price ${formatUsdPrecise(s.close[0])}; ` +
    `${formatPct(s.depletion[0])} of the baseline depth missing.`
  );
}
