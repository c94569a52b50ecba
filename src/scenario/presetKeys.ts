/**
 * The teaching view keys' readers (the view-key table is in viewKeys.ts): `preset`, a label that
 * holds only while the link's values are the preset's (the values always win), and `present`,
 * presentation mode. Like every view key they never throw: an unreadable value is dropped and
 * said, and a key given twice keeps its first value.
 */

import { correction, type Correction } from './corrections';
import type { Scenario } from './params';
import { findPreset, matchingPreset } from './presets';
import { quote } from './values';

interface Read {
  view: { preset?: string; present?: boolean };
  correction?: Correction;
}

function dropped(field: string, given: string, reason: string, action: string): Read {
  return { view: {}, correction: correction(field, 'invalid', given, '', reason, action) };
}

/** Null the first time `key` is seen; else the duplicate's correction. */
function duplicate(key: string, text: string, seen: Set<string>): Read | null {
  if (!seen.has(key)) {
    seen.add(key);
    return null;
  }
  const reason = `${key}: given more than once`;
  const action = `keeping the first value, ignoring ${quote(text)}`;
  return { view: {}, correction: correction(key, 'duplicate', text, '', reason, action) };
}

export function readPreset(text: string, scenario: Scenario, seen: Set<string>): Read {
  const again = duplicate('preset', text, seen);
  if (again) return again;
  const name = text.trim();
  if (!findPreset(name)) {
    return dropped(
      'preset',
      text,
      `preset: ${quote(text)} is not a preset`,
      'showing the values in the link',
    );
  }
  if (matchingPreset(scenario)?.name !== name) {
    return dropped(
      'preset',
      text,
      `preset: the values in the link are not ${quote(name)}’s`,
      'showing the values in the link',
    );
  }
  return { view: { preset: name } };
}

export function readPresent(text: string, seen: Set<string>): Read {
  const again = duplicate('present', text, seen);
  if (again) return again;
  const value = text.trim();
  if (value === '1') return { view: { present: true } };
  if (value === '0') return { view: {} };
  return dropped('present', text, `present: ${quote(text)} is not 1 or 0`, 'not presenting');
}
