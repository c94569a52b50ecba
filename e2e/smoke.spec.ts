import { expect, test } from '@playwright/test';

test('the page loads without console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));

  await page.goto('/');

  await expect(page).toHaveTitle('Cascade Lab');
  await expect(page.getByRole('heading', { level: 1, name: 'Cascade Lab' })).toBeVisible();
  expect(errors).toEqual([]);
});
