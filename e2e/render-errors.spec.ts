import { expect, test } from './fixtures';
import { SHORT, shownStep, waitReady } from './helpers';

// React logs each error an error boundary catches with console.error: these journeys expect
// exactly the error they inject, then clear the list the fixture checks.

test('a chart that fails to draw shows its own message; the rest of the page keeps going', async ({
  page,
  consoleErrors,
}) => {
  await page.addInitScript(() => {
    const draw = CanvasRenderingContext2D.prototype.drawImage;
    CanvasRenderingContext2D.prototype.drawImage = function (
      this: CanvasRenderingContext2D,
      ...args: unknown[]
    ) {
      if ((window as { breakCanvas?: boolean }).breakCanvas) throw new Error('injected draw error');
      return (draw as (...a: unknown[]) => void).apply(this, args);
    } as typeof draw;
  });
  await page.goto(SHORT);
  await waitReady(page);
  await page.evaluate(() => Object.assign(window, { breakCanvas: true }));
  await page.getByRole('button', { name: 'Play' }).click();

  const heatmap = page.locator('section', { hasText: 'Liquidation heatmap' });
  await expect(heatmap.getByRole('alert')).toHaveText(
    'The liquidation heatmap chart could not be shown: injected draw error',
  );
  // The other charts and the counter go on.
  await expect.poll(() => shownStep(page)).toBeGreaterThan(20);
  await expect(page.getByRole('img', { name: /^Price/ })).toBeVisible();
  await expect(page.getByRole('img')).toHaveCount(2);
  expect(consoleErrors).toEqual([expect.stringContaining('injected draw error')]);
  consoleErrors.length = 0;
});

test('an error while the page updates shows a message with Reload, never a blank page', async ({
  page,
  consoleErrors,
}) => {
  // Only React sets aria-busy (on the counter, the figures and the charts' grid, outside the
  // charts' own boundaries): make setting it throw on demand.
  await page.addInitScript(() => {
    const set = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
      const broken = (window as { breakBusy?: boolean }).breakBusy;
      if (broken && name === 'aria-busy' && String(value) === 'true')
        throw new Error('injected UI error');
      set.call(this, name, value);
    };
  });
  await page.goto(SHORT);
  await waitReady(page);
  await page.evaluate(() => Object.assign(window, { breakBusy: true }));
  await page.getByRole('button', { name: 'Reset', exact: true }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Something went wrong: injected UI error');
  await expect(page.getByRole('heading', { level: 1, name: 'Cascade Lab' })).toBeVisible();
  // Logged once per element that failed (the counter, the figures, the grid).
  expect(consoleErrors.length).toBeGreaterThan(0);
  for (const e of consoleErrors) expect(e).toContain('injected UI error');
  consoleErrors.length = 0;

  await alert.getByRole('button', { name: 'Reload' }).click();
  await waitReady(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('img', { name: /^Price/ })).toBeVisible();
});
