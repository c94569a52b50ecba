/**
 * The view-key table: link keys that shape what is shown, not what is simulated. They sit beside
 * the parameter table and never enter the engine's `Scenario`, so a link to a moment runs the
 * same simulation as the link without it. Each is validated like a parameter: an unreadable
 * value is dropped, an out-of-range one clamped, and each correction reported.
 */

import { correction, type Correction } from './corrections';
import type { RawPair } from './query';
import type { Scenario } from './params';
import { readPresent, readPreset } from './presetKeys';
import { decodeTeachKeys, encodeTeachKeys, TEACH_TABLE, type TeachView } from './teachKeys';
import { quote } from './values';

/** What a link may say about the view (the teaching keys are in teachKeys.ts). */
export interface View extends TeachView {
  /** The minute to open at: the run is computed up to it (0..steps). */
  t?: number;
  /** A preset's name, as a label only: the link's values are what runs. */
  preset?: string;
  /** Presentation mode: large type, a light theme, the controls hidden. */
  present?: boolean;
}

export interface ViewKeySpec {
  label: string;
  help: string;
}

export const VIEW_TABLE = {
  t: {
    label: 'Minute',
    help: 'The minute the page opens at: the run is computed up to it, then paused.',
  },
  ...TEACH_TABLE,
  preset: {
    label: 'Preset',
    help: 'The preset these values are, as a label: kept only while the link holds its exact values.',
  },
  present: {
    label: 'Presentation mode',
    help: '1 opens the page for a projector: large type, a light theme, the controls hidden.',
  },
} as const satisfies Record<keyof View, ViewKeySpec>;

export const VIEW_KEYS = Object.keys(VIEW_TABLE) as readonly (keyof View)[];

/** Reads `t` against the run it is a minute of. Never throws. */
function readMinute(text: string, scenario: Scenario): { t?: number; correction?: Correction } {
  const trimmed = text.trim();
  const n = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed) ? Number(trimmed) : NaN;
  const shown = quote(text).slice(1, -1);
  if (!Number.isFinite(n)) {
    return {
      correction: correction(
        't',
        'invalid',
        text,
        '',
        `t: ${quote(text)} is not a minute`,
        'opening at minute 0',
      ),
    };
  }
  if (n < 0)
    return {
      t: 0,
      correction: correction(
        't',
        'clamped',
        text,
        '0',
        `t: ${shown} is before the start`,
        'opening at minute 0',
      ),
    };
  if (n > scenario.steps) {
    const end = String(scenario.steps);
    const reason = `t: ${shown} is after the end of the run (${end} minutes)`;
    return {
      t: scenario.steps,
      correction: correction('t', 'clamped', text, end, reason, `opening at minute ${end}`),
    };
  }
  const t = Math.round(n);
  if (t !== n) {
    return {
      t,
      correction: correction(
        't',
        'rounded',
        text,
        String(t),
        `t: ${shown} is not a whole minute`,
        `opening at minute ${t}`,
      ),
    };
  }
  return { t };
}

/** The view a link's pairs ask for, with what was corrected (`t` first, then in link order). */
export function decodeView(
  pairs: readonly RawPair[],
  scenario: Scenario,
): { view: View; corrections: Correction[] } {
  const view: View = {};
  const corrections: Correction[] = [];
  let seen = false;
  const labels = new Set<string>();
  for (const [key, text] of pairs) {
    if (key === 'preset' || key === 'present') {
      const read =
        key === 'preset' ? readPreset(text, scenario, labels) : readPresent(text, labels);
      Object.assign(view, read.view);
      if (read.correction) corrections.push(read.correction);
      continue;
    }
    if (key !== 't') continue;
    if (seen) {
      const reason = 't: given more than once';
      corrections.push(
        correction(
          't',
          'duplicate',
          text,
          String(view.t ?? ''),
          reason,
          `keeping the first value, ignoring ${quote(text)}`,
        ),
      );
      continue;
    }
    seen = true;
    const read = readMinute(text, scenario);
    if (read.t !== undefined) view.t = read.t;
    if (read.correction) corrections.push(read.correction);
  }
  const teach = decodeTeachKeys(pairs);
  return { view: { ...view, ...teach.view }, corrections: [...corrections, ...teach.corrections] };
}

/** The view's pairs for a link; a view at its defaults adds none. */
export function encodeView(view: View): RawPair[] {
  const pairs: RawPair[] =
    view.t !== undefined && view.t > 0 ? [['t', String(Math.round(view.t))]] : [];
  if (view.preset) pairs.push(['preset', view.preset]);
  if (view.present) pairs.push(['present', '1']);
  return [...pairs, ...encodeTeachKeys(view)];
}
