import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { SHORT, openMenu, slider, waitReady } from './helpers';

test('the last scenario survives a reload; a link wins over it', async ({ page }) => {
  await page.goto('/?v=1&seed=8&positions=5000&steps=200&leverage=20');
  await waitReady(page);
  await page.goto('/');
  await expect(slider(page, 'Leverage')).toHaveAttribute('aria-valuetext', '20 ×');
  await expect(page.getByRole('textbox', { name: 'Seed' })).toHaveValue('8');
  await expect(page).toHaveURL(/\?v=2&seed=8&.*leverage=20/);
  await page.goto('/?v=1&seed=9&leverage=30');
  await expect(slider(page, 'Leverage')).toHaveAttribute('aria-valuetext', '30 ×');
});

test('a named scenario is saved, survives a reload, opens, renames and deletes', async ({
  page,
}) => {
  await page.goto(`${SHORT}&leverage=25`);
  await waitReady(page);
  let saved = await openMenu(page, 'Saved');
  await saved.getByRole('textbox', { name: 'Name of the scenario to save' }).fill('Crowded 25x');
  await saved.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(saved.getByRole('status')).toHaveText('Saved “Crowded 25x”.');

  await page.goto(SHORT); // leverage back at its default
  await expect(slider(page, 'Leverage')).toHaveAttribute('aria-valuetext', '10 ×');
  saved = await openMenu(page, 'Saved');
  await saved.getByRole('button', { name: 'Open Crowded 25x' }).click();
  await expect(slider(page, 'Leverage')).toHaveAttribute('aria-valuetext', '25 ×');
  await expect(page).toHaveURL(/leverage=25/);

  await saved.getByRole('button', { name: 'Rename Crowded 25x' }).click();
  await saved.getByRole('textbox', { name: 'New name for Crowded 25x' }).fill('Squeeze');
  await saved.getByRole('button', { name: 'OK' }).click();
  await expect(saved.getByRole('button', { name: 'Open Squeeze' })).toBeVisible();
  await saved.getByRole('button', { name: 'Delete Squeeze' }).click();
  await expect(saved.getByText('No scenarios saved in this browser yet.')).toBeVisible();
  await page.reload();
  await expect((await openMenu(page, 'Saved')).getByText('No scenarios saved')).toBeVisible();
});

test('a scenario file round-trips, and a bad file is refused with a notice', async ({
  page,
}, testInfo) => {
  await page.goto(`${SHORT}&leverage=40&shock=-15`);
  await waitReady(page);
  const saved = await openMenu(page, 'Saved');
  const download = page.waitForEvent('download');
  await saved.getByRole('button', { name: 'Save to file' }).click();
  const file = testInfo.outputPath('scenario.json');
  await (await download).saveAs(file);
  const json = JSON.parse(readFileSync(file, 'utf8'));
  expect(json).toMatchObject({
    format: 'cascade-lab-scenario',
    v: 2,
    scenario: { leverage: 40, shock: -15, seed: 3 },
  });

  await page.goto(SHORT);
  await expect(slider(page, 'Leverage')).toHaveAttribute('aria-valuetext', '10 ×');
  await openMenu(page, 'Saved');
  await page.getByTestId('open-file').setInputFiles(file);
  await expect(slider(page, 'Leverage')).toHaveAttribute('aria-valuetext', '40 ×');
  await expect(slider(page, 'Shock')).toHaveAttribute('aria-valuetext', '-15 %');
  await expect(page).toHaveURL(/leverage=40&.*shock=-15/);

  // Tampered: a value out of range is clamped and said; a non-scenario is refused.
  json.scenario.leverage = 900;
  await page.getByTestId('open-file').setInputFiles({
    name: 'tampered.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(json)),
  });
  const notice = page.getByTestId('link-notice');
  await expect(notice).toContainText('Some values in the file were corrected');
  await expect(notice).toContainText('leverage: 900 is above the maximum');
  await expect(slider(page, 'Leverage')).toHaveAttribute('aria-valuetext', '125 ×');
  await page.getByTestId('open-file').setInputFiles({
    name: 'photo.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"not": "a scenario"'),
  });
  await expect(notice).toContainText('This file is not a Cascade Lab scenario: it is not JSON.');
  await expect(slider(page, 'Leverage')).toHaveAttribute('aria-valuetext', '125 ×');
});
