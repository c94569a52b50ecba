/**
 * A whole link: the scenario (the versioned codec) and the view keys beside it. The app reads
 * and writes links through here; the CLI, which only runs scenarios, uses the codec alone and
 * ignores view keys.
 */

import { decodeScenario, encodeScenario, isKnownKey, MAX_LINK_LENGTH } from './codec';
import type { Correction, DecodeError } from './codec';
import type { Scenario } from './params';
import { extractQuery, formatQuery, parseQuery } from './query';
import { decodeView, encodeView, type View } from './viewKeys';

export type LinkDecodeResult =
  | { ok: true; scenario: Scenario; view: View; corrections: Correction[] }
  | { ok: false; error: DecodeError };

/** Decodes a link, query string or hash into a scenario and a view. Never throws. */
export function decodeLink(text: string): LinkDecodeResult {
  const decoded = decodeScenario(text);
  if (!decoded.ok) return decoded;
  const input = typeof text === 'string' && text.length <= MAX_LINK_LENGTH ? text : '';
  const pairs = parseQuery(extractQuery(input, isKnownKey));
  const { view, corrections } = decodeView(pairs, decoded.scenario);
  return {
    ok: true,
    scenario: decoded.scenario,
    view,
    corrections: [...decoded.corrections, ...corrections],
  };
}

/** The query string (without `?`) of a scenario and, optionally, a view. */
export function encodeLink(scenario: Scenario, view: View = {}): string {
  const extra = encodeView(view);
  const base = encodeScenario(scenario);
  return extra.length > 0 ? `${base}&${formatQuery(extra)}` : base;
}
