import { describe, expect, it } from 'vitest';
import { decodeScenario } from './codec';
import { decodeLink, encodeLink } from './link';
import { defaultScenario } from './params';
import { findPreset, matchingPreset, PRESETS } from './presets';

const okLink = (text: string) => {
  const result = decodeLink(text);
  if (!result.ok) throw new Error(result.error.message);
  return result;
};

describe('the preset and present view keys', () => {
  it.each(PRESETS.map((p) => [p.name, p] as const))(
    '%s round-trips as values plus a label, with and without presentation mode',
    (name, p) => {
      for (const view of [{ preset: name }, { preset: name, present: true }]) {
        const back = okLink(encodeLink(p.scenario, view));
        expect(back.corrections).toEqual([]);
        expect(back.view).toEqual(view);
        expect(back.scenario).toEqual(p.scenario);
      }
    },
  );

  it('drops an unknown preset name with a notice, and runs the values in the link', () => {
    const calm = findPreset('calm')!.scenario;
    const back = okLink(`${encodeLink(calm)}&preset=nope`);
    expect(back.view).toEqual({});
    expect(back.scenario).toEqual(calm);
    expect(back.corrections.map((c) => c.message)).toEqual([
      'preset: "nope" is not a preset; showing the values in the link',
    ]);
  });

  it('lets the values win over a label they do not match', () => {
    const calm = findPreset('calm')!.scenario;
    const back = okLink(`${encodeLink({ ...calm, leverage: 7 })}&preset=calm`);
    expect(back.view).toEqual({});
    expect(back.scenario.leverage).toBe(7);
    expect(back.corrections).toHaveLength(1);
    expect(back.corrections[0]!.field).toBe('preset');
  });

  it.each([
    ['1', { present: true }, 0],
    ['0', {}, 0],
    ['yes', {}, 1],
    ['', {}, 1],
  ])('reads present=%j', (text, view, notices) => {
    const back = okLink(`${encodeLink(defaultScenario())}&present=${text}`);
    expect(back.view).toEqual(view);
    expect(back.corrections).toHaveLength(notices);
  });

  it('keeps the first of a repeated key and says so', () => {
    const back = okLink(`${encodeLink(defaultScenario())}&present=1&present=0`);
    expect(back.view).toEqual({ present: true });
    expect(back.corrections[0]!.kind).toBe('duplicate');
  });

  it('leaves the CLI (the scenario decoder) untroubled by either key', () => {
    const result = decodeScenario(`${encodeLink(defaultScenario())}&preset=calm&present=1`);
    expect(result.ok && result.corrections).toEqual([]);
  });

  it('finds the preset a scenario is, and none once a value moves', () => {
    const p = findPreset('may-2021')!;
    expect(matchingPreset(p.scenario)?.name).toBe('may-2021');
    expect(matchingPreset({ ...p.scenario, seed: 2 })).toBeUndefined();
    const changes = [{ step: 70, param: 'liquidity', factor: 0.5 }] as const;
    expect(matchingPreset({ ...p.scenario, changes })).toBeUndefined();
    expect(matchingPreset({ ...p.scenario, changes: [] })?.name).toBe('may-2021');
  });
});
