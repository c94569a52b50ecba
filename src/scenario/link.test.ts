import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scenarioWithChangesArbitrary } from './arbitrary';
import { decodeScenario, encodeScenario } from './codec';
import { decodeLink, encodeLink } from './link';
import { defaultScenario } from './params';

const okLink = (text: string) => {
  const result = decodeLink(text);
  if (!result.ok) throw new Error(result.error.message);
  return result;
};

describe('links with view keys', () => {
  it('reads t as the minute to open at, not as a scenario parameter', () => {
    const { scenario, view, corrections } = okLink('?v=1&seed=4&steps=300&t=120');
    expect(view).toEqual({ t: 120 });
    expect(corrections).toEqual([]);
    expect(scenario).toEqual(okLink('?v=1&seed=4&steps=300').scenario);
    expect('t' in scenario).toBe(false);
  });

  it('lets the scenario decoder (the CLI) ignore t without calling it unknown', () => {
    const result = decodeScenario('v=1&seed=4&t=120');
    expect(result.ok && result.corrections).toEqual([]);
  });

  it.each([
    ['abc', undefined, 'invalid', 't: "abc" is not a minute; opening at minute 0'],
    ['', undefined, 'invalid', 't: "" is not a minute; opening at minute 0'],
    ['-5', 0, 'clamped', 't: -5 is before the start; opening at minute 0'],
    [
      '999',
      300,
      'clamped',
      't: 999 is after the end of the run (300 minutes); opening at minute 300',
    ],
    [
      '1e9',
      300,
      'clamped',
      't: 1e9 is after the end of the run (300 minutes); opening at minute 300',
    ],
    ['12.6', 13, 'rounded', 't: 12.6 is not a whole minute; opening at minute 13'],
  ])('corrects t=%j to %j (%s) and says so', (given, used, kind, message) => {
    const { view, corrections } = okLink(`v=1&steps=300&t=${encodeURIComponent(given)}`);
    expect(view.t).toBe(used);
    expect(corrections).toEqual([expect.objectContaining({ field: 't', kind, message })]);
  });

  it('keeps the first of repeated t values', () => {
    const { view, corrections } = okLink('v=1&t=5&t=9');
    expect(view.t).toBe(5);
    expect(corrections).toEqual([expect.objectContaining({ field: 't', kind: 'duplicate' })]);
  });

  it('refuses a newer version before reading the view', () => {
    expect(decodeLink('v=9&t=5').ok).toBe(false);
  });

  it('writes t only when it is past minute 0', () => {
    const s = defaultScenario();
    expect(encodeLink(s)).toBe(encodeScenario(s));
    expect(encodeLink(s, { t: 0 })).toBe(encodeScenario(s));
    expect(encodeLink(s, { t: 42 })).toBe(`${encodeScenario(s)}&t=42`);
  });

  it('round-trips any valid scenario with any minute within its run', () => {
    fc.assert(
      fc.property(
        scenarioWithChangesArbitrary(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s, f) => {
          const t = Math.round(f * s.steps);
          const back = okLink(encodeLink(s, { t }));
          expect(back.scenario).toEqual(s);
          expect(back.view).toEqual(t > 0 ? { t } : {});
          expect(back.corrections).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });
});
