/**
 * The CLI's policy on links: stricter than the app's. The app shows a correction and carries
 * on; a script must know its value was not used, so here a version error, an invalid or
 * clamped value and an unknown key are errors. A rounded whole number or a repeated key (first
 * wins) only warns.
 */

import { decodeScenario, isCompareKey, isKnownKey, MAX_LINK_LENGTH } from '../scenario/codec';
import type { Correction, CorrectionKind } from '../scenario/codec';
import { defaultScenario } from '../scenario/params';
import { extractQuery, parseQuery } from '../scenario/query';
import { quote } from '../scenario/values';
import { VIEW_KEYS } from '../scenario/viewKeys';
import type { Scenario } from '../scenario/params';

export type LinkOutcome =
  { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; message: string };

const FATAL: ReadonlySet<CorrectionKind> = new Set(['invalid', 'clamped', 'unknown']);

/** The scenario a link asks for, or one line saying why it cannot be run as given. */
export function scenarioFromLink(link: string | undefined): LinkOutcome {
  if (link === undefined) return { ok: true, scenario: defaultScenario(), warnings: [] };
  const result = decodeScenario(link);
  if (!result.ok) return { ok: false, message: result.error.message };
  const fatal = result.corrections.filter((c) => FATAL.has(c.kind));
  if (fatal.length > 0) return { ok: false, message: describeFatal(fatal) };
  return {
    ok: true,
    scenario: result.scenario,
    warnings: [...result.corrections.map((c) => c.message), ...viewKeyNotes(link)],
  };
}

/** A note for the view keys a link holds (`t`, `show`, `tour`…): they shape the app's page only. */
function viewKeyNotes(link: string): string[] {
  if (link.length > MAX_LINK_LENGTH) return [];
  const keys = new Set(parseQuery(extractQuery(link, isKnownKey)).map(([key]) => key));
  const found = VIEW_KEYS.filter((key) => keys.has(key));
  const notes =
    found.length === 0 ? [] : [`${found.join(', ')}: view keys, for the app's page; ignored here`];
  const compare = [...keys].filter(isCompareKey);
  if (compare.length > 0) {
    notes.push(
      `${compare.join(', ')}: compare mode's scenario B, for the app's page; ignored here (use \`sim compare\`)`,
    );
  }
  return notes;
}

function describeFatal(fatal: readonly Correction[]): string {
  const [first, ...rest] = fatal;
  if (rest.length === 0) return first.reason;
  const fields = rest.map((c) => (c.kind === 'unknown' ? quote(c.field) : c.field)).join(', ');
  return `${first.reason} (and ${rest.length} more: ${fields})`;
}
