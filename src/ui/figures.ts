/**
 * The live figures: the run report's numbers as the panel shows them, each with its unit, and a
 * sentence on what it means. Pure, so its formatting is tested in Node.
 */

import { BAD_DEBT_MIN_USD, formatPct, formatUsd } from '../charts';
import type { Scenario } from '../scenario';
import type { ViewReport } from '../state/viewReport';

export interface Figure {
  key: string;
  label: string;
  value: string;
  /** A second, smaller line (context for the value), or ''. */
  detail: string;
  help: string;
  /** Draws the eye (e.g. bad debt above zero). */
  alert?: boolean;
}

const NONE = '–';

function times(x: number): string {
  return `${x >= 10 ? x.toFixed(0) : x.toFixed(1)} ×`;
}

/** The figures of a report: the engine's live one, or the history's as of a held minute. */
export function reportFigures(report: ViewReport | null, scenario: Scenario): Figure[] {
  const r = report;
  const usd = (v: number | undefined) => (v === undefined ? NONE : formatUsd(v));
  const pct = (v: number | undefined) => (v === undefined ? NONE : formatPct(v));
  return [
    {
      key: 'drawdown',
      label: 'Drawdown',
      value: pct(r?.maxDrawdown),
      detail: 'peak to trough',
      help: 'Largest peak-to-trough fall of the last price so far.',
    },
    {
      key: 'ghost-drawdown',
      label: 'Without liquidations',
      value: pct(r?.counterfactualDrawdown),
      detail: 'same shock',
      help: 'The same drawdown on the counterfactual path: same seed and shock, liquidation engine off.',
    },
    {
      key: 'amplification',
      label: 'Amplification',
      value: r ? times(r.amplification) : NONE,
      detail: 'ratio of the two',
      help: 'Drawdown over the drawdown without liquidations: how much the liquidations deepened the fall (1 × means not at all).',
    },
    {
      key: 'liquidated-long',
      label: 'Longs liquidated',
      value: usd(r?.liquidatedLong),
      detail: '',
      help: 'Notional of long positions taken over by the liquidation engine.',
    },
    {
      key: 'liquidated-short',
      label: 'Shorts liquidated',
      value: usd(r?.liquidatedShort),
      detail: '',
      help: 'Notional of short positions taken over by the liquidation engine.',
    },
    {
      key: 'liquidations',
      label: 'Liquidations',
      value: r ? r.liquidations.toLocaleString('en-US') : NONE,
      detail: r ? `${formatPct(r.oiLiquidatedShare)} of OI` : 'share of OI',
      help: 'Positions taken over, and their notional as a share of the open interest at the start.',
    },
    {
      key: 'insurance-fund',
      label: 'Insurance fund used',
      value: usd(r?.insuranceFundUsed),
      detail: `of ${formatUsd(scenario.insuranceFund)}`,
      help: 'What the fund paid out for liquidations that closed worse than bankruptcy, net of what they paid in.',
      alert: r !== null && scenario.insuranceFund > 0 && r.insuranceFundLow <= 0,
    },
    {
      key: 'adl',
      label: 'Auto-deleveraged',
      value: usd(r?.adlNotional),
      detail: r ? `${r.adlCount.toLocaleString('en-US')} positions` : 'positions',
      help: 'Notional of profitable opposite positions closed by auto-deleveraging once the fund ran out.',
      alert: r !== null && r.adlNotional > 0,
    },
    {
      key: 'bad-debt',
      label: 'Bad debt',
      value: r ? formatUsd(r.badDebt < BAD_DEBT_MIN_USD ? 0 : r.badDebt) : NONE,
      detail: 'unpaid losses',
      help: 'Losses that neither margin, the insurance fund nor ADL covered.',
      alert: r !== null && r.badDebt >= BAD_DEBT_MIN_USD,
    },
    {
      key: 'depletion',
      label: 'Peak book depletion',
      value: pct(r?.peakDepletion),
      detail: 'near the price',
      help: 'Largest share of the baseline order-book depth near the price that was missing.',
    },
  ];
}
