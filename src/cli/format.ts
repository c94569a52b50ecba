/** The human summary of a run, as `sim` prints it without `--json`. */

import type { RunReport } from '../engine/report';
import { describeChange } from '../scenario/changes';
import type { Scenario } from '../scenario/params';

/** Groups thousands with commas, independent of the machine's locale: 1234567 -> 1,234,567. */
export function grouped(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [int, frac] = Math.abs(n)
    .toFixed(0 === n % 1 ? 0 : 2)
    .split('.');
  const body = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n < 0 ? '-' : '') + body + (frac ? `.${frac}` : '');
}

/** A fraction as a percentage with two decimals: 0.12345 -> '12.35'. */
export const percent = (fraction: number) => (fraction * 100).toFixed(2);

/** USD in millions with two decimals: 123456789 -> '123.46'. */
export const millions = (usd: number) => (usd / 1e6).toFixed(2);

/** A small amount of USD that should be zero: exponent form below a cent. */
export function tiny(usd: number): string {
  return usd !== 0 && Math.abs(usd) < 0.01 ? usd.toExponential(1) : usd.toFixed(2);
}

type Row = readonly [label: string, value: string, unit: string, note: string];

/** Aligns rows: labels left, values right, units left, notes as they are. */
export function alignRows(rows: readonly Row[]): string[] {
  const width = (i: number) => Math.max(...rows.map((r) => r[i].length));
  const [wl, wv, wu] = [width(0), width(1), width(2)];
  return rows.map(([label, value, unit, note]) =>
    `  ${label.padEnd(wl)}  ${value.padStart(wv)} ${unit.padEnd(wu)}  ${note}`.trimEnd(),
  );
}

/** One line saying which scenario ran. */
export function scenarioLine(s: Scenario): string {
  const sign = s.shock > 0 ? '+' : '';
  return (
    `Cascade Lab: ${grouped(s.positions)} positions at ${s.leverage} × median leverage, ` +
    `${Math.round(s.longShare * 100)} % long, shock ${sign}${s.shock} % at step ${s.shockStep} ` +
    `over ${s.shockSteps}, ${s.steps} steps, seed ${s.seed}, mark ${s.mark}` +
    (s.changes ?? []).map((c) => `; at step ${c.step} ${describeChange(c)}`).join('')
  );
}

/** The summary: what the run did, aligned, then the share link of the scenario that ran. */
export function formatSummary(report: RunReport, s: Scenario, link: string): string {
  const r = report;
  const cascade: Row =
    r.cascadeStart < 0
      ? ['Cascade', 'none', '', '']
      : ['Cascade', String(r.cascadeSteps), 'steps', `from step ${r.cascadeStart}`];
  const trough = r.maxDrawdownStep < 0 ? '' : `trough at step ${r.maxDrawdownStep}`;
  const recovery: Row =
    r.recoverySteps === null
      ? ['Recovery', '-', '', 'half the drop not regained within the run']
      : ['Recovery', String(r.recoverySteps), 'steps', 'to regain half the drop'];
  const ghostUp = `${percent(r.counterfactualRunUp)} % without liquidations`;
  const peak = r.maxRunUpStep < 0 ? ghostUp : `peak at step ${r.maxRunUpStep}, ${ghostUp}`;
  const move = r.direction === 'up' ? 'the rise (shock up)' : 'the fall (shock down)';
  const rows: Row[] = [
    ['Max drawdown', percent(r.maxDrawdown), '%', trough],
    ['Without liquidations', percent(r.counterfactualDrawdown), '%', 'same seed and shock'],
    ['Max run-up', percent(r.maxRunUp), '%', peak],
    ['Amplification', r.amplification.toFixed(2), '×', `of ${move}`],
    ['Liquidated long', millions(r.liquidatedLong), '$M', ''],
    ['Liquidated short', millions(r.liquidatedShort), '$M', ''],
    [
      'Liquidations',
      grouped(r.liquidations),
      '',
      `${percent(r.oiLiquidatedShare)} % of open interest (${percent(r.oiOneSidedLiquidatedShare)} % of it one-sided), ${millions(r.liquidatedNotional)} $M`,
    ],
    cascade,
    ['Branching ratio', r.branchingRatio.toFixed(2), '', 'above 1: each wave feeds a bigger one'],
    [
      'Endogenous share',
      percent(r.endogenousShare),
      '%',
      `of liquidations; exogenous ${millions(r.exogenousNotional)} $M`,
    ],
    [
      'Insurance fund used',
      millions(r.insuranceFundUsed),
      '$M',
      `low ${millions(r.insuranceFundLow)} $M`,
    ],
    [
      'ADL',
      millions(r.adlNotional),
      '$M',
      `${grouped(r.adlCount)} positions over ${grouped(r.adlSteps)} steps`,
    ],
    [
      'Queue peak',
      millions(r.peakQueued),
      '$M',
      `oldest waited ${grouped(r.maxQueueAge)} steps; loss at mark ${millions(r.peakQueueLoss)} $M`,
    ],
    ['Fund stock peak', millions(r.peakFundStock), '$M', 'taken over by the fund (venue engines)'],
    [
      'Vault PnL',
      millions(r.vaultPnl),
      '$M',
      `inventory ${millions(r.vaultInventory)} $M, peak ${millions(r.peakVaultInventory)} $M`,
    ],
    ['Bad debt', millions(r.badDebt), '$M', ''],
    ['Peak depletion', percent(r.peakDepletion), '%', 'of baseline depth within 5 %'],
    recovery,
    ['Conservation error', tiny(r.conservationError), '$', 'should be 0 up to rounding'],
  ];
  return [scenarioLine(s), '', ...alignRows(rows), '', `Share link: ?${link}`, ''].join('\n');
}
