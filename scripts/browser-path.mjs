// Which Chromium Playwright launches. Shared by playwright.config.ts and
// scripts/ensure-browser.mjs so that the check and the run agree.
//
// Order: $CHROMIUM_PATH, then Playwright's own Chromium (if it was installed
// with `npx playwright install chromium`), then the system one. Playwright
// cannot download browsers on every machine, so the system Chromium
// (Debian: `apt-get install -y chromium`) is a first-class option.
import { accessSync, constants } from 'node:fs';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags for a headless Chromium in a container (root, no GPU, no network chatter). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * @param {string | undefined} path
 * @returns {path is string}
 */
export function isExecutable(path) {
  if (!path) return false;
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @returns {string | undefined} the path of Playwright's bundled Chromium, if installed */
export function bundledChromium() {
  try {
    const path = chromium.executablePath();
    return isExecutable(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @typedef {{ path: string, source: 'CHROMIUM_PATH' | 'playwright' | 'system' }} ResolvedBrowser
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {ResolvedBrowser | undefined} the Chromium to launch, or undefined if none is found
 */
export function resolveChromium(env = process.env) {
  const fromEnv = env.CHROMIUM_PATH;
  if (isExecutable(fromEnv)) return { path: fromEnv, source: 'CHROMIUM_PATH' };
  const bundled = bundledChromium();
  if (bundled) return { path: bundled, source: 'playwright' };
  if (isExecutable(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'system' };
  return undefined;
}
