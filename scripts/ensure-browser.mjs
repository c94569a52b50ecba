#!/usr/bin/env node
// Makes sure a Chromium exists for the e2e tests, installing one if it can.
// Run by `npm run e2e` before `playwright test`; uses the same resolution as
// playwright.config.ts (scripts/browser-path.mjs).
import { spawnSync } from 'node:child_process';
import { isExecutable, resolveChromium } from './browser-path.mjs';

/** @param {string} command @param {string[]} args */
function run(command, args) {
  console.log(`ensure-browser: $ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status === 0;
}

/** @param {string} command */
function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function report() {
  const found = resolveChromium();
  if (found) console.log(`ensure-browser: using ${found.path} (${found.source})`);
  return found;
}

const envPath = process.env.CHROMIUM_PATH;
if (envPath && !isExecutable(envPath)) {
  console.warn(`ensure-browser: CHROMIUM_PATH=${envPath} is not an executable; ignoring it`);
}

if (report()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && hasCommand('apt-get')) {
  console.log('ensure-browser: no Chromium found; installing Debian chromium with apt-get');
  if (run('apt-get', ['update']) && run('apt-get', ['install', '-y', 'chromium']) && report()) {
    process.exit(0);
  }
}

console.log("ensure-browser: trying Playwright's own Chromium");
if (run('npx', ['playwright', 'install', 'chromium']) && report()) process.exit(0);

console.error(
  [
    'ensure-browser: no Chromium for the e2e tests.',
    '  Install one of:',
    '    - Debian/Ubuntu, as root: apt-get update && apt-get install -y chromium',
    '    - Playwright build:       npx playwright install chromium',
    '  or point CHROMIUM_PATH at an existing Chromium/Chrome executable.',
  ].join('\n'),
);
process.exit(1);
