/** Offline after the first visit: the service worker keeps the page and its files. */

import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { SHORT, chartLabel, openMenu, waitReady } from './helpers';

test('after one visit the app opens, runs and exports with the network gone', async ({
  page,
  context,
}) => {
  await page.goto(SHORT);
  await waitReady(page);
  // The service worker is installed (its files kept) once it controls the page.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 120_000,
    })
    .toBe(true);

  await context.setOffline(true);
  try {
    await page.reload();
    await waitReady(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Cascade Lab' })).toBeVisible();
    await expect
      .poll(() => chartLabel(page, 'Liquidation heatmap'))
      .toMatch(/^Liquidation heatmap before minute 0 of 200: most fuel at/);
    // The simulation worker came from the cache too: it steps.
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('step-counter')).toContainText('step 1 / 200');
    // So did the export worker.
    const menu = await openMenu(page, 'Export');
    const next = page.waitForEvent('download');
    await menu.getByRole('button', { name: 'Buckets (CSV)', exact: true }).click();
    const lines = readFileSync(await (await next).path(), 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines[0]).toMatch(/^step,bucketLow,bucketHigh,/);
    expect(lines.length).toBeGreaterThan(1);
  } finally {
    await context.setOffline(false);
  }
});
