import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SHORT, openMenu, playToEnd, waitReady } from './helpers';

async function download(page: Page, name: RegExp | string): Promise<Download> {
  const menu = await openMenu(page, 'Export');
  const next = page.waitForEvent('download');
  await menu.getByRole('button', { name, exact: true }).click();
  return next;
}

async function text(d: Download): Promise<string> {
  return readFileSync(await d.path(), 'utf8');
}

test('frames, buckets and report download in the CLI shapes and agree with it', async ({
  page,
}) => {
  await page.goto(SHORT);
  await playToEnd(page);

  const frames = (await text(await download(page, 'Frames (CSV)'))).trimEnd().split('\n');
  expect(frames).toHaveLength(1 + 200); // header + one row per step
  expect(frames[0].split(',')[0]).toBe('step');

  const bucketsFile = await download(page, 'Buckets (CSV)');
  expect(bucketsFile.suggestedFilename()).toBe('cascade-lab-seed3-buckets.csv');
  const buckets = (await text(bucketsFile)).trimEnd().split('\n');
  expect(buckets[0]).toMatch(/^step,bucketLow,bucketHigh,/);
  expect((buckets.length - 1) % 200).toBe(0);
  expect(buckets.length - 1).toBeGreaterThan(200);

  const report = JSON.parse(await text(await download(page, 'Report (JSON)')));
  // The CLI, run on the same link, prints the same JSON and writes the same frames, to the last
  // bit: the engine's elementary functions are its own (dmath), not the JavaScript engine's.
  const framesFile = join(mkdtempSync(join(tmpdir(), 'cascade-e2e-')), 'frames.csv');
  const cli = spawnSync(
    'npx',
    ['tsx', 'src/cli/sim.ts', SHORT.slice(1), '--json', '--frames', framesFile],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(cli.status).toBe(0);
  expect(report).toEqual(JSON.parse(cli.stdout));
  expect(frames).toEqual(readFileSync(framesFile, 'utf8').trimEnd().split('\n'));
});

test('each chart downloads as a PNG that decodes, and the SVG charts as SVG', async ({ page }) => {
  await page.goto(SHORT);
  await playToEnd(page);
  for (const label of [
    'Price chart as PNG',
    'Heatmap as PNG',
    'Order book as PNG',
    'Dashboard (PNG)',
  ]) {
    const png = readFileSync(await (await download(page, label)).path());
    const size = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      return [image.width, image.height];
    }, png.toString('base64'));
    expect(size[0], label).toBeGreaterThan(100);
    expect(size[1], label).toBeGreaterThan(100);
  }
  for (const label of ['Price chart', 'Order book']) {
    const svg = await text(await download(page, `${label} as SVG`));
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror') !== null,
        root: doc.documentElement.nodeName,
        texts: doc.querySelectorAll('text').length,
      };
    }, svg);
    expect(parsed, label).toEqual({ error: false, root: 'svg', texts: expect.any(Number) });
    expect(parsed.texts, label).toBeGreaterThan(5);
  }
});

test('the run’s files download by keyboard alone, and focus stays on the button', async ({
  page,
}) => {
  await page.goto(SHORT);
  await waitReady(page);
  for (let i = 1; i <= 3; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('step-counter')).toContainText(`step ${i} /`);
  }
  await page.getByText('Export', { exact: true }).focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('group', { name: 'Export', exact: true });
  await expect(menu).toBeVisible();
  await page.keyboard.press('Tab');
  const framesButton = menu.getByRole('button', { name: 'Frames (CSV)', exact: true });
  await expect(framesButton).toBeFocused();
  let next = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await text(await next)).trimEnd().split('\n')).toHaveLength(1 + 3);
  await expect(framesButton).toBeFocused();

  await page.keyboard.press('Tab');
  await expect(menu.getByRole('button', { name: 'Buckets (CSV)', exact: true })).toBeFocused();
  next = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const buckets = (await text(await next)).trimEnd().split('\n');
  expect((buckets.length - 1) % 3).toBe(0);
  expect(buckets.length - 1).toBeGreaterThan(3);
  await expect(menu.getByText('Making the buckets file…')).toBeHidden();
});

test('in compare mode, A’s and B’s files download, each the CLI’s run of its own link', async ({
  page,
}) => {
  await page.goto(`${SHORT}&b.leverage=5`);
  await expect(page.getByTestId('compare-panel')).toBeVisible();
  await playToEnd(page);

  const framesA = await download(page, 'Frames (CSV) of A');
  expect(framesA.suggestedFilename()).toBe('cascade-lab-seed3-a-frames.csv');
  const framesB = await download(page, 'Frames (CSV) of B');
  expect(framesB.suggestedFilename()).toBe('cascade-lab-seed3-b-frames.csv');
  const rowsA = (await text(framesA)).trimEnd().split('\n');
  const rowsB = (await text(framesB)).trimEnd().split('\n');
  expect(rowsB).toHaveLength(1 + 200);
  expect(rowsB).not.toEqual(rowsA);

  const reportFile = await download(page, 'Report (JSON) of B');
  expect(reportFile.suggestedFilename()).toBe('cascade-lab-seed3-b-report.json');
  const report = JSON.parse(await text(reportFile));
  // B is A's link with B's difference: the CLI run on that link prints the same report.
  const cli = spawnSync(
    'npx',
    ['tsx', 'src/cli/sim.ts', `${SHORT.slice(1)}&leverage=5`, '--json'],
    {
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  expect(cli.status).toBe(0);
  expect(report).toEqual(JSON.parse(cli.stdout));
  expect(report.scenario.leverage).toBe(5);
  const buckets = await download(page, 'Buckets (CSV) of B');
  expect(buckets.suggestedFilename()).toBe('cascade-lab-seed3-b-buckets.csv');
});
