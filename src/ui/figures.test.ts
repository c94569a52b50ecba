import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/run';
import { defaultScenario } from '../scenario';
import { selectReport } from '../state/selectors';
import { createAppStore } from '../state/store';
import { reportFigures } from './figures';

describe('live figures', () => {
  it('shows a dash for every figure before the first step', () => {
    const figures = reportFigures(null, defaultScenario());
    expect(figures.map((f) => f.value)).toEqual(figures.map(() => '–'));
  });

  it('shows every number of a run with its unit', () => {
    const scenario = { ...defaultScenario(), positions: 2000, steps: 120, shockStep: 10 };
    const { report } = runScenario(scenario);
    const byKey = Object.fromEntries(reportFigures(report, scenario).map((f) => [f.key, f]));
    expect(byKey.drawdown.value).toMatch(/^\d+\.\d %$/);
    expect(byKey['ghost-drawdown'].value).toMatch(/^\d+\.\d %$/);
    expect(byKey.amplification.value).toMatch(/^\d+(\.\d)? ×$/);
    expect(byKey['liquidated-long'].value).toMatch(/^\$/);
    expect(byKey['insurance-fund'].detail).toBe('of $5M');
    expect(byKey['bad-debt'].value).toMatch(/^\$/);
    expect(byKey.depletion.value).toMatch(/ %$/);
  });

  it('shows rounding-size bad debt as $0, not an alarm', () => {
    const scenario = defaultScenario();
    const { report } = runScenario({ ...scenario, positions: 500, steps: 60 });
    const fig = reportFigures({ ...report, badDebt: 5e-11 }, scenario).find(
      (f) => f.key === 'bad-debt',
    )!;
    expect(fig).toMatchObject({ value: '$0', alert: false });
  });

  it("never shows the old run's report as a new scenario's while it is set up", () => {
    const scenario = { ...defaultScenario(), positions: 500, steps: 60, shockStep: 10 };
    const run = runScenario(scenario);
    const store = createAppStore(scenario);
    const g = store.getState().beginRun();
    store.getState().runReady(g, run.info);
    store.getState().applyFrames(g, [], run.report, true);
    const shown = () => reportFigures(selectReport(store.getState()), store.getState().scenario);
    expect(shown().find((f) => f.key === 'drawdown')?.value).not.toBe('–');
    store.getState().setScenario({ ...scenario, leverage: 50 });
    store.getState().beginRun();
    expect(shown().map((f) => f.value)).toEqual(shown().map(() => '–'));
  });
});
