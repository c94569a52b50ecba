/**
 * The teacher's view keys: which controls a link shows or locks, the tour and stage it opens,
 * the bare embed view and autoplay. Part of the view-key table (viewKeys.ts): never in the
 * engine's `Scenario`, read without throwing, each correction reported as a notice.
 *
 * Controls are listed by parameter name, comma-separated: `show=leverage,liquidity` shows only
 * those two (the others keep their link values, hidden), `show=none` none; `lock=shock` shows the shock but does
 * not let it move. A name that is not a parameter is ignored with a notice.
 */

import { correction, type Correction } from './corrections';
import { PARAM_KEYS, type ParamKey } from './params';
import type { RawPair } from './query';
import { findTour, TOURS } from './tours';
import { quote, suggestKey } from './values';

export interface TeachView {
  /** The only controls shown (absent: all; empty: none). */
  show?: ParamKey[];
  /** Controls shown but not movable. */
  lock?: ParamKey[];
  /** The tour to open, by name. */
  tour?: string;
  /** Its stage, 1-based (only with `tour`). */
  stage?: number;
  /** The bare chart view for slides and course pages. */
  embed?: boolean;
  /** Plays as soon as the page is ready. */
  autoplay?: boolean;
  /** The heatmap shows the terminal-style estimate instead of the true map (absent: true). */
  map?: 'estimated';
}

export const TEACH_TABLE = {
  show: {
    label: 'Controls shown',
    help: 'Comma-separated parameter names: only these controls are shown.',
  },
  lock: {
    label: 'Controls locked',
    help: 'Comma-separated parameter names: these controls are shown but cannot be moved.',
  },
  tour: { label: 'Tour', help: `A guided tour to open: ${TOURS.map((t) => t.name).join(', ')}.` },
  stage: { label: 'Tour stage', help: 'The stage of the tour to open at, from 1.' },
  embed: {
    label: 'Embed',
    help: '1: the bare price chart and figures, for slides and course pages.',
  },
  autoplay: { label: 'Autoplay', help: '1: the run plays as soon as the page is ready.' },
  map: {
    label: 'Heatmap map',
    help: "true (the positions' real liquidation prices) or estimated (what terminals show).",
  },
} as const satisfies Record<keyof TeachView, { label: string; help: string }>;

type TeachKey = keyof TeachView;
const TEACH_KEYS = Object.keys(TEACH_TABLE) as TeachKey[];
const isTeachKey = (key: string): key is TeachKey => (TEACH_KEYS as string[]).includes(key);

function readControls(key: 'show' | 'lock', text: string, out: Correction[]) {
  if (key === 'show' && text.trim() === 'none') return [];
  const names = text.split(',').map((n) => n.trim());
  const known = PARAM_KEYS.filter((k) => names.includes(k));
  const unknown = names.filter((n) => n !== '' && !(PARAM_KEYS as string[]).includes(n));
  for (const name of unknown) {
    const hint = suggestKey(name, PARAM_KEYS);
    const reason = `${key}: ${quote(name)} is not a control${hint ? ` (did you mean ${hint}?)` : ''}`;
    out.push(correction(key, 'invalid', text, known.join(','), reason, 'ignored'));
  }
  if (known.length > 0) return known;
  if (unknown.length === 0) {
    const reason = `${key}: no control is named`;
    out.push(correction(key, 'invalid', text, '', reason, 'ignored'));
  }
  return undefined;
}

function readFlag(key: 'embed' | 'autoplay', text: string, out: Correction[]) {
  const t = text.trim().toLowerCase();
  if (t === '1' || t === 'true' || t === 'yes' || t === '') return true;
  if (t === '0' || t === 'false' || t === 'no') return false;
  out.push(correction(key, 'invalid', text, '', `${key}: ${quote(text)} is not 1 or 0`, 'ignored'));
  return undefined;
}

