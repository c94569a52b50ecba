import { describe, expect, it } from 'vitest';
import {
  EPISODES,
  findEpisode,
  measureOf,
  nearestEpisode,
  verdictOf,
  type ReportedFigure,
} from './episodes';
import { defaultScenario } from './params';
import { findPreset } from './presets';

const report = {
  maxDrawdown: 0.2,
  maxDrawdownStep: 100,
  liquidatedNotional: 4e9,
  liquidatedLong: 3e9,
  oiLiquidatedShare: 0.5,
  adlNotional: 0,
};

const figure = (over: Partial<ReportedFigure>): ReportedFigure => ({
  measure: 'liquidated',
  reported: '',
  low: 1e9,
  high: 1e9,
  within: { factor: 1.5 },
  source: 's',
  ...over,
});

describe('episodes', () => {
  it('belong to episode presets, each figure with a source and a sane range', () => {
    expect(EPISODES.map((e) => e.preset)).toEqual(['march-2020', 'may-2021', 'october-2025']);
    for (const e of EPISODES) {
      expect(findPreset(e.preset)).toBeDefined();
      for (const f of e.figures) {
        expect(f.source.length).toBeGreaterThan(3);
        expect(f.low).toBeLessThanOrEqual(f.high);
      }
    }
    expect(findEpisode('calm')).toBeUndefined();
  });

  it('compares a small what-if of an episode with it, naming what changed', () => {
    const march = findPreset('march-2020')!.scenario;
    expect(nearestEpisode(march)).toMatchObject({ preset: { name: 'march-2020' }, changed: [] });
    const whatIf = { ...march, mark: 'smoothed' as const, leverage: 10 };
    expect(nearestEpisode(whatIf)?.changed.sort()).toEqual(['leverage', 'mark']);
    const far = { ...march, leverage: 10, seed: 3, shock: -5, steps: 600 };
    expect(nearestEpisode(far)).toBeUndefined();
    expect(nearestEpisode(defaultScenario())).toBeUndefined();
  });

  it('reads each measure off a report', () => {
    const s = { shockStep: 60 };
    expect(measureOf('drawdown', report, s)).toBe(0.2);
    expect(measureOf('minutesToBottom', report, s)).toBe(40);
    expect(measureOf('minutesToBottom', { ...report, maxDrawdownStep: -1 }, s)).toBeNull();
    expect(measureOf('liquidated', report, s)).toBe(4e9);
    expect(measureOf('longShare', report, s)).toBe(0.75);
    expect(measureOf('longShare', { ...report, liquidatedNotional: 0 }, s)).toBeNull();
    expect(measureOf('oiShare', report, s)).toBe(0.5);
    expect(measureOf('adl', report, s)).toBe(0);
    expect(measureOf('adl', { ...report, adlNotional: 5 }, s)).toBe(1);
  });

  it('calls a figure close within its tolerance, an order of magnitude within ten times, else a miss', () => {
    const f = figure({});
    expect(verdictOf(f, 1.4e9)).toBe('close');
    expect(verdictOf(f, 0.7e9)).toBe('close');
    expect(verdictOf(f, 3e9)).toBe('order');
    expect(verdictOf(f, 0.2e9)).toBe('order');
    expect(verdictOf(f, 20e9)).toBe('miss');
    const share = figure({ measure: 'longShare', low: 0.85, high: 0.9, within: { abs: 0.05 } });
    expect(verdictOf(share, 0.94)).toBe('close');
    expect(verdictOf(share, 1)).toBe('miss'); // no order of magnitude for a share
    const adl = figure({ measure: 'adl', low: 1, high: 1, within: { abs: 0 } });
    expect(verdictOf(adl, 1)).toBe('close');
    expect(verdictOf(adl, 0)).toBe('miss');
  });
});

describe('episode names (what the page knows before it loads the figures)', () => {
  it('are the episodes’ presets, in order', async () => {
    const { EPISODE_PRESETS, isNearEpisode } = await import('./episodeNames');
    const { EPISODES } = await import('./episodes');
    const { findPreset } = await import('./presets');
    expect(EPISODES.map((e) => e.preset)).toEqual([...EPISODE_PRESETS]);
    for (const name of EPISODE_PRESETS) {
      const s = findPreset(name)!.scenario;
      expect(isNearEpisode(s)).toBe(true);
      expect(isNearEpisode({ ...s, leverage: 3, shock: -2, steps: 100 })).toBe(true);
      expect(isNearEpisode({ ...s, leverage: 3, shock: -2, steps: 100, seed: 9 })).toBe(false);
    }
    expect(isNearEpisode(findPreset('calm')!.scenario)).toBe(false);
  });
});
