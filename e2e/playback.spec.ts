import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  LONG,
  SHORT,
  afterPageTimers,
  pauseAndSettle,
  recordRuns,
  recorded,
  setSpeed,
  shownStep,
  waitReady,
  workerLog,
} from './helpers';

/** Whether each chart has drawn marks: canvas pixels or SVG paths with data. */
async function chartsDrawn(page: Page) {
  return page.evaluate(() => {
    const charts = [...document.querySelectorAll<HTMLElement>('[role="img"]')];
    return charts.map((chart) => {
      const paths = [...chart.querySelectorAll('svg path')].filter(
        (p) => (p.getAttribute('d') ?? '').length > 20,
      ).length;
      let lit = 0;
      const canvas = chart.querySelector('canvas');
      const ctx = canvas?.getContext('2d');
      if (canvas && ctx && canvas.width > 0 && canvas.height > 0) {
        const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < data.length; i += 4)
          if (data[i] + data[i + 1] + data[i + 2] > 60) lit++;
      }
      return { label: chart.getAttribute('aria-label') ?? '', paths, lit, canvas: !!canvas };
    });
  });
}

test('play makes every chart draw and the step counter move; pause stops it', async ({ page }) => {
  await recordRuns(page);
  await page.goto(LONG);
  await waitReady(page);
  await setSpeed(page, '60');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => shownStep(page)).toBeGreaterThan(40);

  const drawn = await chartsDrawn(page);
  expect(drawn).toHaveLength(3);
  for (const chart of drawn) {
    expect(chart.label).not.toMatch(/waiting/);
    expect(chart.paths).toBeGreaterThan(0);
  }
  const heatmap = drawn.find((c) => c.canvas);
  expect(heatmap?.lit).toBeGreaterThan(100);

  const paused = await pauseAndSettle(page, () =>
    page.getByRole('button', { name: 'Pause' }).click(),
  );
  expect(paused).toBeGreaterThan(40);
  expect(paused).toBeLessThan(3000);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('step advances by one, by button and by the right arrow', async ({ page }) => {
  await page.goto(SHORT);
  await waitReady(page);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step-counter')).toContainText('step 1 /');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-counter')).toContainText('step 2 /');
});

test('space plays and pauses', async ({ page }) => {
  await recordRuns(page);
  await page.goto(LONG);
  await waitReady(page);
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => shownStep(page)).toBeGreaterThan(0);
  await pauseAndSettle(page, () => page.keyboard.press('Space'));
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('reset goes back to step 0', async ({ page }) => {
  await page.goto(SHORT);
  await waitReady(page);
  await page.getByRole('button', { name: 'Step' }).click();
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step-counter')).toContainText('step 2 /');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByTestId('step-counter')).toContainText('step 0 /');
});

test('holding space toggles once: its auto-repeats do not flap play and pause', async ({
  page,
}) => {
  await recordRuns(page);
  await page.goto(LONG);
  await waitReady(page);
  await page.getByRole('heading', { level: 1 }).click();
  // A held key: one press, then key-downs with `repeat` set, then the release.
  for (let i = 0; i < 4; i++) await page.keyboard.down('Space');
  await page.keyboard.up('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  // Frames well after the key events: any pause they caused has been acknowledged by now.
  const { rows } = await recorded(page);
  await expect
    .poll(async () => (await recorded(page)).rows.length)
    .toBeGreaterThan(rows.length + 3);
  expect((await workerLog(page)).filter(([type]) => type === 'paused')).toEqual([]);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('Step right after a slider change steps the new run', async ({ page }) => {
  await recordRuns(page);
  await page.goto(SHORT);
  await waitReady(page);
  const steps = page.getByRole('slider', { name: 'Steps', exact: true });
  await steps.focus();
  await steps.press('ArrowRight');
  // Within the change's debounce: the new run is set up at once and takes the step.
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('step-counter')).toContainText('step 1 / 210');
  // Past the moment the change's debounce was due: it does not load the run a second time.
  await afterPageTimers(page, 400);
  expect((await recorded(page)).loads.map((l) => l.steps)).toEqual([200, 210]);
  await expect(page.getByTestId('step-counter')).toContainText('step 1 / 210');
});
