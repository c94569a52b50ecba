import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CODEC_VERSION,
  MAX_LINK_LENGTH,
  MIGRATIONS,
  decodeScenario,
  decodeVersioned,
  encodeScenario,
  formatCorrections,
} from './codec';
import type { Correction, DecodeResult, Migration } from './codec';
import { defaultScenario } from './params';
import type { Scenario } from './params';
import { scenarioWithChangesArbitrary } from './arbitrary';
import { V1_DEFAULTS } from './versions';

const D = defaultScenario();
/** The default link, spelt out: the version, then the core keys in table order. */
const DEFAULT_LINK =
  `v=2&seed=${D.seed}&positions=${D.positions}&steps=${D.steps}&leverage=${D.leverage}` +
  `&liquidity=${D.liquidity}&longShare=${D.longShare}&shock=${D.shock}&mark=${D.mark}`;

function decoded(text: string): { scenario: Scenario; corrections: Correction[] } {
  const result = decodeScenario(text);
  if (!result.ok) throw new Error(`expected a scenario, got: ${result.error.message}`);
  return { scenario: result.scenario, corrections: result.corrections };
}

/** The single correction a link produced, and the scenario it gave. */
function corrected(text: string): { scenario: Scenario; c: Correction } {
  const { scenario, corrections } = decoded(text);
  expect(corrections).toHaveLength(1);
  return { scenario, c: corrections[0] };
}

