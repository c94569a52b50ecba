/**
 * The run's headline figures as of one step, read from the frame history: what the figures
 * show while the scrubber holds a past minute. Each figure is a sum, a running extreme or the
 * value at that step of a column the engine already wrote, so nothing is simulated again and
 * jumping back and forth counts nothing twice. At the newest step it agrees with the engine's
 * live report (run.ts builds that one from the same columns as it goes).
 */

import type { FrameBatch, RunInfo } from '../engine/frame';
import type { RunReport } from '../engine/report';

/** The report's figures that the history can give at any step. */
export type ViewReport = Pick<
  RunReport,
  | 'stepsRun'
  | 'maxDrawdown'
  | 'maxDrawdownStep'
  | 'counterfactualDrawdown'
  | 'amplification'
  | 'liquidatedNotional'
  | 'liquidatedLong'
  | 'liquidatedShort'
  | 'liquidations'
  | 'oiLiquidatedShare'
  | 'peakDepletion'
  | 'insuranceFundUsed'
  | 'insuranceFundLow'
  | 'adlNotional'
  | 'adlCount'
  | 'badDebt'
>;

/** The engine's floor of both drawdowns in the amplification (run.ts), so flat reads 1. */
const DRAWDOWN_FLOOR = 1e-4;

/** Largest peak-to-trough fall of `prices` over rows [0, rows), as run.ts measures it. */
function drawdown(prices: Float64Array, rows: number): { max: number; row: number } {
  let peak = 0;
  let max = 0;
  let row = -1;
  for (let r = 0; r < rows; r++) {
    const p = prices[r];
    if (p > peak) peak = p;
    const dd = peak > 0 ? 1 - p / peak : 0;
    if (dd > max) {
      max = dd;
      row = r;
    }
  }
  return { max, row };
}

/**
 * The figures over the steps up to and including `step` (clamped to the rows there are), or
 * null when there are no rows. `insuranceFund` is the fund the run started with.
 */
export function viewReport(
  frames: FrameBatch,
  info: RunInfo,
  insuranceFund: number,
  step: number,
): ViewReport | null {
  const rows = Math.min(frames.count, Math.floor(step) + 1);
  if (rows <= 0) return null;
  const c = frames.scalars;
  let long = 0;
  let short = 0;
  let count = 0;
  let adl = 0;
  // Positions, not hits: a position deleveraged in two steps counts once, as in the report.
  const adlCount = rows > 0 ? c.adlPositions[rows - 1] : 0;
  let depletion = 0;
  let fundLow = insuranceFund;
  for (let r = 0; r < rows; r++) {
    long += c.liqLong[r];
    short += c.liqShort[r];
    count += c.liqCount[r];
    adl += c.adlNotional[r];
    if (c.depletion[r] > depletion) depletion = c.depletion[r];
    if (c.insuranceFund[r] < fundLow) fundLow = c.insuranceFund[r];
  }
  const dd = drawdown(c.close, rows);
  const ghost = drawdown(c.ghost, rows);
  const last = rows - 1;
  const liquidated = long + short;
  return {
    stepsRun: c.step[last] + 1,
    maxDrawdown: dd.max,
    maxDrawdownStep: dd.row < 0 ? -1 : c.step[dd.row],
    counterfactualDrawdown: ghost.max,
    amplification: Math.max(dd.max, DRAWDOWN_FLOOR) / Math.max(ghost.max, DRAWDOWN_FLOOR),
    liquidatedNotional: liquidated,
    liquidatedLong: long,
    liquidatedShort: short,
    liquidations: count,
    oiLiquidatedShare: info.openInterest > 0 ? liquidated / info.openInterest : 0,
    peakDepletion: depletion,
    insuranceFundUsed: Math.max(0, insuranceFund - c.insuranceFund[last]),
    // The end-of-step balances: the engine's low may dip further within a step.
    insuranceFundLow: fundLow,
    adlNotional: adl,
    adlCount,
    badDebt: c.badDebt[last],
  };
}
