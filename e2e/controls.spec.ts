import { expect, test } from './fixtures';
import { SHORT, figure, playToEnd } from './helpers';

test('moving the leverage slider changes the URL and the live figures', async ({ page }) => {
  await page.goto(SHORT);
  await playToEnd(page);
  const before = await figure(page, 'liquidations').innerText();
  await expect(page).toHaveURL(/leverage=10(&|$)/);

  const leverage = page.getByRole('slider', { name: 'Leverage', exact: true });
  await leverage.focus();
  await leverage.press('End');
  await expect(leverage).toHaveAttribute('aria-valuetext', '125 ×');
  await expect(page).toHaveURL(/leverage=125(&|$)/);

  // The change restarts the run from step 0, and a finished run plays again.
  await expect(page.getByRole('button', { name: 'Replay' })).toBeVisible({ timeout: 30_000 });
  await expect(figure(page, 'liquidations')).not.toHaveText(before);
});

test('several quick changes restart the run from step 0 with the last value', async ({ page }) => {
  await page.goto(SHORT);
  await playToEnd(page);
  const shock = page.getByRole('slider', { name: 'Shock', exact: true });
  await shock.focus();
  for (let i = 0; i < 6; i++) await shock.press('ArrowLeft');
  await expect(shock).toHaveAttribute('aria-valuetext', '-11 %');
  await expect(page).toHaveURL(/shock=-11(&|$)/);
  await expect(page.getByRole('button', { name: 'Replay' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('step-counter')).toContainText('step 200 / 200');
});

test('the exchange rules have their own section, and switching one restarts the run', async ({
  page,
}) => {
  await page.goto(SHORT);
  const rules = page.locator('details', { hasText: 'Exchange rules' });
  await expect(rules.getByRole('combobox', { name: 'Mark price' })).toBeVisible();
  await expect(rules.getByRole('switch', { name: 'Partial liquidation' })).toBeVisible();
  await expect(rules.getByRole('slider', { name: 'Circuit breaker' })).toHaveAttribute(
    'aria-valuetext',
    'off',
  );
  await rules.getByRole('combobox', { name: 'Mark price' }).selectOption('smoothed');
  await expect(page).toHaveURL(/mark=smoothed/);
  await rules.getByRole('switch', { name: 'Partial liquidation' }).check();
  await expect(page).toHaveURL(/partial=1/);
});
