import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scenarioWithChangesArbitrary } from './arbitrary';
import { FILE_FORMAT, decodeScenarioFile, encodeScenarioFile } from './file';
import { defaultScenario } from './params';

describe('scenario files', () => {
  it('round-trips any valid scenario, with its name', () => {
    fc.assert(
      fc.property(scenarioWithChangesArbitrary(), (s) => {
        const back = decodeScenarioFile(encodeScenarioFile(s, 'crowded longs'));
        expect(back).toEqual({ ok: true, scenario: s, name: 'crowded longs', corrections: [] });
      }),
      { numRuns: 100 },
    );
  });

  it('corrects bad values with the link rules, and says what it did', () => {
    const text = JSON.stringify({
      format: FILE_FORMAT,
      v: 1,
      scenario: { leverage: 'abc', shock: -99, seed: 7, partial: true, colour: 'red', mark: {} },
    });
    const back = decodeScenarioFile(text);
    if (!back.ok) throw new Error(back.error.message);
    // An unreadable value takes today's default (the correction says which), v=1 file or not.
    expect(back.scenario).toMatchObject({
      seed: 7,
      leverage: defaultScenario().leverage,
      shock: -60,
      partial: true,
    });
    expect(back.scenario.mark).toBe(defaultScenario().mark);
    expect(back.corrections.map((c) => [c.field, c.kind])).toEqual([
      ['leverage', 'invalid'],
      ['shock', 'clamped'],
      ['colour', 'unknown'],
      ['mark', 'invalid'],
    ]);
  });

  it.each([
    ['not JSON', '{oops', 'it is not JSON'],
    ['an array', '[1,2]', 'has no "format"'],
    ['another format', '{"format":"x","scenario":{}}', 'has no "format"'],
    ['no scenario', `{"format":"${FILE_FORMAT}"}`, 'has no "format"'],
    ['too large', 'x'.repeat(100_001), 'larger than 100,000 characters'],
  ])('refuses %s with one sentence', (_, text, why) => {
    const back = decodeScenarioFile(text);
    expect(back.ok).toBe(false);
    expect(!back.ok && back.error.message).toContain(why);
  });

  it('refuses a file from a newer version, as a link would be', () => {
    const back = decodeScenarioFile(`{"format":"${FILE_FORMAT}","v":9,"scenario":{}}`);
    expect(!back.ok && back.error.message).toContain('newer version');
  });

  it('treats __proto__ in a file as an unknown key, not as an object prototype', () => {
    const back = decodeScenarioFile(
      `{"format":"${FILE_FORMAT}","v":1,"scenario":{"__proto__":{"leverage":50}}}`,
    );
    expect(back.ok && back.scenario.leverage).toBe(10);
    expect(back.ok && back.corrections[0]).toMatchObject({ field: '__proto__', kind: 'unknown' });
  });
});
