/**
 * A whole link: the scenario (the versioned codec), the view keys and compare mode's `b.` keys
 * beside it. The app reads
 * and writes links through here; the CLI, which only runs scenarios, uses the codec alone and
 * ignores view keys.
 */

import { decodeScenario, encodeScenario, isKnownKey, MAX_LINK_LENGTH } from './codec';
import type { Correction, DecodeError } from './codec';
import type { Scenario } from './params';
import { extractQuery, formatQuery, parseQuery } from './query';
import { decodeView, encodeView, type View } from './viewKeys';
import { decodeCompare, encodeCompare } from './compareKeys';

export type LinkDecodeResult =
  | {
      ok: true;
      scenario: Scenario;
      view: View;
      /** Compare mode's scenario B (the link's `b.` keys over the base); absent without them. */
      compare?: Scenario;
      corrections: Correction[];
    }
  | { ok: false; error: DecodeError };

/** Decodes a link, query string or hash into a scenario and a view. Never throws. */
export function decodeLink(text: string): LinkDecodeResult {
  const decoded = decodeScenario(text);
  if (!decoded.ok) return decoded;
  const input = typeof text === 'string' && text.length <= MAX_LINK_LENGTH ? text : '';
  const pairs = parseQuery(extractQuery(input, isKnownKey));
  const { view, corrections } = decodeView(pairs, decoded.scenario);
  const b = decodeCompare(pairs, decoded.scenario);
  return {
    ok: true,
    scenario: decoded.scenario,
    view,
    ...(b.compare ? { compare: b.compare } : {}),
    corrections: [...decoded.corrections, ...corrections, ...b.corrections],
  };
}

/** The query string (without `?`) of a scenario and, optionally, a view and a scenario B. */
export function encodeLink(
  scenario: Scenario,
  view: View = {},
  compare: Scenario | null = null,
): string {
  const extra = [...encodeView(view), ...(compare ? encodeCompare(scenario, compare) : [])];
  const base = encodeScenario(scenario);
  return extra.length > 0 ? `${base}&${formatQuery(extra)}` : base;
}