function errorOf(result: DecodeResult) {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('encodeScenario', () => {
  it('writes the version and the core keys, even at their defaults', () => {
    expect(encodeScenario(defaultScenario())).toBe(DEFAULT_LINK);
  });

  it('adds other keys only when they differ from the default, in table order', () => {
    const s = { ...defaultScenario(), adl: 'prorata' as const, partial: true, shockStep: 30 };
    expect(encodeScenario(s)).toBe(
      `${DEFAULT_LINK.replace('&mark=', '&shockStep=30&mark=')}&partial=1&adl=prorata`,
    );
  });

  it('writes numbers as their shortest round-trip text', () => {
    const s = { ...defaultScenario(), longShare: 0.1 + 0.2, liquidity: 1.5e8 };
    expect(encodeScenario(s)).toContain('liquidity=150000000&longShare=0.30000000000000004');
  });
});

describe('decodeScenario round trip', () => {
  it('gives back any valid scenario exactly, with no corrections', () => {
    fc.assert(
      fc.property(scenarioWithChangesArbitrary(), (s) => {
        expect(decodeScenario(encodeScenario(s))).toEqual({
          ok: true,
          scenario: s,
          corrections: [],
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('decodeScenario defaults', () => {
  it('reads the default link as the default scenario', () => {
    expect(decoded(DEFAULT_LINK)).toEqual({ scenario: defaultScenario(), corrections: [] });
  });

  it('fills missing keys with defaults without corrections, and reads a missing v as the current version', () => {
    expect(decoded('seed=3')).toEqual({
      scenario: { ...defaultScenario(), seed: 3 },
      corrections: [],
    });
    expect(decoded('')).toEqual({ scenario: defaultScenario(), corrections: [] });
  });

  it('moves a default shock start silently into a run shorter than it', () => {
    expect(decoded('steps=50')).toEqual({
      scenario: { ...defaultScenario(), steps: 50, shockStep: 49 },
      corrections: [],
    });
  });
});

describe('decodeScenario input forms', () => {
  const query = 'v=1&seed=7&leverage=50';
  // A v=1 link: the keys it leaves out take their v=1 defaults.
  const expected = { ...defaultScenario(), ...V1_DEFAULTS, seed: 7, leverage: 50 };

  it.each([
    ['a bare query', query],
    ['a leading ?', `?${query}`],
    ['a leading #', `#${query}`],
    ['a path', `/lab/?${query}`],
    ['a share link', `https://cascade.example/lab/?${query}`],
    ['a share link with a hash after the query', `https://cascade.example/lab?${query}#results`],
    ['the query in the hash', `https://cascade.example/lab#${query}`],
    ['the query in a hash route', `https://cascade.example/lab/#/?${query}`],
    ['tracking parameters before a hash query', `https://cascade.example/?utm_source=x#${query}`],
    ['surrounding whitespace', `  ${query}\n`],
  ])('reads %s', (_, text) => {
    expect(decoded(text)).toEqual({ scenario: expected, corrections: [] });
  });

  it('reads percent-encoded values and keys', () => {
    expect(decoded('%73eed=%37&shock=%2D5').scenario).toMatchObject({ seed: 7, shock: -5 });
  });
});

describe('decodeScenario corrections', () => {
  it.each([
    ['abc', '"abc" is not a number'],
    ['', 'no value given'],
    ['   ', 'no value given'],
    ['NaN', '"NaN" is not a number'],
    ['Infinity', '"Infinity" is not a finite number'],
    ['1e999', '"1e999" is not a finite number'],
    ['0x10', '"0x10" is not a number'],
    [' 20', '" 20" is not a number'],
    ['20abc', '"20abc" is not a number'],
  ])('falls back to the default for leverage=%j as invalid', (given, reason) => {
    const { scenario, c } = corrected(`leverage=${encodeURIComponent(given)}`);
    expect(scenario.leverage).toBe(D.leverage);
    expect(c).toEqual({
      field: 'leverage',
      kind: 'invalid',
      given,
      used: String(D.leverage),
      reason: `leverage: ${reason}`,
      message: `leverage: ${reason}; using the default ${D.leverage}`,
    });
  });

  it('accepts exponents, signs and leading dots as numbers', () => {
    expect(decoded('liquidity=1e7&shock=+5&longShare=.25')).toEqual({
      scenario: { ...defaultScenario(), liquidity: 1e7, shock: 5, longShare: 0.25 },
      corrections: [],
    });
  });

  it('clamps a value above the maximum and says so with the unit', () => {
    const { scenario, c } = corrected('leverage=500');
    expect(scenario.leverage).toBe(125);
    expect(c).toMatchObject({ field: 'leverage', kind: 'clamped', given: '500', used: '125' });
    expect(c.message).toBe('leverage: 500 is above the maximum 125 ×; using 125');
  });

  it('clamps a value below the minimum', () => {
    const { scenario, c } = corrected('shock=-90');
    expect(scenario.shock).toBe(-60);
    expect(c.message).toBe('shock: -90 is below the minimum -60 %; using -60');
  });

  it('rounds a fractional whole-number parameter', () => {
    const { scenario, c } = corrected('positions=2000.6');
    expect(scenario.positions).toBe(2001);
    expect(c).toMatchObject({ kind: 'rounded', given: '2000.6', used: '2001' });
    expect(c.message).toBe('positions: 2000.6 is not a whole number; using 2001');
  });

  it('reports a fraction that rounds out of range as clamped', () => {
    const { scenario, c } = corrected('positions=99.4');
    expect(scenario.positions).toBe(100);
    expect(c.kind).toBe('clamped');
  });

  it('ignores an unknown key and suggests the likely one', () => {
    const { scenario, c } = corrected('levrage=50');
    expect(scenario).toEqual(defaultScenario());
    expect(c).toEqual({
      field: 'levrage',
      kind: 'unknown',
      given: '50',
      used: '',
      reason: '"levrage" is not a parameter (did you mean leverage?)',
      message: '"levrage" is not a parameter (did you mean leverage?); ignored',
    });
  });

  it('keeps the first of repeated keys', () => {
    const { scenario, c } = corrected('seed=7&seed=9');
    expect(scenario.seed).toBe(7);
    expect(c).toMatchObject({ field: 'seed', kind: 'duplicate', given: '9', used: '7' });
    expect(c.message).toBe('seed: given more than once; keeping the first value, ignoring "9"');
  });

  it('falls back to the default for an unknown enum or boolean value', () => {
    expect(corrected('mark=fast').c.message).toBe(
      'mark: "fast" is not one of last, smoothed; using the default smoothed',
    );
    expect(corrected('partial=yes').c).toMatchObject({ kind: 'invalid', used: '0' });
  });

  it('reads booleans as 1/0 or true/false', () => {
    expect(decoded('partial=1').scenario.partial).toBe(true);
    expect(decoded('partial=true').scenario.partial).toBe(true);
    expect(decoded('partial=0').scenario.partial).toBe(false);
  });

  it('clamps a shock start that is not before the end of the run', () => {
    const { scenario, c } = corrected('steps=100&shockStep=100');
    expect(scenario.shockStep).toBe(99);
    expect(c).toMatchObject({ field: 'shockStep', kind: 'clamped', given: '100', used: '99' });
    expect(c.message).toBe(
      'shockStep: 100 is not before the end of the run (steps = 100); using 99',
    );
  });

  it('reports corrections in link order', () => {
    const { corrections } = decoded('x=1&leverage=500&seed=a&seed=2');
    expect(corrections.map((c) => `${c.field}:${c.kind}`)).toEqual([
      'x:unknown',
      'leverage:clamped',
      'seed:invalid',
      'seed:duplicate',
    ]);
  });

  it('formats corrections as their sentences', () => {
    const { corrections } = decoded('leverage=500&mark=fast');
    expect(formatCorrections(corrections)).toEqual([
      'leverage: 500 is above the maximum 125 ×; using 125',
      'mark: "fast" is not one of last, smoothed; using the default smoothed',
    ]);
  });

  it('keeps each message on one line and short, whatever was given', () => {
    const { c } = corrected(`mark=${encodeURIComponent('a\nb\u0000' + 'x'.repeat(500))}`);
    expect(c.message).not.toContain('\n');
    expect(c.message).not.toContain('\u0000');
    expect(c.message.length).toBeLessThan(120);
  });
});

describe('decodeScenario hostile input', () => {
  it('treats __proto__ and constructor as unknown keys without touching prototypes', () => {
    const { scenario, corrections } = decoded('__proto__=1&constructor=x&toString=2&seed=4');
    expect(scenario).toEqual({ ...defaultScenario(), seed: 4 });
    expect(Object.getPrototypeOf(scenario)).toBe(Object.prototype);
    expect(corrections.map((c) => c.field)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(({} as Record<string, unknown>).seed).toBeUndefined();
  });

  it('keeps malformed percent escapes as given', () => {
    const { scenario, c } = corrected('seed=%E0%A4%A');
    expect(scenario.seed).toBe(D.seed);
    expect(c).toMatchObject({ kind: 'invalid', given: '%E0%A4%A' });
  });

  it('refuses text longer than any link', () => {
    const error = errorOf(decodeScenario('seed=1&'.repeat(MAX_LINK_LENGTH)));
    expect(error.kind).toBe('too-long');
  });
});

describe('decodeScenario versions', () => {
  it('refuses a link from a newer version', () => {
    expect(errorOf(decodeScenario('v=3&seed=3'))).toEqual({
      kind: 'version',
      field: 'v',
      message: 'This link was made by a newer version of Cascade Lab (v=3); this one reads v=2.',
    });
  });

  it.each(['abc', '', '0', '1.5', '-1'])(
    'reads a link with v=%j as v=1, keeping its readable values and saying so',
    (v) => {
      const result = decodeScenario(`v=${v}&seed=3&leverage=20&shock=abc`);
      if (!result.ok) throw new Error(result.error.message);
      expect(result.scenario).toMatchObject({
        seed: 3,
        leverage: 20,
        shock: defaultScenario().shock,
      });
      expect(result.corrections.map((c) => [c.field, c.kind])).toEqual([
        ['v', 'invalid'],
        ['shock', 'invalid'],
      ]);
      expect(result.corrections[0].message).toMatch(
        /is not a version number; reading the link as v=1$/,
      );
    },
  );

  it('keeps the first of repeated versions', () => {
    const { scenario, c } = corrected('v=1&seed=3&v=2');
    expect(scenario.seed).toBe(3);
    expect(c).toMatchObject({ field: 'v', kind: 'duplicate', used: '1' });
  });

  it('is at v=2, with one migration: from v=1', () => {
    expect(CODEC_VERSION).toBe(2);
    expect([...MIGRATIONS.keys()]).toEqual([1]);
  });

  it('upgrades old links through the migration hook', () => {
    // A pretend v2 that renamed `lev` to `leverage`.
    const renameLev: Migration = (pairs) =>
      pairs.map(([k, v]) => (k === 'lev' ? ['leverage', v] : [k, v]));
    const v2 = { version: 2, migrations: new Map([[1, renameLev]]) };
    expect(decodeVersioned('v=1&lev=50', v2)).toMatchObject({
      ok: true,
      scenario: { leverage: 50 },
      corrections: [],
    });
    expect(decodeVersioned('v=2&leverage=40', v2)).toMatchObject({ scenario: { leverage: 40 } });
    const missing = decodeVersioned('v=1&lev=50', { version: 2, migrations: new Map() });
    expect(errorOf(missing).kind).toBe('version');
  });
});
