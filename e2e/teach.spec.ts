/**
 * Teaching: presets picked from the menu by keyboard, the episodes' model-against-reported panel,
 * words that explain themselves on focus and on tap, the glossary and assumptions dialogs, and
 * presentation mode on a projector-sized screen.
 */

import type { Page } from '@playwright/test';
import { PRESETS } from '../src/scenario/presets';
import { expect, test } from './fixtures';
import { figure, setSpeed, waitReady } from './helpers';

/** Picks a preset with the keyboard: focus the menu, Enter, Tab to it, Enter. */
async function pickPreset(page: Page, index: number): Promise<void> {
  const toggle = page.getByRole('button', { name: /^Preset:/ });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const first = page.locator('[data-preset]').first();
  await expect(first).toBeFocused();
  for (let i = 0; i < index; i++) await page.keyboard.press('Tab');
  await expect(page.locator(`[data-preset="${PRESETS[index]!.name}"]`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toggle).toBeFocused();
}

for (const [index, preset] of PRESETS.entries()) {
  test(`preset ${preset.name} loads from the menu by keyboard and runs; the link carries its values and label`, async ({
    page,
  }) => {
    await page.goto('/?v=1&seed=3&positions=5000&steps=200&shockStep=20');
    await waitReady(page);
    await setSpeed(page, 'max');
    await pickPreset(page, index);
    await expect(page.getByTestId('preset-current')).toHaveText(preset.title);
    await expect(page).toHaveURL(new RegExp(`[?&]preset=${preset.name}(&|$)`));
    expect(new URL(page.url()).searchParams.get('leverage')).toBe(String(preset.scenario.leverage));
    await waitReady(page);
    await page.getByRole('button', { name: 'Play' }).click();
    // The figures fill in from the new run, past its shock.
    await expect(figure(page, 'drawdown')).toHaveText(/\d/);
    await expect
      .poll(async () => Number(await page.getByTestId('figures').getAttribute('data-steps-run')))
      .toBeGreaterThan(preset.scenario.shockStep);
  });
}

test('an episode preset shows the model against what was reported, with sources', async ({
  page,
}) => {
  const name = 'october-2025';
  const p = PRESETS.find((x) => x.name === name)!;
  const query = new URLSearchParams(
    Object.entries(p.scenario).map(([k, v]) => [k, String(v)]),
  ).toString();
  await page.goto(`/?v=1&${query}&preset=${name}`);
  const panel = page.getByTestId('episode-panel');
  await expect(panel).toContainText('Model against reported: 10 October 2025');
  await expect(panel.getByRole('link', { name: 'Blockscope Research' })).toHaveAttribute(
    'href',
    /^https:\/\//,
  );
  await waitReady(page);
  await setSpeed(page, 'max');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Replay' })).toBeVisible({ timeout: 240_000 });
  // Every reported figure has the run's figure and a verdict in words beside it.
  for (const row of await panel.locator('tr[data-measure]').all()) {
    await expect(row.locator('[data-verdict]')).toHaveText(
      /^(close|order of magnitude only|miss)$/,
    );
  }
  await expect(panel.locator('tr[data-measure="adl"] [data-verdict]')).toHaveText('close');
  await expect(panel.getByTestId('model-only')).toContainText(/Branching ratio \d/);
  // A what-if keeps the comparison and says what changed.
  await page.getByRole('slider', { name: 'Leverage' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(panel).toContainText('You changed leverage');
  await expect(page).not.toHaveURL(/preset=/);
});

test('an unknown preset in a link is dropped with a notice; the values run', async ({ page }) => {
  await page.goto('/?v=1&seed=3&leverage=7&preset=nope');
  await expect(page.getByText('preset: "nope" is not a preset')).toBeVisible();
  await expect(page.getByTestId('preset-current')).toHaveText('your own scenario');
  await expect(page.getByRole('slider', { name: 'Leverage' })).toHaveAttribute(
    'aria-valuenow',
    '7',
  );
});

test('words explain themselves on keyboard focus; Escape closes; the glossary lists them', async ({
  page,
}) => {
  await page.goto('/?v=1&seed=3&positions=5000&steps=200&shockStep=20');
  const term = page.getByTestId('figures').getByRole('button', { name: 'Amplification' });
  await term.focus();
  const tip = page.getByRole('tooltip').filter({ hasText: 'without liquidations' }).first();
  await expect(tip).toBeVisible();
  await expect(term).toHaveAccessibleDescription(/The fall over the fall/);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  // A slider's label has its word too.
  await page.getByRole('button', { name: 'What is leverage?' }).focus();
  await expect(page.getByRole('tooltip').filter({ hasText: 'Position size over' })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Leverage' })).toBeVisible();
  await page.getByRole('button', { name: 'What is mark price?' }).focus();
  await expect(
    page.getByRole('tooltip').filter({ hasText: 'decides who is liquidated' }),
  ).toBeVisible();
  // The glossary: opened from the header by keyboard, closed with Escape.
  await page.getByRole('button', { name: 'Glossary' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Glossary' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('glossary')).toContainText('Maintenance margin');
  await expect(dialog.getByTestId('glossary')).toContainText('Branching ratio');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Assumptions' }).click();
  await expect(page.getByRole('dialog', { name: 'A thinking tool, not a forecast' })).toContainText(
    'leaves out',
  );
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, viewport: { width: 390, height: 844 } });

  test('a tap opens a word, a tap elsewhere closes it', async ({ page }) => {
    await page.goto('/?v=1&seed=3&positions=5000&steps=200&shockStep=20');
    const term = page.getByTestId('figures').getByRole('button', { name: 'Bad debt' });
    await term.scrollIntoViewIfNeeded();
    await term.tap();
    const tip = page.getByRole('tooltip').filter({ hasText: 'neither margin' }).first();
    await expect(tip).toBeVisible();
    await page.getByRole('heading', { name: 'Cascade Lab' }).tap();
    await expect(tip).toBeHidden();
  });
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
]) {
  test(`screenshots at ${size.width}x${size.height}, with an episode`, async ({ page }, info) => {
    await page.setViewportSize(size);
    await page.goto('/?v=1&seed=3&positions=5000&steps=200&shockStep=20');
    await pickPreset(
      page,
      PRESETS.findIndex((p) => p.name === 'march-2020'),
    );
    await waitReady(page);
    await setSpeed(page, 'max');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: 'Replay' })).toBeVisible({ timeout: 240_000 });
    await page.screenshot({ path: info.outputPath('teach.png') });
    await page.screenshot({ path: info.outputPath('teach-full.png'), fullPage: true });
  });
}

test('presentation mode at 1024x768 keeps the price chart and the figures above the fold', async ({
  page,
}, info) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/?v=1&seed=3&positions=5000&steps=200&shockStep=20');
  const toggle = page.getByRole('button', { name: 'Present' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]present=1(&|$)/);
  await expect(page.getByRole('complementary', { name: 'Scenario' })).toBeHidden();
  await waitReady(page);
  await setSpeed(page, 'max');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Replay' })).toBeVisible({ timeout: 240_000 });
  const fold = 768;
  const figures = await page.getByTestId('figures').boundingBox();
  const price = await page.getByRole('img').first().boundingBox();
  expect(figures!.y + figures!.height).toBeLessThanOrEqual(fold);
  expect(price!.y + price!.height).toBeLessThanOrEqual(fold);
  await page.screenshot({ path: info.outputPath('present-1024.png') });
  // A link with present=1 opens in presentation mode; the toggle leaves it.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Present' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: info.outputPath('present-1280.png') });
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page).not.toHaveURL(/present=1/);
  await expect(page.getByRole('complementary', { name: 'Scenario' })).toBeVisible();
});
