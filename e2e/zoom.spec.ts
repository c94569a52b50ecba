/** Zooming the price chart's time axis: a brush, the keyboard, two fingers; a double click resets. */

import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SHORT, playToEnd } from './helpers';

const priceChart = (page: Page) => page.getByRole('img', { name: /^Price chart/ });

/** The first and last minute labelled on the chart's time axis. */
async function axisMinutes(chart: Locator): Promise<[number, number]> {
  const labels = await chart.locator('g.x-axis text.tick').allTextContents();
  const minutes = labels.map((l) => Number(l.replace(/,/g, '')));
  return [minutes[0], minutes[minutes.length - 1]];
}

/** The plot's box on the page (the hit area under the pointer). */
async function plotBox(chart: Locator) {
  const box = await chart.locator('svg > rect[style*="crosshair"]').boundingBox();
  if (!box) throw new Error('no plot');
  return box;
}

test('a drag across the price chart zooms to the minutes under it; a double click resets', async ({
  page,
}) => {
  await page.goto(SHORT);
  await playToEnd(page);
  const chart = priceChart(page);
  const whole = await axisMinutes(chart);
  expect(whole[0]).toBe(0);
  // The mouse drags where a user would: on the chart scrolled into view.
  await chart.scrollIntoViewIfNeeded();
  const box = await plotBox(chart);
  const y = box.y + box.height / 2;
  // Minutes 100 to 150 of 200.
  await page.mouse.move(box.x + box.width * 0.5, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, y, { steps: 4 });
  await expect(chart.locator('rect.brush')).toBeVisible();
  await page.mouse.move(box.x + box.width * 0.75, y, { steps: 4 });
  await page.mouse.up();
  await expect(chart.locator('rect.brush')).toBeHidden();
  await expect.poll(() => axisMinutes(chart)).not.toEqual(whole);
  const [from, to] = await axisMinutes(chart);
  expect(from).toBeGreaterThanOrEqual(100);
  expect(to).toBeLessThanOrEqual(150);
  await page.mouse.dblclick(box.x + box.width * 0.3, y);
  await expect.poll(() => axisMinutes(chart)).toEqual(whole);
});

test('the keyboard zooms the focused price chart: + in, − out, 0 the whole run', async ({
  page,
}) => {
  await page.goto(SHORT);
  await playToEnd(page);
  const chart = priceChart(page);
  const whole = await axisMinutes(chart);
  await chart.focus();
  await expect(chart).toBeFocused();
  await expect(chart).toHaveAttribute('aria-keyshortcuts', '+ - 0');
  await page.keyboard.press('+');
  await expect.poll(() => axisMinutes(chart)).not.toEqual(whole);
  const once = await axisMinutes(chart);
  await page.keyboard.press('+');
  await expect
    .poll(async () => (await axisMinutes(chart))[1] - (await axisMinutes(chart))[0])
    .toBeLessThan(once[1] - once[0]);
  await page.keyboard.press('-');
  await expect.poll(() => axisMinutes(chart)).toEqual(once);
  await page.keyboard.press('0');
  await expect.poll(() => axisMinutes(chart)).toEqual(whole);
  // The zoom keys do not reach the page: the run did not step or restart.
  await expect(page.getByTestId('step-counter')).toContainText('step 200 /');
  // A double click resets a keyboard zoom too.
  await page.keyboard.press('+');
  await expect.poll(() => axisMinutes(chart)).not.toEqual(whole);
  const box = await plotBox(chart);
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => axisMinutes(chart)).toEqual(whole);
});

test('two fingers spreading apart zoom the price chart in', async ({ page }) => {
  await page.goto(SHORT);
  await playToEnd(page);
  const chart = priceChart(page);
  const whole = await axisMinutes(chart);
  // The fingers touch where a user would: on the chart scrolled into view.
  await chart.scrollIntoViewIfNeeded();
  const box = await plotBox(chart);
  const y = box.y + box.height / 2;
  const mid = box.x + box.width / 2;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', spread: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints:
        type === 'touchEnd'
          ? []
          : [
              { x: mid - spread, y, id: 1 },
              { x: mid + spread, y, id: 2 },
            ],
    });
  await touch('touchStart', 20);
  for (const spread of [40, 60, 80, 100]) await touch('touchMove', spread);
  await touch('touchEnd', 0);
  await expect.poll(() => axisMinutes(chart)).not.toEqual(whole);
  const [from, to] = await axisMinutes(chart);
  expect(to - from).toBeLessThan(whole[1] - whole[0]);
});
