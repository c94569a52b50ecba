/**
 * The link is the scenario: on load, the address is decoded (corrections and unreadable links
 * become a notice, never a blank page); as each run starts, the address is replaced with that
 * run's link, so the address bar always links to what is on screen.
 */

import {
  decodeLink,
  defaultScenario,
  encodeLink,
  matchingPreset,
  type Scenario,
  type View,
} from '../scenario';
import type { LinkNotice } from './slices';
import type { AppState, AppStore } from './store';

export interface LinkState {
  scenario: Scenario;
  view: View;
  /** Compare mode's scenario B (the link's `b.` keys), or null. */
  compare?: Scenario | null;
  notice: LinkNotice | null;
}

/** Most corrections a notice lists; a link of a thousand junk keys ends with a count instead. */
export const MAX_NOTICE_ITEMS = 10;

/** The first `max` messages, and one saying how many more there were. */
export function capMessages(messages: readonly string[], max = MAX_NOTICE_ITEMS): string[] {
  if (messages.length <= max) return [...messages];
  const more = messages.length - (max - 1);
  return [...messages.slice(0, max - 1), `… and ${more.toLocaleString('en-US')} more corrections`];
}

/** Whether the page was opened with a link (a query or hash), which wins over a kept scenario. */
export function hasLink(location: { search: string; hash: string }): boolean {
  return location.search.replace(/^\?/, '') !== '' || location.hash.replace(/^#/, '') !== '';
}

/** Reads the scenario and view from a location's query (or hash). Never throws. */
export function readLink(location: { search: string; hash: string }): LinkState {
  const decoded = decodeLink(`${location.search}${location.hash}`);
  if (!decoded.ok) {
    return {
      scenario: defaultScenario(),
      view: {},
      compare: null,
      notice: {
        kind: 'link-error',
        message: `${decoded.error.message} Showing the default scenario instead.`,
      },
    };
  }
  const messages = capMessages(decoded.corrections.map((c) => c.message));
  return {
    scenario: decoded.scenario,
    view: decoded.view,
    compare: decoded.compare ?? null,
    notice: messages.length > 0 ? { kind: 'corrections', messages } : null,
  };
}

/**
 * The link of a scenario as written to the address bar: only `?query`, relative to the current
 * page, so it resolves to the same origin and path whatever the path is (a path such as
 * `//evil.example/` would make `${pathname}?…` a protocol-relative, cross-origin URL).
 */
export function linkFor(
  scenario: Scenario,
  view: View = {},
  compare: Scenario | null = null,
): string {
  return `?${encodeLink(scenario, view, compare)}`;
}

/** The full address of a scenario's link (and B's, in compare mode), to copy and share. */
export function shareUrl(
  scenario: Scenario,
  view: View,
  location: { href: string },
  compare: Scenario | null = null,
): string {
  const page = location.href.replace(/[?#].*$/, '');
  return `${page}${linkFor(scenario, view, compare)}`;
}

/**
 * The view keys that follow the page: the teaching keys in force (shown and locked controls,
 * tour and stage, embed, autoplay), the preset these values are (a label), presentation mode.
 */
export function teachView(s: Pick<AppState, 'scenario' | 'present' | 'teach'>): View {
  const view: View = { ...s.teach };
  const preset = matchingPreset(s.scenario);
  if (preset) view.preset = preset.name;
  if (s.present) view.present = true;
  return view;
}

type Win = Pick<Window, 'history' | 'location'>;

/**
 * Replaces the address with the scenario's link (no new history entry per slider move). Returns
 * false if the browser refused (a sandboxed frame, an odd document URL): the page goes on
 * without a synced address rather than failing.
 */
export function writeLink(
  scenario: Scenario,
  win: Win = window,
  view: View = {},
  compare: Scenario | null = null,
): boolean {
  const next = linkFor(scenario, view, compare);
  if (win.location.search === next && win.location.hash === '') return true;
  try {
    win.history.replaceState(win.history.state, '', next);
    return true;
  } catch {
    return false;
  }
}

/**
 * The address bar's policy, as the controller's `onCommit`. A link that needed correcting, or
 * that holds view keys (`t=`), stays as it was sent while its scenario is on screen: nothing the
 * user was sent is lost, and reopening it shows the same page. Once the scenario changes, the
 * address follows it and the link notice, which spoke of the old address, goes.
 */
export function createAddressSync(store: AppStore, link: LinkState, win: Win = window) {
  const sent = encodeLink(link.scenario, {}, link.compare ?? null);
  let keepSent = link.notice !== null || Object.keys(link.view).length > 0;
  return (scenario: Scenario): void => {
    const { compare } = store.getState();
    if (keepSent && encodeLink(scenario, {}, compare) === sent) return;
    if (keepSent && store.getState().notice === link.notice) store.getState().setNotice(null);
    keepSent = false;
    writeLink(scenario, win, teachView({ ...store.getState(), scenario }), compare);
  };
}

/**
 * Keeps the address's view keys those in force when they change without a new run: a tour's
 * stage, the shown controls, presentation mode switched, compare mode's B.
 */
export function followView(store: AppStore, win: Win = window): () => void {
  return store.subscribe((s, prev) => {
    // Compare mode opened, closed or B changed: the link carries B's keys (or drops them).
    if (s.teach !== prev.teach || s.present !== prev.present || s.compare !== prev.compare) {
      writeLink(s.scenario, win, teachView(s), s.compare);
    }
  });
}
