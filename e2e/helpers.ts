/** Shared steps of the journeys: the step counter, the speed, playing a run to its end. */

import { expect, type Locator, type Page } from '@playwright/test';

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
  await expect(counter).not.toContainText('setting up');
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
 * started and that a run streamed from step 0. Also logs every message from the worker in the
 * order it arrived, as [type, generation, step], where step is a frame batch's end or the step
 * a `paused` names. Call before `page.goto`.
 */
export async function recordRuns(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const loads: Load[] = [];
    const rows: number[][] = [];
    const log: [string, number, number][] = [];
    Object.assign(window, { __loads: loads, __rows: rows, __log: log });
    const Base = window.Worker;
    window.Worker = class extends Base {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent) => {
          const m = e.data as {
            type?: string;
            generation: number;
            batch: FrameBatchLike;
            step?: number;
          };
          if (m?.type === 'frames') rows.push([m.generation, m.batch.start, m.batch.count]);
          const step = m?.type === 'frames' ? m.batch.start + m.batch.count : (m?.step ?? -1);
          log.push([String(m?.type), m?.generation, step]);
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

/** The worker's messages so far, in order, as [type, generation, step] (see {@link recordRuns}). */
export function workerLog(page: Page): Promise<[string, number, number][]> {
  return page.evaluate(() => (window as unknown as { __log: [string, number, number][] }).__log);
}

/**
 * Pauses with `press` and waits on the worker's acknowledgement: `paused` names the step it
 * stopped at, so the journey waits for the counter to reach exactly that step — no fixed delay,
 * however far the page lags behind the worker — and checks no frame came after it. Needs
 * {@link recordRuns}. Returns the step.
 */
export async function pauseAndSettle(page: Page, press: () => Promise<void>): Promise<number> {
  const before = (await workerLog(page)).filter(([type]) => type === 'paused').length;
  await press();
  await expect
    .poll(async () => (await workerLog(page)).filter(([type]) => type === 'paused').length)
    .toBeGreaterThan(before);
  const log = await workerLog(page);
  const ack = log.findLastIndex(([type]) => type === 'paused');
  const [, generation, step] = log[ack];
  await expect.poll(() => shownStep(page)).toBe(step);
  // The worker stopped: nothing of this run was sent after the acknowledgement, and every frame
  // before it ends at or before the step it names.
  const after = (await workerLog(page)).slice(ack + 1);
  expect(after.filter(([type, g]) => type === 'frames' && g === generation)).toEqual([]);
  const ends = log.slice(0, ack).filter(([type, g]) => type === 'frames' && g === generation);
  expect(Math.max(...ends.map(([, , end]) => end))).toBe(step);
  return step;
}

/**
 * Resolves once a page timer of `ms` set now has fired. Timers fire in the order they are due,
 * so every timer the page set earlier for less time (a debounce, say) has run by then: a barrier
 * on the page's own clock, not a guess at how long the machine takes.
 */
export async function afterPageTimers(page: Page, ms: number): Promise<void> {
  await page.evaluate((delay) => new Promise((resolve) => setTimeout(resolve, delay)), ms);
}

/**
 * Moves a slider `times` steps down (or up, if negative) as `times` separate changes, all in one
 * task of the page: each is a real `input` event the slider handles, and however busy the machine
 * is, they all land within the controls' debounce (key events, even sent in one batch, can be
 * spread over more than the debounce on a loaded machine).
 */
export async function changeQuickly(slider: Locator, times: number): Promise<void> {
  await slider.evaluate((el, n) => {
    const input = el as HTMLInputElement;
    for (let i = 0; i < Math.abs(n); i++) {
      if (n > 0) input.stepDown();
      else input.stepUp();
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, times);
}

export async function setSpeed(page: Page, speed: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption(speed);
}

/** Plays the run at full speed until it is done (the button offers Replay). */
export async function playToEnd(page: Page): Promise<void> {
  await waitReady(page);
  await setSpeed(page, 'max');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Replay' })).toBeVisible({ timeout: 240_000 });
}

/** The text of one live figure, by its key (see src/ui/figures.ts). */
export function figure(page: Page, key: string) {
  return page.locator(`[data-figure="${key}"]`);
}

/** A short run, so journeys stay fast. */
export const SHORT = '/?v=1&seed=3&positions=5000&steps=200&shockStep=20';

/**
 * A long run (100 s at 30 steps/s): a journey that pauses a playing run, or checks that it keeps
 * playing, must not find it over — and a loaded machine may take many seconds between steps.
 */
export const LONG = SHORT.replace('steps=200', 'steps=3000');

/** Every live figure's text, by key: two pages showing the same run show the same figures. */
export async function allFigures(page: Page): Promise<Record<string, string>> {
  return page
    .locator('[data-figure]')
    .evaluateAll((els) =>
      Object.fromEntries(els.map((el) => [el.getAttribute('data-figure'), el.textContent ?? ''])),
    );
}

/** Waits until the counter shows `step` (of a ready run). */
export async function waitStep(page: Page, step: number): Promise<void> {
  await expect(page.getByTestId('step-counter')).toContainText(new RegExp(`step ${step} /`), {
    timeout: 240_000,
  });
}

/** A slider by its visible label. */
export function slider(page: Page, label: string) {
  return page.getByRole('slider', { name: label, exact: true });
}

/** Opens one of the header's menus (Saved, Export) and returns its panel. */
export async function openMenu(page: Page, name: 'Saved' | 'Export') {
  const panel = page.getByRole('group', {
    name: name === 'Saved' ? 'Saved scenarios' : 'Export',
    exact: true,
  });
  if (!(await panel.isVisible())) await page.getByText(name, { exact: true }).click();
  await expect(panel).toBeVisible();
  return panel;
}

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
