/**
 * A small, fixed synthetic run for chart tests: 24 one-minute steps on a grid of 8 price
 * buckets from $90 to $110. The price drifts at $100, a shock at minute 6 for 3 minutes sets
 * off a cascade (long liquidations from minute 7), the fund runs out, ADL follows, the breaker
 * halts minutes 12-13, and the price partly recovers. Hand-written, no engine involved.
 */

import { EVENT, createFrameBatch, type FrameBatch, type RunInfo } from '../../engine/frame';

export const TRACE_INFO: RunInfo = {
  steps: 24,
  bucketCount: 8,
  bucketLow: 90,
  bucketHigh: 110,
  startPrice: 100,
  openInterest: 5_000_000,
  liquidity: 1_000_000,
  shockStep: 6,
  shockSteps: 3,
};

/** Close prices by step; the run stops after `count` steps (all 24 by default). */
const CLOSE = [
  100, 100.2, 99.9, 100.1, 100, 100.3, 99, 97.5, 95, 93.2, 92, 92.4, 92.4, 92.4, 93, 94, 94.5, 95,
  95.2, 95.5, 95.4, 95.8, 96, 96.1,
];

export function makeTrace(count = CLOSE.length): FrameBatch {
  const info = TRACE_INFO;
  const b = info.bucketCount;
  const f = createFrameBatch(info.steps, b);
  const s = f.scalars;
  for (let r = 0; r < count; r++) {
    const close = CLOSE[r];
    const prev = r > 0 ? CLOSE[r - 1] : close;
    s.step[r] = r;
    s.open[r] = prev;
    s.close[r] = close;
    s.high[r] = Math.max(prev, close) + 0.2;
    s.low[r] = Math.min(prev, close) - 0.2;
    s.mark[r] = r > 0 ? (CLOSE[r - 1] + close) / 2 : close;
    s.index[r] = r < 6 ? close : Math.max(close, 100 - Math.min(3, r - 5) * 1.5);
    s.ghost[r] = r < 6 ? close : 100 - Math.min(3, r - 5) * 1.5;
    const cascade = r >= 7 && r <= 11;
    s.liqLong[r] = cascade ? [400_000, 1_200_000, 900_000, 300_000, 100_000][r - 7] : 0;
    s.liqShort[r] = r === 15 ? 50_000 : 0;
    s.liqCount[r] = cascade ? 10 + r : 0;
    s.adlNotional[r] = r === 10 || r === 11 ? 80_000 : 0;
    s.badDebt[r] = r >= 11 ? 20_000 : 0;
    s.bidDepth[r] = 2_000_000 * (cascade ? 0.4 : 1);
    s.askDepth[r] = 2_100_000;
    s.depletion[r] = cascade
      ? 0.6 - (r - 7) * 0.08
      : r > 11
        ? Math.max(0, 0.25 - (r - 12) * 0.03)
        : 0.02;
    let ev = 0;
    if (r >= 6 && r < 9) ev |= EVENT.SHOCK;
    if (r === 7) ev |= EVENT.CASCADE_START;
    if (r === 8) ev |= EVENT.BOOK_DRY;
    if (r === 9) ev |= EVENT.FUND_EXHAUSTED;
    if (r === 10 || r === 11) ev |= EVENT.ADL;
    if (r === 11) ev |= EVENT.BAD_DEBT;
    if (r === 12 || r === 13) ev |= EVENT.HALT;
    s.events[r] = ev;
    for (let i = 0; i < b; i++) {
      const lowEdge = info.bucketLow + ((info.bucketHigh - info.bucketLow) * i) / b;
      const mid = lowEdge + 1.25;
      const k = r * b + i;
      // Fuel sits below the price (longs' liquidation prices) and burns as the price crosses it.
      f.buckets.predicted[k] = mid < close ? (i + 1) * 100_000 : i === 7 ? 50_000 : 0;
      const here = close >= lowEdge && close < lowEdge + 2.5;
      f.buckets.realised[k] = cascade && here ? s.liqLong[r] : 0;
      const dist = Math.abs(mid - close) / close;
      const base = dist < 0.12 ? 600_000 * (1 - dist * 5) : 0;
      f.buckets.baseline[k] = base;
      f.buckets.bid[k] = mid < close ? base * (cascade ? 0.4 : 0.95) : 0;
      f.buckets.ask[k] = mid >= close ? base * 0.9 : 0;
    }
  }
  f.count = count;
  return f;
}
