/**
 * The criticality lab: a phase diagram of 20 shocks × 5 leverages × 8 seeds runs on the
 * browser's worker pool with progress, its cells equal `sim sweep`'s for the same grid (the CLI
 * is run beside it), a second, larger run can be cancelled midway, and a cell opens its
 * scenario in the main view by keyboard.
 */

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';
import { waitReady } from './helpers';

const QUERY = '?positions=1000&steps=120';
const SHOCKS = '-1:-20:1';
const LEVERAGES = '5,10,15,20,25';

interface CliRow {
  leverage: number;
  shock: number;
  pCascade: number;
  cascaded: string;
  [figure: string]: unknown;
}

/** `sim sweep` over the same grid, as JSON: its rows and critical shocks. */
async function cliSweep(): Promise<{ rows: CliRow[]; critical: Record<string, unknown>[] }> {
  const args = ['tsx', 'src/cli/sim.ts', 'sweep', QUERY, '--vary', `leverage=${LEVERAGES}`];
  args.push('--vary', `shock=${SHOCKS}`, '--seeds', '8', '--json', '--threads', '1');
  const { stdout } = await promisify(execFile)('npx', args, { maxBuffer: 1 << 24 });
  return JSON.parse(stdout) as { rows: CliRow[]; critical: Record<string, unknown>[] };
}

const FIGURES = [
  'liquidatedShare',
  'amplification',
  'endogenousShare',
  'maxDrawdown',
  'branchingRatio',
];

test('the phase diagram fills in with progress, equals sim sweep, cancels, and opens a cell', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const cli = cliSweep(); // beside the browser's sweep: both are compared at the end
  await page.goto(`/${QUERY}`);
  await waitReady(page);
  await page.getByRole('button', { name: 'Lab', exact: true }).click();
  const lab = page.getByRole('dialog', { name: 'Criticality lab' });
  await expect(lab).toBeVisible();
  const run = lab.getByRole('button', { name: /^Run 800 runs$/ });
  await run.click();
  const status = lab.getByTestId('lab-status');
  const progress = lab.getByRole('progressbar', { name: 'Sweep progress' });
  // Progress shows while it runs: some runs done, not all, and the time left.
  await expect(status).toHaveAttribute('data-status', 'running');
  await expect(lab.getByRole('status')).toContainText(/of 800 runs · about \d+ (s|min)/, {
    timeout: 60_000,
  });
  await expect(lab.locator('rect[data-state="done"]').first()).toBeAttached({ timeout: 60_000 });
  expect(Number(await progress.getAttribute('value'))).toBeLessThan(800);
  await expect(status).toHaveAttribute('data-status', 'done', { timeout: 240_000 });
  await expect(lab.getByRole('status')).toContainText('Done: 800 runs');

  const cells = await lab
    .locator('rect[data-state]')
    .evaluateAll((rects) => rects.map((r) => ({ ...(r as SVGElement).dataset })));
  expect(cells).toHaveLength(100);
  expect(cells.every((c) => c.state === 'done')).toBe(true);
  const { rows, critical } = await cli;
  expect(rows).toHaveLength(100);
  for (const row of rows) {
    const cell = cells.find(
      (c) => Number(c.shock) === row.shock && Number(c.other) === row.leverage,
    );
    expect(cell, `cell leverage ${row.leverage}, shock ${row.shock}`).toBeDefined();
    expect(Number(cell!.pCascade)).toBe(row.pCascade);
    expect(cell!.cascaded).toBe(row.cascaded);
    const figures = JSON.parse(cell!.figures!) as Record<string, unknown>;
    for (const f of FIGURES)
      expect(figures[f], `${f} at ${row.leverage}, ${row.shock}`).toEqual(row[f]);
  }
  // Not a vacuous match: some cells cascade on most seeds and some on none.
  expect(rows.some((r) => r.pCascade >= 0.5) && rows.some((r) => r.pCascade === 0)).toBe(true);
  // The critical shock per leverage, with its bootstrap interval: the CLI's, to the last bit.
  const labCritical = await lab
    .locator('li[data-critical]')
    .evaluateAll((items) => items.map((li) => JSON.parse((li as HTMLElement).dataset.critical!)));
  expect(critical).toHaveLength(5);
  expect(labCritical).toEqual(critical);

  // A second, larger run, cancelled midway, stops and says so.
  await lab.getByLabel('Seeds per cell').fill('32');
  await lab.getByRole('button', { name: /^Run 3,200 runs$/ }).click();
  await expect(lab.getByRole('status')).toContainText(/^[1-9][\d,]* of 3,200 runs/, {
    timeout: 60_000,
  });
  await lab.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toHaveAttribute('data-status', 'cancelled');
  await expect(lab.getByRole('status')).toContainText(/Cancelled after [\d,]+ of 3,200 runs/);
  const stoppedAt = Number(await progress.getAttribute('value'));
  expect(stoppedAt).toBeLessThan(3200);
  await expect(lab.locator('rect[data-state="pending"]').first()).toBeAttached();
  await expect(lab.getByRole('button', { name: 'Cancel' })).toBeDisabled();

  // A cell by keyboard: focus the grid, move right twice and up once, read it, open it.
  const first = lab.locator('rect[data-index="0"]');
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  await expect(lab.getByTestId('lab-readout')).toContainText('shock -3 %, leverage 10');
  await page.keyboard.press('Enter');
  await expect(lab).toBeHidden();
  await expect(page).toHaveURL(/shock=-3(&|$)/);
  await expect(page).toHaveURL(/leverage=10(&|$)/);
  // The progress stayed where Cancel left it (the closed dialog keeps it, hidden).
  expect(Number(await page.locator('dialog progress').getAttribute('value'))).toBe(stoppedAt);
});
