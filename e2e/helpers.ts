/** Shared steps of the journeys: the step counter, the speed, playing a run to its end. */

import { expect, type Page } from '@playwright/test';

/** The step the counter shows. */
export async function shownStep(page: Page): Promise<number> {
  const text = await page.getByTestId('step-counter').innerText();
  const match = /step\s+(\d+)/.exec(text);
  if (!match) throw new Error(`No step in the counter: ${text}`);
  return Number(match[1]);
}

/** Waits until the run is set up (the counter no longer says it is being set up). */
export async function waitReady(page: Page): Promise<void> {
  await expect(page.getByTestId('step-counter')).not.toContainText('setting up', {
    timeout: 15_000,
  });
}

export async function setSpeed(page: Page, speed: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption(speed);
}

/** Plays the run at full speed until it is done (the button offers Replay). */
export async function playToEnd(page: Page): Promise<void> {
  await waitReady(page);
  await setSpeed(page, 'max');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Replay' })).toBeVisible({ timeout: 30_000 });
}

/** The text of one live figure, by its key (see src/ui/figures.ts). */
export function figure(page: Page, key: string) {
  return page.locator(`[data-figure="${key}"]`);
}

/** A short run, so journeys stay fast. */
export const SHORT = '/?v=1&seed=3&positions=5000&steps=200&shockStep=20';
