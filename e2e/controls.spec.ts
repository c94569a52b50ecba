import { expect, test } from './fixtures';
import {
  SHORT,
  changeQuickly,
  figure,
  playToEnd,
  recordRuns,
  recorded,
  waitReady,
} from './helpers';

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

  // The change sets the new run up paused at step 0 (the old one had finished); Play runs it.
  await waitReady(page);
  await expect(page.getByTestId('step-counter')).toContainText('step 0 / 200');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Replay' })).toBeVisible({ timeout: 240_000 });
  await expect(figure(page, 'liquidations')).not.toHaveText(before);
});

test('several quick changes restart the run from step 0 with the last value', async ({ page }) => {
  await recordRuns(page);
  await page.goto(SHORT);
  await playToEnd(page);
  expect((await recorded(page)).loads).toEqual([expect.objectContaining({ shock: -8 })]);
  const shock = page.getByRole('slider', { name: 'Shock', exact: true });
  await changeQuickly(shock, 6);
  await expect(shock).toHaveAttribute('aria-valuetext', '-11 %');
  await expect(page).toHaveURL(/shock=-11(&|$)/);
  // Set up paused at step 0 after the finished run; Play streams it to its end.
  await waitReady(page);
  await expect(page.getByTestId('step-counter')).toContainText('step 0 / 200');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Replay' })).toBeVisible({ timeout: 240_000 });
  await expect(page.getByTestId('step-counter')).toContainText('step 200 / 200');
  // One run for the six changes, of the last value, streamed from step 0 to its end.
  const { loads, rows } = await recorded(page);
  expect(loads).toEqual([
    expect.objectContaining({ shock: -8 }),
    expect.objectContaining({ shock: -11 }),
  ]);
  const ofLast = rows.filter(([g]) => g === loads[1].generation);
  expect(ofLast[0][1]).toBe(0);
  for (let i = 1; i < ofLast.length; i++) {
    expect(ofLast[i][1]).toBe(ofLast[i - 1][1] + ofLast[i - 1][2]);
  }
  expect(ofLast.reduce((n, [, , count]) => n + count, 0)).toBe(200);
});

test('while a changed run is set up, the counter and figures show it is not the old run', async ({
  page,
}) => {
  // A million positions take a moment to set up, so the loading state can be looked at.
  await page.goto(SHORT.replace('positions=5000', 'positions=1000000'));
  await waitReady(page);
  for (let i = 1; i <= 3; i++) {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('step-counter')).toContainText(`step ${i} / 200`);
  }
  const counter = page.getByTestId('step-counter');
  const figures = page.getByTestId('figures-panel');
  await expect(figure(page, 'drawdown')).not.toHaveText('–');
  await expect(figures).toHaveAttribute('aria-busy', 'false');

  const steps = page.getByRole('slider', { name: 'Steps', exact: true });
  await steps.focus();
  await steps.press('ArrowRight');
  await expect(counter).toContainText('step – / 210 (min)');
  await expect(counter).toContainText('setting up…');
  await expect(counter).toHaveAttribute('aria-busy', 'true');
  await expect(figures).toHaveAttribute('aria-busy', 'true');
  await expect(figure(page, 'drawdown')).toHaveText('–');
  await expect(figure(page, 'liquidations')).toHaveText('–');

  await waitReady(page);
  await expect(counter).toContainText('step 0 / 210 (min)');
  await expect(figures).toHaveAttribute('aria-busy', 'false');
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
