/**
 * What the browser keeps between visits: the last scenario (restored when the page is opened
 * without a link; a link always wins) and the scenarios the user saved by name. Both are stored
 * as link text, so they are read back through the link's decoder: validated, clamped, never
 * trusted. Storage may be missing, full or refused (private mode, a sandbox): every call here
 * then does nothing, and says so by its return value, never by throwing.
 */

import { decodeLink, encodeLink, type Scenario } from '../scenario';
import { capMessages, type LinkState } from './urlSync';

export const LAST_KEY = 'cascade-lab:last';
export const SAVED_KEY = 'cascade-lab:saved';

/** Most scenarios kept by name; names are short labels. */
export const MAX_SAVED = 50;
export const MAX_NAME_LENGTH = 60;

export interface SavedScenario {
  name: string;
  /** The scenario's link query (versioned, as in the address bar). */
  link: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** The page's local storage, or null where reading it throws. */
export function browserStorage(): Store | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function read(storage: Store | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: Store | null, key: string, value: string): boolean {
  try {
    if (!storage) return false;
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function saveLast(storage: Store | null, scenario: Scenario): boolean {
  return write(storage, LAST_KEY, encodeLink(scenario));
}

/** The last scenario, or null if none was kept or it cannot be read at all. */
export function readLast(storage: Store | null): LinkState | null {
  const text = read(storage, LAST_KEY);
  if (!text) return null;
  const decoded = decodeLink(text);
  if (!decoded.ok) return null;
  const messages = capMessages(decoded.corrections.map((c) => c.message));
  return {
    scenario: decoded.scenario,
    view: {},
    notice: messages.length > 0 ? { kind: 'corrections', source: 'saved', messages } : null,
  };
}

/** A name as kept: trimmed, single-line, at most {@link MAX_NAME_LENGTH} characters. */
export function cleanName(name: string): string {
  return Array.from(name.replace(/\s+/g, ' ').trim()).slice(0, MAX_NAME_LENGTH).join('');
}

/** The saved scenarios, by name; entries that are not well-formed are skipped. */
export function listSaved(storage: Store | null): SavedScenario[] {
  const text = read(storage, SAVED_KEY);
  if (!text) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const seen = new Set<string>();
  const list: SavedScenario[] = [];
  for (const item of data as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { name, link } = item as Record<string, unknown>;
    if (typeof name !== 'string' || typeof link !== 'string') continue;
    const clean = cleanName(name);
    if (clean === '' || seen.has(clean)) continue;
    seen.add(clean);
    list.push({ name: clean, link });
  }
  return list.slice(0, MAX_SAVED);
}

function writeSaved(storage: Store | null, list: readonly SavedScenario[]): boolean {
  return write(storage, SAVED_KEY, JSON.stringify(list));
}

export type SaveOutcome = { ok: true; list: SavedScenario[] } | { ok: false; message: string };

/** Saves (or replaces) a scenario under a name. */
export function saveNamed(storage: Store | null, name: string, scenario: Scenario): SaveOutcome {
  const clean = cleanName(name);
  if (clean === '') return { ok: false, message: 'Give the scenario a name.' };
  const rest = listSaved(storage).filter((s) => s.name !== clean);
  if (rest.length >= MAX_SAVED) {
    return { ok: false, message: `At most ${MAX_SAVED} scenarios can be saved; delete one first.` };
  }
  const list = [...rest, { name: clean, link: encodeLink(scenario) }].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  return writeSaved(storage, list) ? { ok: true, list } : unsaved();
}

export function renameSaved(storage: Store | null, from: string, to: string): SaveOutcome {
  const clean = cleanName(to);
  if (clean === '') return { ok: false, message: 'Give the scenario a name.' };
  const list = listSaved(storage);
  if (clean !== from && list.some((s) => s.name === clean)) {
    return { ok: false, message: `A scenario named “${clean}” is already saved.` };
  }
  const next = list
    .map((s) => (s.name === from ? { ...s, name: clean } : s))
    .sort((a, b) => a.name.localeCompare(b.name));
  return writeSaved(storage, next) ? { ok: true, list: next } : unsaved();
}

export function deleteSaved(storage: Store | null, name: string): SaveOutcome {
  const next = listSaved(storage).filter((s) => s.name !== name);
  return writeSaved(storage, next) ? { ok: true, list: next } : unsaved();
}

function unsaved(): SaveOutcome {
  return { ok: false, message: 'This browser did not let the page save (storage is off or full).' };
}
