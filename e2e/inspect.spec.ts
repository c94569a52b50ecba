/** Inspecting a run: the scrubber, the event log, the readout. */

import { expect, test } from './fixtures';
import {
  SHORT,
  chartLabel,
  figureTexts,
  playToEnd,
  scrubber,
  setSpeed,
  shownStep,
  waitReady,
} from './helpers';

/** Like SHORT, with the shock at minute 5, so a few steps reach the cascade. */
const EARLY_SHOCK = '/?v=1&seed=3&positions=5000&steps=200&shockStep=5';

test('scrubbing back shows the order book and the figures of that minute', async ({ page }) => {
  await page.goto(EARLY_SHOCK);
  await waitReady(page);
  // Live at minute 9 (10 steps run, a few minutes into the shock), remember what it shows.
  for (let i = 1; i <= 10; i++) {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('step-counter')).toContainText(`step ${i} /`);
  }
  await expect.poll(() => chartLabel(page, 'Order book')).toContain('after 10 of 200 minutes');
  const bookThen = await chartLabel(page, 'Order book');
  await expect(page.getByTestId('figures')).toHaveAttribute('data-steps-run', '10');
  const figuresThen = await figureTexts(page);

  await playToEnd(page);
  await expect.poll(() => chartLabel(page, 'Order book')).toContain('after 200 of 200');
  expect(await chartLabel(page, 'Order book')).not.toBe(bookThen);
  await expect(page.getByTestId('figures')).toHaveAttribute('data-steps-run', '200');
  expect(await figureTexts(page)).not.toEqual(figuresThen);

  // Home, then → 9 times on the focused scrubber: minute 9, and the run does not step.
  const track = scrubber(page);
  await track.focus();
  await track.press('Home');
  for (let i = 0; i < 9; i++) await track.press('ArrowRight');
  await expect(page.getByTestId('scrubber-minute')).toHaveText('min 9 / 199');
  await expect.poll(() => chartLabel(page, 'Order book')).toBe(bookThen);
  await expect(page.getByRole('heading', { name: 'Figures as of minute 9' })).toBeVisible();
  await expect(page.getByTestId('figures')).toHaveAttribute('data-steps-run', '10');
  expect(await figureTexts(page)).toEqual(figuresThen);
  await expect.poll(() => shownStep(page)).toBe(200);

  // ← goes back a minute; End follows the run again.
  await track.press('ArrowLeft');
  await expect(page.getByTestId('scrubber-minute')).toHaveText('min 8 / 199');
  await track.press('End');
  await expect(page.getByTestId('scrubber-minute')).toHaveText('min 199 · live');
  await expect.poll(() => chartLabel(page, 'Order book')).toContain('after 200 of 200');
});

test('the event log lists the run’s moments and each entry jumps there', async ({ page }) => {
  await page.goto(SHORT);
  await playToEnd(page);
  const log = page.getByTestId('event-log');
  const shock = log.getByRole('button', { name: /^min \d+(–\d+)? the shock hits$/ });
  await expect(shock).toBeVisible();
  const entries = await log.getByRole('button').allInnerTexts();
  expect(entries.length).toBeGreaterThan(1);

  // Every entry is a button in the tab order; Enter on one holds the charts at its minute.
  const cascade = log.getByRole('button', { name: /cascade starts/ });
  const minute = Number(/min (\d+)/.exec(await cascade.innerText())?.[1]);
  expect(minute).toBeGreaterThanOrEqual(20);
  await cascade.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scrubber-minute')).toHaveText(`min ${minute} / 199`);
  await expect(cascade).toHaveAttribute('aria-current', 'step');
  await expect
    .poll(() => chartLabel(page, 'Order book'))
    .toContain(`after ${minute + 1} of 200 minutes`);
  await expect(page.getByRole('heading', { name: `Figures as of minute ${minute}` })).toBeVisible();
  // The run itself did not move.
  await expect.poll(() => shownStep(page)).toBe(200);
});

test('the first screen says when the shock hits; after a finished run a change waits at step 0', async ({
  page,
}) => {
  await page.goto(`${SHORT}&shock=-9&shockSteps=1`);
  await waitReady(page);
  await expect(page.getByTestId('start-hint')).toHaveText(
    'A −9 % shock hits at minute 20: press Play.',
  );
  await playToEnd(page);
  await expect(page.getByTestId('start-hint')).toBeHidden();

  const shock = page.getByRole('slider', { name: 'Shock', exact: true });
  await shock.focus();
  await shock.press('ArrowLeft');
  await expect(page).toHaveURL(/shock=-9\.5|shock=-10/);
  await waitReady(page);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByTestId('step-counter')).toContainText('step 0 /');
  await expect(page.getByTestId('start-hint')).toContainText('shock hits at minute 20');
});

