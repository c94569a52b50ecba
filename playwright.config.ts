import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from './scripts/browser-path.mjs';

// E2E_PORT lets several checkouts run their e2e suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_URL = `http://127.0.0.1:${PORT}`;

// Same resolution as scripts/ensure-browser.mjs, which runs first in `npm run e2e`.
const browser = resolveChromium();

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: true,
  retries: 0,
  // Journeys mostly wait on the page (a run to draw, a debounce, a download): the whole suite
  // used ~3 of its 9.4 minutes of wall in CPU on one worker here. So one worker per core, and
  // journeys spread across them one by one rather than file by file (the lab's and the
  // sliders' long journeys would otherwise hold their files' others behind them). Every wait
  // is on state (below), so a loaded machine makes a journey slower, not red.
  workers: Math.max(1, availableParallelism()),
  fullyParallel: true,
  // Bounds, not delays: every wait is on state and ends as soon as it holds. They only catch a
  // hang, so they are wide enough for a 2-core machine loaded several times over (seen: 8x
  // slower than quiet) to be slower, not red; a failure takes longer to report, nothing else.
  timeout: 300_000,
  expect: { timeout: 60_000 },
  reporter: 'list',
  use: {
    baseURL: BASE_URL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        headless: true,
        launchOptions: {
          executablePath: browser?.path,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  // Serves the production build; `npm test` builds before it runs e2e.
  webServer: {
    command: `npm run preview -- --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