function readMap(text: string, out: Correction[]) {
  const t = text.trim().toLowerCase();
  if (t === 'estimated') return 'estimated' as const;
  if (t === 'true') return undefined;
  const reason = `map: ${quote(text)} is not true or estimated`;
  out.push(correction('map', 'invalid', text, 'true', reason, 'showing the true map'));
  return undefined;
}

function readTour(text: string, out: Correction[]) {
  if (findTour(text)) return text;
  const hint = suggestKey(
    text,
    TOURS.map((t) => t.name),
  );
  const reason = `tour: ${quote(text)} is not a tour${hint ? ` (did you mean ${hint}?)` : ''}`;
  out.push(correction('tour', 'invalid', text, '', reason, 'ignored'));
  return undefined;
}

/** Reads `stage` against the tour it is a stage of (already read). */
function readStage(text: string, tour: string | undefined, out: Correction[]) {
  const stages = tour ? (findTour(tour)?.stages.length ?? 0) : 0;
  if (stages === 0) {
    out.push(correction('stage', 'invalid', text, '', 'stage: only with a tour', 'ignored'));
    return undefined;
  }
  const n = /^\s*\d+(\.\d*)?\s*$/.test(text) ? Number(text) : NaN;
  const shown = quote(text);
  if (!Number.isFinite(n)) {
    out.push(
      correction('stage', 'invalid', text, '1', `stage: ${shown} is not a stage`, 'at stage 1'),
    );
    return 1;
  }
  const stage = Math.min(stages, Math.max(1, Math.round(n)));
  if (stage !== n) {
    const kind = stage === Math.round(n) ? 'rounded' : 'clamped';
    const reason =
      kind === 'rounded'
        ? `stage: ${shown} is not a whole number`
        : `stage: ${shown} is not a stage of this tour (1 to ${stages})`;
    out.push(correction('stage', kind, text, String(stage), reason, `at stage ${stage}`));
  }
  return stage;
}

/** The teaching keys of a link's pairs, with what was corrected, in link order. */
export function decodeTeachKeys(pairs: readonly RawPair[]): {
  view: TeachView;
  corrections: Correction[];
} {
  const view: TeachView = {};
  const corrections: Correction[] = [];
  const given = new Map<TeachKey, string>();
  for (const [key, text] of pairs) {
    if (!isTeachKey(key)) continue;
    if (given.has(key)) {
      const reason = `${key}: given more than once`;
      const action = `keeping the first value, ignoring ${quote(text)}`;
      corrections.push(correction(key, 'duplicate', text, given.get(key)!, reason, action));
      continue;
    }
    given.set(key, text);
    if (key === 'show' || key === 'lock') view[key] = readControls(key, text, corrections);
    else if (key === 'embed' || key === 'autoplay') view[key] = readFlag(key, text, corrections);
    else if (key === 'tour') view.tour = readTour(text, corrections);
    else if (key === 'map') view.map = readMap(text, corrections);
  }
  // The stage is read against the tour wherever the tour stands in the link.
  const stage = given.get('stage');
  if (stage !== undefined) view.stage = readStage(stage, view.tour, corrections);
  for (const key of TEACH_KEYS) if (view[key] === undefined) delete view[key];
  return { view, corrections };
}

/** The link pairs of a teaching view; keys at their defaults add none. */
export function encodeTeachKeys(view: TeachView): RawPair[] {
  const pairs: RawPair[] = [];
  const list = (keys: readonly ParamKey[]) => PARAM_KEYS.filter((k) => keys.includes(k));
  if (view.show) pairs.push(['show', view.show.length > 0 ? list(view.show).join(',') : 'none']);
  if (view.lock && view.lock.length > 0) pairs.push(['lock', list(view.lock).join(',')]);
  if (view.tour) {
    pairs.push(['tour', view.tour]);
    if (view.stage !== undefined) pairs.push(['stage', String(view.stage)]);
  }
  if (view.embed) pairs.push(['embed', '1']);
  if (view.autoplay) pairs.push(['autoplay', '1']);
  if (view.map === 'estimated') pairs.push(['map', 'estimated']);
  return pairs;
}
