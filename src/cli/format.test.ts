import { describe, expect, it } from 'vitest';
import { alignRows, formatSummary, grouped, tiny } from './format';
import type { RunReport } from '../engine/report';
import { defaultScenario } from '../scenario/params';

const report: RunReport = {
  stepsRun: 600,
  maxDrawdown: 0.1234,
  maxDrawdownStep: 72,
  counterfactualDrawdown: 0.061,
  direction: 'down',
  maxRunUp: 0.021,
  maxRunUpStep: 90,
  counterfactualRunUp: 0.02,
  amplification: 2.0229,
  liquidatedNotional: 130_450_000,
  liquidatedLong: 123_450_000,
  liquidatedShort: 7_000_000,
  liquidations: 12345,
  oiLiquidatedShare: 0.0652,
  openInterest: 2_000_000_000,
  openInterestOneSided: 1_400_000_000,
  oiOneSidedLiquidatedShare: 0.0932,
  cascadeStart: 61,
  cascadeSteps: 35,
  branchingRatio: 0.87,
  exogenousNotional: 52_180_000,
  endogenousShare: 0.6,
  peakDepletion: 0.64,
  insuranceFundUsed: 1_200_000,
  insuranceFundLow: 3_800_000,
  adlNotional: 0,
  adlCount: 0,
  adlSteps: 0,
  adlShortfall: 0,
  adlExcessNotional: 0,
  adlHaircutByProfitDecile: new Array<number>(10).fill(0),
  adlHaircutByLeverageDecile: new Array<number>(10).fill(0),
  peakQueued: 48_000_000,
  maxQueueAge: 37,
  peakQueueLoss: 1_700_000,
  peakFundStock: 0,
  peakVaultInventory: 6_000_000,
  vaultInventory: 2_500_000,
  vaultPnl: -250_000,
  badDebt: 0,
  recoverySteps: null,
  fundingVariance: 1e-8,
  conservationError: 1.2e-7,
  estimateMissShare: 0.5,
  estimateInventShare: 0.2,
  estimateMissShare10: 0.4,
  estimateInventShare10: 0.3,
};

describe('formatSummary', () => {
  const text = formatSummary(report, defaultScenario(), 'v=1&seed=1');
  const lines = text.split('\n');
  const row = (label: string) => lines.find((l) => l.startsWith(`  ${label} `)) ?? '';

  it('shows drawdown with and without liquidations, and the amplification', () => {
    expect(row('Max drawdown')).toMatch(/12\.34 %\s+trough at step 72$/);
    expect(row('Without liquidations')).toMatch(/ 6\.10 %/);
    expect(row('Amplification')).toMatch(/ 2\.02 × +of the fall \(shock down\)$/);
    expect(row('Max run-up')).toMatch(/ 2\.10 % +peak at step 90, 2\.00 % without liquidations$/);
  });

  it('shows liquidations by side in $M, their count and share of open interest', () => {
    expect(row('Liquidated long')).toMatch(/ 123\.45 \$M$/);
    expect(row('Liquidated short')).toMatch(/ 7\.00 \$M$/);
    expect(row('Liquidations')).toMatch(
      / 12,345 +6\.52 % of open interest \(9\.32 % of it one-sided\), 130\.45 \$M$/,
    );
  });

  it('shows the cascade, fund, ADL, bad debt, depletion, recovery and conservation', () => {
    expect(row('Cascade')).toMatch(/ 35 steps +from step 61$/);
    expect(row('Branching ratio')).toMatch(/ 0\.87 +above 1: each wave feeds a bigger one$/);
    expect(row('Endogenous share')).toMatch(/ 60\.00 % +of liquidations; exogenous 52\.18 \$M$/);
    expect(row('Insurance fund used')).toMatch(/ 1\.20 \$M +low 3\.80 \$M$/);
    expect(row('ADL')).toMatch(/ 0\.00 \$M +0 positions over 0 steps$/);
    expect(row('Queue peak')).toMatch(
      / 48\.00 \$M +oldest waited 37 steps; loss at mark 1\.70 \$M$/,
    );
    expect(row('Vault PnL')).toMatch(/ -0\.25 \$M +inventory 2\.50 \$M, peak 6\.00 \$M$/);
    expect(row('Bad debt')).toMatch(/ 0\.00 \$M$/);
    expect(row('Peak depletion')).toMatch(/ 64\.00 %/);
    expect(row('Recovery')).toMatch(/not regained within the run$/);
    expect(row('Conservation error')).toMatch(/ 1\.2e-7 \$/);
  });

  it('right-aligns the values', () => {
    const rows = lines.filter((l) => l.startsWith('  '));
    expect(rows).toHaveLength(19);
    const end = row('Max drawdown').indexOf('12.34') + '12.34'.length;
    for (const r of rows) {
      expect(r[end - 1], r).not.toBe(' ');
      expect(r.charAt(end), r).toMatch(/^ ?$/);
    }
  });

  it('ends with the share link of the scenario', () => {
    expect(lines.at(-2)).toBe('Share link: ?v=1&seed=1');
  });

  it('says so when there was no cascade', () => {
    const calm = formatSummary(
      { ...report, cascadeStart: -1, cascadeSteps: 0 },
      defaultScenario(),
      '',
    );
    expect(calm).toMatch(/ Cascade +none\n/);
  });
});

describe('number helpers', () => {
  it('groups thousands independent of locale', () => {
    expect(grouped(1234567)).toBe('1,234,567');
    expect(grouped(-1234.5)).toBe('-1,234.50');
    expect(grouped(12)).toBe('12');
  });

  it('writes amounts below a cent in exponent form', () => {
    expect(tiny(0)).toBe('0.00');
    expect(tiny(-2.4e-7)).toBe('-2.4e-7');
    expect(tiny(12.345)).toBe('12.35');
  });

  it('aligns rows: labels left, values right', () => {
    expect(
      alignRows([
        ['a', '1', '%', 'x'],
        ['bbb', '100', '$M', ''],
      ]),
    ).toEqual(['  a      1 %   x', '  bbb  100 $M']);
  });
});
