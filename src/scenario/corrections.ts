/**
 * What the decoders report of a link they had to change: its own module, so the scenario codec and
 * the view-key table can both use it without importing each other.
 */

export type CorrectionKind = 'invalid' | 'clamped' | 'unknown' | 'rounded' | 'duplicate';

/** One thing the decoder changed or ignored in a link. */
export interface Correction {
  /** The link key (or the unknown key as given). */
  field: string;
  kind: CorrectionKind;
  /** The value as given in the link. */
  given: string;
  /** The value used instead, as link text ('' for an ignored key). */
  used: string;
  /** A sentence for people: `leverage: 500 is above the maximum 125 ×; using 125`. */
  message: string;
  /** The message without what was done about it: `leverage: 500 is above the maximum 125 ×`. */
  reason: string;
}

/** A correction of `field`: `reason` says what was wrong, `action` what was done about it. */
export function correction(
  field: string,
  kind: CorrectionKind,
  given: string,
  used: string,
  reason: string,
  action: string,
): Correction {
  return { field, kind, given, used, reason, message: `${reason}; ${action}` };
}
