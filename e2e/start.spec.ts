/** The first screen: step 0 shown before Play — where the fuel sits, the book, the shock. */

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  SHORT,
  chartLabel,
  openMenu,
  playToEnd,
  recordRuns,
  waitReady,
  workerLog,
} from './helpers';

/** Path data of the order book's bid rectangles (the first filled path of its book layer). */
function bidPath(page: Page): Promise<string> {
  return page
    .locator('.cascade-chart-depth g.book path')
    .first()
    .evaluate((p) => p.getAttribute('d') ?? '');
}

test('a link opens on step 0 with the fuel and the order book drawn, before Play', async ({
  page,
}) => {
  await recordRuns(page);
  await page.goto(`${SHORT}&shock=-9&shockSteps=1`);
  await waitReady(page);
  await expect(page.getByTestId('start-hint')).toHaveText(
    'A −9 % shock hits at minute 20: press Play.',
  );
  // The heatmap says where the positions' liquidation prices sit; the book is the makers' first.
  await expect
    .poll(() => chartLabel(page, 'Liquidation heatmap'))
    .toMatch(
      /^Liquidation heatmap before minute 0 of 200: most fuel at \$[\d,.]+–\$[\d,.]+ \(\$[\d.]+[kMB]?\); \$[\d.]+[kMB]? would be liquidated below the price/,
    );
  await expect
    .poll(() => chartLabel(page, 'Order book'))
    .toMatch(/^Order book before minute 0 of 200: bids \$[\d.]+[kMB] and asks \$[\d.]+[kMB]/);
  expect((await bidPath(page)).length).toBeGreaterThan(20);
  // Nothing was simulated to show it: the worker sent no frame, the counter is at step 0.
  expect((await workerLog(page)).filter(([type]) => type === 'frames')).toEqual([]);
  await expect(page.getByTestId('step-counter')).toContainText('step 0 /');

  // One step: the charts show minute 0's frame, and the run has one row (the opening is none).
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step-counter')).toContainText('step 1 /');
  await expect.poll(() => chartLabel(page, 'Order book')).toContain('after 1 of 200 minutes');
  await expect
    .poll(() => chartLabel(page, 'Liquidation heatmap'))
    .toContain('after 1 of 200 minutes');
  const menu = await openMenu(page, 'Export');
  const next = page.waitForEvent('download');
  await menu.getByRole('button', { name: 'Frames (CSV)', exact: true }).click();
  const csv = readFileSync(await (await next).path(), 'utf8')
    .trimEnd()
    .split('\n');
  expect(csv).toHaveLength(2);
  expect(csv[1].split(',')[0]).toBe('0');
});

test('after a finished run a slider change shows the new run’s step 0, paused', async ({
  page,
}) => {
  await page.goto(SHORT);
  await playToEnd(page);
  await expect.poll(() => chartLabel(page, 'Order book')).toContain('after 200 of 200');
  const leverage = page.getByRole('slider', { name: 'Leverage', exact: true });
  await leverage.focus();
  await leverage.press('ArrowRight');
  await waitReady(page);
  await expect(page.getByTestId('step-counter')).toContainText('step 0 /');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect
    .poll(() => chartLabel(page, 'Liquidation heatmap'))
    .toMatch(/^Liquidation heatmap before minute 0 of 200: most fuel at/);
  await expect
    .poll(() => chartLabel(page, 'Order book'))
    .toMatch(/^Order book before minute 0 of 200: bids/);
});
