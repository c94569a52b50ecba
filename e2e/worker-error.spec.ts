import { expect, test } from './fixtures';
import { SHORT, setSpeed, shownStep, waitReady } from './helpers';

test('a worker error shows its message and Restart brings the run back', async ({ page }) => {
  await page.goto(SHORT);
  await waitReady(page);
  await setSpeed(page, '60');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => shownStep(page)).toBeGreaterThan(5);

  // The page's test hook (see src/main.tsx): makes the worker throw inside a handler.
  await page.evaluate(() => {
    const lab = (window as { __cascadeLab?: { crashWorker(): void } }).__cascadeLab;
    lab?.crashWorker();
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The simulation stopped');
  await expect(alert).toContainText('crashed on purpose');
  // The page is still there: charts and controls stay on screen.
  await expect(page.getByRole('img', { name: /^Price/ })).toBeVisible();

  await alert.getByRole('button', { name: 'Restart' }).click();
  await expect(alert).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => shownStep(page)).toBeGreaterThan(5);
});
