import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SHORT, setSpeed, shownStep, waitReady } from './helpers';

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

test('DEBUG play makes every chart draw and the step counter move; pause stops it', async ({ page }) => {
  await page.addInitScript(() => {
    const log: string[] = [];
    Object.assign(window, { __log: log });
    const t0 = performance.now();
    const Base = window.Worker;
    window.Worker = class extends Base {
      constructor(u: string | URL, o?: WorkerOptions) {
        super(u, o);
        this.addEventListener('message', (e: MessageEvent) => {
          const m = e.data;
          if (m.type !== 'frames') log.push(`${Math.round(performance.now() - t0)} in ${m.type}`);
          else log.push(`${Math.round(performance.now() - t0)} in f${m.batch.start}+${m.batch.count}`);
        });
      }
      override postMessage(...a: unknown[]): void {
        log.push(`${Math.round(performance.now() - t0)} out ${(a[0] as { type: string }).type}`);
        (super.postMessage as (...x: unknown[]) => void)(...a);
      }
    };
    document.addEventListener('click', (e) => log.push(`${Math.round(performance.now() - t0)} click ${(e.target as HTMLElement).textContent}`), true);
  });
  await page.goto(SHORT);
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

  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(300); // frames already on their way still arrive
  const paused = await shownStep(page);
  await page.waitForTimeout(500);
  const now = await shownStep(page);
  if (now !== paused) console.log((await page.evaluate(() => (window as unknown as { __log: string[] }).__log)).filter((l) => !/in f/.test(l) || Math.random() < 0.2).join('\n'));
  expect(now).toBe(paused);
});

