/**
 * The link is the scenario: on load, the address is decoded (corrections and unreadable links
 * become a notice, never a blank page); as each run starts, the address is replaced with that
 * run's link, so the address bar always links to what is on screen.
 */

import { decodeScenario, defaultScenario, encodeScenario, type Scenario } from '../scenario';
import type { LinkNotice } from './slices';

export interface LinkState {
  scenario: Scenario;
  notice: LinkNotice | null;
}

/** Reads the scenario from a location's query (or hash). Never throws. */
export function readLink(location: { search: string; hash: string }): LinkState {
  const decoded = decodeScenario(`${location.search}${location.hash}`);
  if (!decoded.ok) {
    return {
      scenario: defaultScenario(),
      notice: {
        kind: 'link-error',
        message: `${decoded.error.message} Showing the default scenario instead.`,
      },
    };
  }
  const messages = decoded.corrections.map((c) => c.message);
  return {
    scenario: decoded.scenario,
    notice: messages.length > 0 ? { kind: 'corrections', messages } : null,
  };
}

/** The path and query of a scenario's link, relative to the current page. */
export function linkFor(scenario: Scenario, pathname: string): string {
  return `${pathname}?${encodeScenario(scenario)}`;
}

/** Replaces the address with the scenario's link (no new history entry per slider move). */
export function writeLink(scenario: Scenario, win: Pick<Window, 'history' | 'location'> = window) {
  const next = linkFor(scenario, win.location.pathname);
  if (`${win.location.pathname}${win.location.search}` === next && win.location.hash === '') return;
  win.history.replaceState(win.history.state, '', next);
}
