import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scenarioArbitrary } from './arbitrary';
import { decodeCompare, encodeCompare, rebaseCompare } from './compareKeys';
import { decodeLink, encodeLink } from './link';
import { defaultScenario, type Scenario } from './params';
import { parseQuery } from './query';

const base: Scenario = { ...defaultScenario(), seed: 7, leverage: 20 };

describe('compare mode in a link (b. keys)', () => {
  it('writes only where B differs, under b., and reads the same B back', () => {
    const b: Scenario = { ...base, leverage: 10, mark: 'last' };
    const link = encodeLink(base, {}, b);
    expect(link).toContain('&b.leverage=10');
    expect(link).toContain('b.mark=last');
    expect(parseQuery(link).filter(([k]) => k.startsWith('b.'))).toHaveLength(2);
    const decoded = decodeLink(link);
    expect(decoded).toMatchObject({ ok: true, scenario: base, compare: b, corrections: [] });
  });

  it('writes a parameter the base set and B left at its default', () => {
    const a: Scenario = { ...base, mark: 'last' };
    const b: Scenario = { ...a, mark: defaultScenario().mark };
    const decoded = decodeLink(encodeLink(a, { t: 30 }, b));
    expect(decoded.ok && decoded.compare).toEqual(b);
    expect(decoded.ok && decoded.view).toEqual({ t: 30 });
  });

  it('opens without compare mode when the link has no b. keys', () => {
    const decoded = decodeLink(encodeLink(base));
    expect(decoded.ok && decoded.compare).toBeUndefined();
  });

  it('corrects a bad B value with a notice, as for any key, and never throws', () => {
    const decoded = decodeLink(`${encodeLink(base)}&b.leverage=500&b.shock=abc&b.seed=9`);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.compare?.leverage).toBe(125);
    expect(decoded.compare?.shock).toBe(defaultScenario().shock);
    expect(decoded.compare?.seed).toBe(7); // B runs on A's seed
    expect(decoded.scenario.leverage).toBe(20); // A is untouched
    const messages = decoded.corrections.map((c) => c.message);
    expect(messages).toEqual([
      'b.seed: B runs on the same seed as A; ignored',
      expect.stringMatching(/^b\.leverage: 500 is above the maximum .*; using 125/),
      expect.stringMatching(/^b\.shock: .*abc.*; using the default/),
    ]);
  });

  it('reports an unknown b. key and a repeated one, keeping the first', () => {
    const decoded = decodeLink(`${encodeLink(base)}&b.levrage=5&b.leverage=5&b.leverage=6`);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.compare?.leverage).toBe(5);
    const messages = decoded.corrections.map((c) => c.message).join('\n');
    expect(messages).toContain('"b.levrage" is not a parameter');
    expect(messages).toContain('b.leverage: given more than once');
  });

  it('round-trips any pair of valid scenarios on one seed', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), scenarioArbitrary(), (a, b) => {
        const decodedA = decodeLink(encodeLink(a));
        if (!decodedA.ok) return;
        const validA = decodedA.scenario;
        const decodedB = decodeLink(encodeLink(b));
        if (!decodedB.ok) return;
        const validB = { ...decodedB.scenario, seed: validA.seed };
        const pairs = encodeCompare(validA, validB);
        const back = decodeCompare(pairs, validA);
        if (pairs.length === 0) expect(back.compare).toBeNull();
        else expect(back.compare).toEqual(validB);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps what B set apart when the base changes, and follows the base otherwise', () => {
    const b: Scenario = { ...base, leverage: 10 };
    const after: Scenario = { ...base, shock: -12, leverage: 30 };
    expect(rebaseCompare(base, after, b)).toEqual({ ...after, leverage: 10 });
  });
});
