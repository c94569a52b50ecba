/** Issue 9: the heatmap's estimated map (what terminals show) beside the true one. */

import { expect, test } from './fixtures';
import { chartLabel, playToEnd } from './helpers';

test('the heatmap switches to the estimated map by keyboard and says how wrong it is', async ({
  page,
}) => {
  await page.goto('/?v=2&steps=200');
  await playToEnd(page);

  const maps = page.getByRole('group', { name: 'Heatmap shows' });
  const trueMap = maps.getByRole('button', { name: 'True map' });
  const estimated = maps.getByRole('button', { name: 'Estimated (what terminals show)' });
  await expect(trueMap).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => chartLabel(page, 'Liquidation heatmap')).toContain('Map shown: TRUE');

  // Tab from the true map's button to the estimate's, Enter: the chart is the estimated map.
  await trueMap.focus();
  await page.keyboard.press('Tab');
  await expect(estimated).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(estimated).toHaveAttribute('aria-pressed', 'true');
  await expect(trueMap).toHaveAttribute('aria-pressed', 'false');
  await expect
    .poll(() => chartLabel(page, 'Liquidation heatmap'))
    .toMatch(/^Liquidation heatmap after 200 of 200 minutes.*Map shown: ESTIMATED/);
  await expect(page.locator('svg .map-label')).toHaveText('ESTIMATED');

  // The miss/invent figures at the minute shown: four shares, each 0–100 %.
  const figures = page.getByTestId('estimate-figures');
  await expect(figures).toContainText('At min 199 the estimate misses');
  await expect(figures).toContainText('of the true fuel within ±5 % of the price and invents');
  const shares = await figures.locator('[data-share]').allInnerTexts();
  expect(shares).toHaveLength(4);
  for (const s of shares) {
    const match = /^(\d+) %$/.exec(s);
    expect(match, `share "${s}"`).not.toBeNull();
    expect(Number(match?.[1])).toBeLessThanOrEqual(100);
  }

  // Shift+Tab back to the true map, Space: TRUE again.
  await page.keyboard.press('Shift+Tab');
  await expect(trueMap).toBeFocused();
  await page.keyboard.press('Space');
  await expect(trueMap).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => chartLabel(page, 'Liquidation heatmap')).toContain('Map shown: TRUE');
  await expect(page.locator('svg .map-label')).toHaveText('TRUE');
});
