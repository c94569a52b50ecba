/**
 * Compare mode in a link: scenario B as its differences from the base scenario, each key under
 * the prefix `b.` (`…&leverage=20&b.leverage=10` compares 20× with 10×). B's keys are read with
 * the codec's own rules — a bad value is corrected and reported (as `b.leverage: …`), never
 * thrown — and B always runs on the base's seed, so the two runs differ only where asked.
 */

import { COMPARE_PREFIX, LINK_KEYS, decodeScenario, encodeScenario, isCompareKey } from './codec';
import { correction, type Correction } from './corrections';
import { PARAMS, type Scenario } from './params';
import { formatQuery, parseQuery, type RawPair } from './query';
import { formatValue, quote } from './values';

/** Scenario B from a link's pairs and its base, or null without `b.` keys. Never throws. */
export function decodeCompare(
  pairs: readonly RawPair[],
  base: Scenario,
): { compare: Scenario | null; corrections: Correction[] } {
  const corrections: Correction[] = [];
  const own: RawPair[] = [];
  const given = new Set<string>();
  for (const [key, text] of pairs) {
    if (!isCompareKey(key)) continue;
    const field = key.slice(COMPARE_PREFIX.length);
    if (field === 'seed') {
      const reason = `${key}: B runs on the same seed as A`;
      corrections.push(correction(key, 'unknown', text, '', reason, 'ignored'));
      continue;
    }
    if (given.has(field)) {
      const reason = `${key}: given more than once`;
      const action = `keeping the first value, ignoring ${quote(text)}`;
      corrections.push(correction(key, 'duplicate', text, '', reason, action));
      continue;
    }
    given.add(field);
    own.push([field, text]);
  }
  if (own.length === 0) return { compare: null, corrections };
  // B is the base with B's pairs in place of the base's: one decode, the codec's rules.
  const basePairs = parseQuery(encodeScenario(base)).filter(([k]) => !given.has(k));
  const decoded = decodeScenario(formatQuery([...basePairs, ...own]));
  if (!decoded.ok) return { compare: null, corrections };
  for (const c of decoded.corrections) {
    if (!given.has(c.field)) continue;
    corrections.push({
      ...c,
      field: `${COMPARE_PREFIX}${c.field}`,
      reason: `${COMPARE_PREFIX}${c.reason}`,
      message: `${COMPARE_PREFIX}${c.message}`,
    });
  }
  return { compare: { ...decoded.scenario, seed: base.seed }, corrections };
}

/** B's pairs for a link: each parameter where B differs from the base, under `b.`. */
export function encodeCompare(base: Scenario, compare: Scenario): RawPair[] {
  const pairs: RawPair[] = [];
  for (const key of LINK_KEYS) {
    if (key === 'seed') continue;
    const a = formatValue(PARAMS[key], base[key]);
    const b = formatValue(PARAMS[key], compare[key]);
    if (a !== b) pairs.push([`${COMPARE_PREFIX}${key}`, b]);
  }
  return pairs;
}

/**
 * B after the base changed from `before` to `after`: B keeps what it set apart from the base and
 * follows the base in everything else (a variant stays "the same market, with …").
 */
export function rebaseCompare(before: Scenario, after: Scenario, compare: Scenario): Scenario {
  const next = { ...after } as Record<string, unknown>;
  const b = compare as unknown as Record<string, unknown>;
  const a = before as unknown as Record<string, unknown>;
  for (const key of LINK_KEYS) if (key !== 'seed' && b[key] !== a[key]) next[key] = b[key];
  return next as unknown as Scenario;
}
