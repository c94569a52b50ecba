/** Shared steps of the journeys: the step counter, the speed, playing a run to its end. */

import { expect, type Page } from '@playwright/test';

/** The step the counter shows, or -1 while a run is set up (it shows a dash then). */
export async function shownStep(page: Page): Promise<number> {
  const text = await page.getByTestId('step-counter').innerText();
  const match = /step\s+(\d+|–)/.exec(text);
  if (!match) throw new Error(`No step in the counter: ${text}`);
  return match[1] === '–' ? -1 : Number(match[1]);
}

/** Waits until the run is set up: the counter no longer says so, and Play can be pressed. */
export async function waitReady(page: Page): Promise<void> {
  const counter = page.getByTestId('step-counter');
  await expect(counter).not.toContainText('setting up', { timeout: 15_000 });
  await expect(counter).toHaveAttribute('aria-busy', 'false');
  await expect(
    page.getByRole('toolbar', { name: 'Playback' }).getByRole('button').first(),
  ).toBeEnabled();
}

/** A load the app posted to the worker: the scenario values journeys look at. */
export interface Load {
  generation: number;
  leverage: number;
  shock: number;
  steps: number;
}

/**
 * Records, in the page, each `load` the app posts to its worker and, of each `frames` message it
 * gets back, [generation, first step, rows]: so a journey can check how many runs a change
 * started and that a run streamed from step 0. Call before `page.goto`.
 */
export async function recordRuns(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const loads: Load[] = [];
    const rows: number[][] = [];
    Object.assign(window, { __loads: loads, __rows: rows });
    const Base = window.Worker;
    window.Worker = class extends Base {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent) => {
          const m = e.data as { type?: string; generation: number; batch: FrameBatchLike };
          if (m?.type === 'frames') rows.push([m.generation, m.batch.start, m.batch.count]);
        });
      }
      override postMessage(...args: unknown[]): void {
        const m = args[0] as { type?: string; generation: number; scenario: Load } | null;
        if (m?.type === 'load') {
          const { leverage, shock, steps } = m.scenario;
          loads.push({ generation: m.generation, leverage, shock, steps });
        }
        (super.postMessage as (...a: unknown[]) => void)(...args);
      }
    };
    interface FrameBatchLike {
      start: number;
      count: number;
    }
  });
}

/** What {@link recordRuns} recorded so far. */
export function recorded(page: Page): Promise<{ loads: Load[]; rows: number[][] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __loads: Load[]; __rows: number[][] };
    return { loads: w.__loads, rows: w.__rows };
  });
}

/**
 * Presses an arrow key `times` times as fast as the browser takes them, as a held key's
 * auto-repeat would: the key events go out in one batch, not one round trip each, so the presses
 * land within a slider's debounce however busy the machine running the tests is.
 */
export async function pressQuickly(
  page: Page,
  key: 'ArrowLeft' | 'ArrowRight',
  times: number,
): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const keyCode = key === 'ArrowLeft' ? 37 : 39;
  const event = { key, code: key, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode };
  const sent: Promise<unknown>[] = [];
  for (let i = 0; i < times; i++) {
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...event }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...event }));
  }
  await Promise.all(sent);
  await cdp.detach();
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

/** The scrubber's range input (the minute the charts and figures show). */
export function scrubber(page: Page) {
  return page.getByRole('slider', { name: 'Minute shown' });
}

/** The aria-label of the chart whose label starts with `prefix` ("Price", "Order book", …). */
export function chartLabel(page: Page, prefix: string): Promise<string> {
  return page
    .locator(`[role="img"][aria-label^="${prefix}"]`)
    .first()
    .getAttribute('aria-label')
    .then((label) => label ?? '');
}

/** Every live figure's text, by key. */
export function figureTexts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('[data-figure]')].map((el) => [
        el.dataset.figure ?? '',
        el.innerText,
      ]),
    ),
  );
}