test('screen readers hear the key moments and the end; each chart offers its data as a table', async ({
  page,
}) => {
  await page.goto(SHORT);
  await playToEnd(page);
  const region = page.getByTestId('announcer');
  await expect(region).toHaveAttribute('aria-live', 'polite');
  const drawdown = await figureTexts(page).then((f) => f.drawdown);
  await expect(region).toContainText(`Run finished after 200 minutes: Drawdown ${drawdown}`);

  // The price chart's label gives the trough, the drawdown and the events.
  const label = await chartLabel(page, 'Price');
  expect(label).toMatch(/trough \$[\d,.]+ at minute \d+, largest drawdown/);
  expect(label).toContain(`largest drawdown ${drawdown}`);
  expect(label).toMatch(/Events: min \d+(–\d+)? the shock hits/);

  const tables = page.getByText('Data as a table');
  await expect(tables).toHaveCount(3);
  await tables.first().click();
  const table = page.getByRole('table').first();
  await expect(table.getByRole('columnheader', { name: 'Last' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(1 + 50); // every 4th minute of 200
  await expect(table.getByRole('rowheader').last()).toHaveText('199');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('a chart and the figures stay on screen while a slider is moved', async ({ page }) => {
    await page.goto(SHORT);
    await waitReady(page);
    const sheet = page.getByRole('complementary', { name: 'Scenario' });
    // The groups start collapsed, so the sheet shows them all at a glance.
    for (const group of await sheet.locator('details').all()) {
      await expect(group).not.toHaveAttribute('open');
    }
    await sheet.getByText('Shock', { exact: true }).first().click();
    const shock = page.getByRole('slider', { name: 'Shock', exact: true });
    await shock.scrollIntoViewIfNeeded();
    await shock.focus();
    await shock.press('ArrowLeft');
    await expect(page).toHaveURL(/shock=/);
    await expect(shock).toBeInViewport();
    await expect(page.getByRole('img', { name: /^Price chart/ })).toBeInViewport({ ratio: 0.3 });
    await expect(page.getByTestId('figures')).toBeInViewport();

    // The sheet can be put away and brought back.
    await sheet.getByRole('button', { name: 'Hide' }).click();
    await expect(shock).toBeHidden();
    await sheet.getByRole('button', { name: 'Show' }).click();
    await expect(shock).toBeVisible();
  });
});

test('the price readout follows the pointer and the scrubber’s keys', async ({ page }) => {
  await page.goto(SHORT);
  await playToEnd(page);
  const readout = page.getByTestId('price-readout');
  await expect(readout).toHaveAttribute('data-minute', '199');
  await expect(readout).toContainText('insurance fund');

  // The pointer: further right is a later minute, with the crosshair drawn there. (The chart
  // is scrolled to first, as a user would: on a 720 px viewport its middle is below the fold.)
  const chart = page.getByRole('img', { name: /^Price chart/ });
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await expect(readout).not.toHaveAttribute('data-minute', '199');
  const first = Number(await readout.getAttribute('data-minute'));
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  await expect
    .poll(async () => Number(await readout.getAttribute('data-minute')))
    .toBeGreaterThan(first);
  // (A vertical line has no width, so it is never "visible" to Playwright: read its style.)
  const crosshair = chart.locator('line.crosshair');
  await expect(crosshair).not.toHaveCSS('display', 'none');
  await page.mouse.move(0, 0);
  await expect(crosshair).toHaveCSS('display', 'none');
  await expect(readout).toHaveAttribute('data-minute', '199');

  // The keys: the scrubber's minute, with the numbers the price table gives for it.
  const track = scrubber(page);
  await track.focus();
  await track.press('Home');
  for (let i = 0; i < 3; i++) await track.press('ArrowRight');
  await expect(readout).toHaveAttribute('data-minute', '3');
  await page.getByText('Data as a table').first().click();
  const row = page.getByRole('table').first().getByRole('row', { name: /^3 / });
  const last = await row.getByRole('cell').first().innerText();
  await expect(readout).toContainText(`last ${last}`);
});

test('Animate plays the history back from the held minute and ends live', async ({ page }) => {
  await page.goto(SHORT);
  await playToEnd(page);
  const track = scrubber(page);
  await track.focus();
  await track.press('Home');
  await expect(page.getByTestId('scrubber-minute')).toHaveText('min 0 / 199');
  await setSpeed(page, '60');
  await page.getByRole('button', { name: 'Animate' }).click();
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('scrubber-minute')).not.toHaveText('min 0 / 199');
  await expect(page.getByTestId('scrubber-minute')).toHaveText('min 199 · live', {
    timeout: 240_000,
  });
  await expect(page.getByRole('button', { name: 'Animate' })).toBeVisible();
  await expect.poll(() => shownStep(page)).toBe(200);
});

test('the wheel zooms the price chart’s time axis; a double click shows the whole run', async ({
  page,
}) => {
  await page.goto(SHORT);
  await playToEnd(page);
  const chart = page.getByRole('img', { name: /^Price chart/ });
  const firstTick = () => chart.locator('g.x-axis text').first().textContent();
  await expect.poll(firstTick).toBe('0');
  await chart.scrollIntoViewIfNeeded(); // the pointer goes where a user scrolls the chart to
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -200);
  await expect.poll(async () => Number(await firstTick())).toBeGreaterThan(0);
  // Zoomed, the pointer still reads the minute under it.
  await expect(page.getByTestId('price-readout')).not.toHaveAttribute('data-minute', '199');
  await page.mouse.dblclick(box.x + box.width * 0.6, box.y + box.height * 0.5);
  await expect.poll(firstTick).toBe('0');
});
