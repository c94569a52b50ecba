import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario } from './codec';
import { PARAM_KEYS } from './params';
import { findPreset, PRESETS } from './presets';
import { runScenario } from '../engine/run';

describe('presets', () => {
  it('have unique names', () => {
    expect(new Set(PRESETS.map((p) => p.name)).size).toBe(PRESETS.length);
  });

  it.each(PRESETS.map((p) => [p.name, p] as const))(
    '%s spells out every parameter and decodes without corrections',
    (_, p) => {
      expect(Object.keys(p.scenario).sort()).toEqual([...PARAM_KEYS].sort());
      const decoded = decodeScenario(encodeScenario(p.scenario));
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      expect(decoded.corrections).toEqual([]);
      expect(decoded.scenario).toEqual(p.scenario);
    },
  );

  it.each(PRESETS.map((p) => [p.name, p] as const))('%s runs', (_, p) => {
    const run = runScenario({ ...p.scenario, positions: 2000, steps: 200 });
    expect(run.frames.count).toBe(200);
    expect(Number.isFinite(run.report.maxDrawdown)).toBe(true);
  });

  it('finds by name', () => {
    expect(findPreset('calm')?.title).toBe('A calm market');
    expect(findPreset('nope')).toBeUndefined();
  });
});
