import { expect, test } from './fixtures';
import { SHORT, allFigures, playToEnd, slider, waitReady, waitStep } from './helpers';

test('Copy link at a minute gives the same minute and figures in a fresh browser', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${SHORT}&t=120`);
  // The link's minute: the run is computed up to it and paused there.
  await waitStep(page, 120);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const figures = await allFigures(page);
  expect(figures.liquidations).not.toBe('–');

  await page.getByRole('checkbox', { name: /at minute 120/ }).check();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByTestId('copy-status')).toHaveText('Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(new RegExp(`^${baseURL}/\\?v=2&seed=3&.*&t=120$`));

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(copied);
  await waitStep(other, 120);
  await expect.poll(() => allFigures(other)).toEqual(figures);
  await fresh.close();
});

test('a link with a bad t opens at a clamped minute and says so', async ({ page }) => {
  await page.goto(`${SHORT}&t=9999`);
  await waitStep(page, 200);
  await expect(page.getByTestId('link-notice')).toContainText(
    't: 9999 is after the end of the run (200 minutes); opening at minute 200',
  );
});

test('a link on a `//host/` path renders, and the address stays on this origin', async ({
  page,
  baseURL,
}) => {
  await page.goto(`${baseURL}//evil.example/?v=1&seed=3&positions=5000&steps=200`);
  await waitReady(page);
  await expect(page.getByRole('img', { name: /^Price/ })).toBeVisible();
  await slider(page, 'Shock').focus();
  await page.keyboard.press('ArrowLeft');
  // Read as the root of this origin: the scenario kept, the catch-all path dropped.
  await expect(page).toHaveURL(
    new RegExp(`^${baseURL}/\\?v=2&seed=3&positions=5000&.*shock=-8\\.5`),
  );
});

test('the build runs from a sub-folder (relative asset paths)', async ({ page, baseURL }) => {
  // Serves the build under /school/lab/ as a static host would.
  await page.context().route('**/school/lab/**', async (route) => {
    const url = route.request().url().replace('/school/lab/', '/');
    await route.fulfill({ response: await route.fetch({ url }) });
  });
  await page.goto(`${baseURL}/school/lab/${SHORT.slice(1)}`);
  await playToEnd(page);
  await expect(page).toHaveURL(/\/school\/lab\/\?v=2&seed=3/);
});

test('v=0 keeps the readable values, says what it did, and the notice goes with the link', async ({
  page,
}) => {
  await page.goto('/?v=0&leverage=20&seed=4');
  const notice = page.getByTestId('link-notice');
  await expect(notice).toContainText('v: "0" is not a version number; reading the link as v=1');
  await expect(slider(page, 'Leverage')).toHaveAttribute('aria-valuetext', '20 ×');
  await waitReady(page);
  await slider(page, 'Shock').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/\?v=2&seed=4&.*leverage=20&/);
  await expect(notice).toHaveCount(0);
});

test('a link of many junk keys lists ten corrections and counts the rest', async ({ page }) => {
  const junk = Array.from({ length: 300 }, (_, i) => `junk${i}=1`).join('&');
  await page.goto(`/?v=1&${junk}`);
  const items = page.getByTestId('link-notice').getByRole('listitem');
  await expect(items).toHaveCount(10);
  await expect(items.last()).toHaveText('… and 291 more corrections');
});
