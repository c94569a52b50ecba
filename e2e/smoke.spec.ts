import { expect, test } from './fixtures';
import { waitReady } from './helpers';

test('the page loads without console errors', async ({ page, consoleErrors }) => {
  await page.goto('/');

  await expect(page).toHaveTitle('Cascade Lab');
  await expect(page.getByRole('heading', { level: 1, name: 'Cascade Lab' })).toBeVisible();
  // Set up and ready: not "setting up", Play can be pressed, and the counter is at step 0.
  await waitReady(page);
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect(page.getByTestId('step-counter')).toHaveText('step 0 / 600 (min)');
  expect(consoleErrors).toEqual([]);
});

test('every chart is an image with a label, and every control has a name', async ({ page }) => {
  await page.goto('/');
  const charts = page.getByRole('img');
  await expect(charts).toHaveCount(3);
  for (const chart of await charts.all()) {
    await expect(chart).toHaveAttribute('aria-label', /\w{4,}/);
  }
  await expect(page.getByRole('img', { name: /^Price/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /heatmap/i })).toBeVisible();
  await expect(page.getByRole('img', { name: /order.book|depth/i })).toBeVisible();

  // Every control on screen (a closed dialog's are not, until it opens).
  const controls = page.locator('input, select, button').filter({ visible: true });
  expect(await controls.count()).toBeGreaterThan(30);
  for (const control of await controls.all()) {
    await expect(control).toHaveAccessibleName(/\S/);
  }
  // A dialog's controls once it is open.
  await page.getByRole('button', { name: 'Glossary' }).click();
  const dialogControls = page.getByRole('dialog').locator('input, select, button');
  expect(await dialogControls.count()).toBeGreaterThan(0);
  for (const control of await dialogControls.all()) {
    await expect(control).toHaveAccessibleName(/\S/);
  }
  await page.keyboard.press('Escape');
  for (const name of ['Leverage', 'Liquidity', 'Long share', 'Shock', 'Positions']) {
    await expect(page.getByRole('slider', { name, exact: true })).toBeVisible();
  }
  const sections = page.getByRole('complementary', { name: 'Scenario' }).locator('summary');
  await expect(sections).toHaveText(['Traders', 'Market', 'Shock', 'Exchange rules', 'Run'], {
    ignoreCase: true,
  });
});
