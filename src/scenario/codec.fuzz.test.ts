import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LINK_KEYS, MAX_LINK_LENGTH, decodeScenario, encodeScenario } from './codec';
import type { DecodeResult } from './codec';
import { scenarioProblems, scenarioWithChangesArbitrary } from './arbitrary';

/** What every decode must give, whatever the input: a valid scenario or a one-line error. */
function expectSound(result: DecodeResult): void {
  if (!result.ok) {
    expect(result.error.message).toMatch(/^[^\n\r]+$/);
    return;
  }
  expect(scenarioProblems(result.scenario)).toEqual([]);
  for (const c of result.corrections) {
    expect(c.message).toMatch(/^[^\n\r]+$/);
    expect(c.message.startsWith(c.reason)).toBe(true);
  }
  // Decoding normalises: the result encodes to a link that reads back as is.
  const again = decodeScenario(encodeScenario(result.scenario));
  expect(again).toEqual({ ok: true, scenario: result.scenario, corrections: [] });
}

function decodeSoundly(text: string): void {
  let result: DecodeResult | undefined;
  expect(() => (result = decodeScenario(text))).not.toThrow();
  expectSound(result!);
}

/** 400 runs take 1–4 s here when idle; on a loaded machine fewer run within 20 s, none fail. */
const RUNS = { numRuns: 400, interruptAfterTimeLimit: 20_000 };

const weirdKey = fc.constantFrom(
  'v',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '',
  'Seed',
  'leverage ',
  '%',
  '%zz',
);
const weirdValue = fc.constantFrom(
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '1e999',
  '-0',
  '1e-400',
  '%',
  '%E0%A4%A',
  '+',
  'true',
  '1,5',
  '١٢',
  '\u0000',
  '9'.repeat(400),
  '70:liquidity*0.5',
  '70:liquidity*0.5,10:index*0.97',
  '5:liqudity*2',
  '99999:noise*2',
  '1:index*9',
  '1:volatility*0',
  ':*',
  '1.5:noise*2,,',
);
const numberText = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc.bigInt().map(String),
);
const pairArbitrary = fc.tuple(
  fc.oneof(fc.constantFrom(...LINK_KEYS, 'change'), weirdKey, fc.string({ maxLength: 12 })),
  fc.oneof(numberText, weirdValue, fc.string({ maxLength: 12 }), fc.constantFrom('last', '1', '2')),
);
const linkLike = fc
  .array(pairArbitrary, { maxLength: 40 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));

type Mutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'replace'; at: number; text: string }
  | { op: 'swap'; a: number; b: number };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.string({ maxLength: 3 }),
  }),
  fc.record({
    op: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({
    op: fc.constant('replace' as const),
    at: fc.nat(),
    text: fc.constantFrom('=', '&', '%', '-', '.', 'e', '9', '#', '?', ' '),
  }),
  fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
);

/** Applies a mutation to a link: characters inserted, deleted or replaced, or two pairs swapped. */
function mutate(link: string, m: Mutation): string {
  if (m.op === 'swap') {
    const pairs = link.split('&');
    const a = m.a % pairs.length;
    const b = m.b % pairs.length;
    [pairs[a], pairs[b]] = [pairs[b], pairs[a]];
    return pairs.join('&');
  }
  const at = m.at % (link.length + 1);
  if (m.op === 'insert') return link.slice(0, at) + m.text + link.slice(at);
  if (m.op === 'delete') return link.slice(0, at) + link.slice(at + m.length);
  return link.slice(0, at) + m.text + link.slice(at + 1);
}

describe('decodeScenario never throws and always yields a valid scenario', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), decodeSoundly), RUNS);
  });

  it('on arbitrary binary strings, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), decodeSoundly), RUNS);
  });

  it('on link-like strings of known, hostile and random keys and values', () => {
    fc.assert(fc.property(linkLike, decodeSoundly), RUNS);
  });

  it('on valid links mutated by inserts, deletes, replacements and swapped keys', () => {
    const mutated = fc
      .tuple(
        scenarioWithChangesArbitrary(),
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 6 }),
      )
      .map(([s, ms]) => ms.reduce(mutate, encodeScenario(s)));
    fc.assert(fc.property(mutated, decodeSoundly), RUNS);
  });

  it('on share links wrapping any of the above', () => {
    const wrapped = fc
      .tuple(fc.constantFrom('https://h/p?', 'https://h/p#', 'https://h/p/#/?', '?', '#'), linkLike)
      .map(([prefix, query]) => prefix + query);
    fc.assert(fc.property(wrapped, decodeSoundly), RUNS);
  });

  it('on huge strings', () => {
    decodeSoundly('seed=1&'.repeat(200_000));
    decodeSoundly('%'.repeat(MAX_LINK_LENGTH));
    decodeSoundly('&'.repeat(MAX_LINK_LENGTH));
    decodeSoundly(`leverage=${'9'.repeat(MAX_LINK_LENGTH - 9)}`);
    decodeSoundly('a=b&'.repeat(MAX_LINK_LENGTH / 4));
  });
});
