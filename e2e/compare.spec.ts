import { expect, test } from './fixtures';
import { shownStep, waitReady } from './helpers';

// A small market, so both runs and the paired run over 32 seeds finish quickly on a busy box.
const SMALL = '/?v=2&seed=3&positions=2000&steps=120&shockStep=20&leverage=20';

test('compare mode shows two price paths and a Δ column, in lockstep', async ({ page }) => {
  await page.goto(SMALL);
  await waitReady(page);
  await page.getByRole('button', { name: 'Compare…' }).click();
  await expect(page.getByTestId('compare-panel')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Half the leverage' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await waitReady(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => shownStep(page), { timeout: 30_000 }).toBe(120);
  // A's close and B's close, on one chart, with a legend.
  const price = page.getByTestId('charts');
  await expect(price.locator('path.close')).toHaveAttribute('d', /M/);
  await expect(price.locator('path.compare-close')).toHaveAttribute('d', /M/);
  await expect(page.getByTestId('compare-legend')).toContainText('B (compare)');
  // Heatmap and order book: A and B as small multiples.
  await expect(page.getByTestId('small-multiples')).toHaveCount(2);
  // Figures: A, B and Δ columns, filled.
  const figures = page.getByTestId('compare-figures');
  await expect(figures.getByRole('columnheader', { name: 'Δ (B − A)' })).toBeVisible();
  await expect(figures.locator('[data-figure-delta="liquidatedNotional"]')).not.toHaveText('–');
});

test('the compare link reopens compare mode with the same B after a reload', async ({ page }) => {
  await page.goto(SMALL);
  await waitReady(page);
  await page.getByRole('button', { name: 'Compare…' }).click();
  await page.getByRole('button', { name: 'Circuit breaker' }).click();
  await expect(page).toHaveURL(/&b\.breaker=5/);
  await page.reload();
  await expect(page.getByTestId('compare-panel')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Circuit breaker' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page).toHaveURL(/&b\.breaker=5/);
  // B by hand: its leverage, written to the link as b.leverage.
  await page.getByRole('combobox', { name: 'B’s parameter' }).selectOption('leverage');
  const bLeverage = page.getByRole('slider', { name: 'B · Leverage' });
  await bLeverage.focus();
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(/b\.leverage=1(&|$)/);
  await page.getByRole('button', { name: 'Exit compare' }).click();
  await expect(page.getByTestId('compare-panel')).toHaveCount(0);
  await expect(page).not.toHaveURL(/b\./);
});

test('a bad b. value is corrected with a notice', async ({ page }) => {
  await page.goto(`${SMALL}&b.leverage=500`);
  await expect(page.getByTestId('link-notice')).toContainText('b.leverage: 500');
  await expect(page.getByTestId('compare-panel')).toBeVisible();
});

test('the paired run over 32 seeds shows intervals', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(`${SMALL}&b.leverage=5`);
  await expect(page.getByTestId('compare-panel')).toBeVisible();
  await page.getByRole('button', { name: 'Paired over 32 seeds' }).click();
  const table = page.getByTestId('paired-table');
  await expect(table).toBeVisible({ timeout: 120_000 });
  await expect(table.locator('[data-interval="liquidatedNotional"]')).toContainText('[');
  // The bootstrap ran in its own worker, not on the page's thread.
  expect(workers.some((url) => url.includes('compare.worker'))).toBe(true);
});

test('Compare… and a variant by keyboard alone', async ({ page }) => {
  await page.goto(SMALL);
  await waitReady(page);
  const compare = page.getByRole('button', { name: 'Compare…' });
  await compare.focus();
  await page.keyboard.press('Enter');
  const vault = page.getByRole('button', { name: 'Backstop vault' });
  await expect(vault).toBeVisible();
  await vault.focus();
  await page.keyboard.press('Space');
  await expect(vault).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/b\.backstop=/);
});

test('on a phone the A/B/Δ table shows the key three figures, the rest behind a toggle', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${SMALL}&b.leverage=5`);
  await waitReady(page);
  const figures = page.getByTestId('compare-figures');
  const rows = figures.locator('tbody tr');
  await expect(rows).toHaveCount(9);
  const shown = figures.locator('tbody tr:visible');
  await expect(shown).toHaveCount(3);
  await expect(figures.locator('[data-figure-delta="liquidatedNotional"]')).toBeVisible();
  await expect(figures.locator('[data-figure-delta="badDebt"]')).toBeHidden();
  const toggle = page.getByRole('button', { name: 'All figures (6 more)' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(shown).toHaveCount(9);
  const fewer = page.getByRole('button', { name: 'Key figures only' });
  await expect(fewer).toHaveAttribute('aria-expanded', 'true');
  await expect(fewer).toBeFocused();
  await page.keyboard.press('Space');
  await expect(shown).toHaveCount(3);
  // A wide screen shows every row and no toggle.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(shown).toHaveCount(9);
  await expect(page.getByRole('button', { name: /All figures/ })).toBeHidden();
});
