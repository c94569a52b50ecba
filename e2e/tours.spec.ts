/**
 * Teaching: guided tours that stop exactly at their moments, teacher-shaped links (shown and
 * locked controls, embed), and the Share-for-a-class dialog.
 */

import type { Page } from '@playwright/test';
import { EVENT } from '../src/engine/frame';
import { runScenario } from '../src/engine/run';
import { encodeScenario } from '../src/scenario/codec';
import { PARAM_KEYS } from '../src/scenario/params';
import { TOURS, findTour, stageScenario } from '../src/scenario/tours';
import { expect, test } from './fixtures';
import { setSpeed, shownStep, slider, waitReady } from './helpers';

const anatomy = findTour('anatomy')!;

/** The step at which the headless run (the CLI's frames) first raises `flag`. */
function firstStep(stage: (typeof anatomy.stages)[number], flag: number): number {
  const events = runScenario(stageScenario(stage)).frames.scalars.events;
  return events.findIndex((e) => (e & flag) !== 0);
}

const controls = (page: Page) =>
  page.getByRole('complementary', { name: 'Scenario' }).locator('input, select');

test.describe('guided tours', () => {
  test('a tour stops exactly at its first key moment, with its note; its last stage is the sandbox', async ({
    page,
  }) => {
    test.slow(); // two stops and eight stages of a 20,000-position market
    const shockAt = firstStep(anatomy.stages[0], EVENT.SHOCK);
    const waveAt = firstStep(anatomy.stages[1], EVENT.CASCADE_START);
    await page.goto('/');
    await waitReady(page);
    await page.getByText('Tours', { exact: true }).click();
    await page.getByRole('button', { name: /Anatomy of a cascade/ }).click();
    const panel = page.getByTestId('tour-panel');
    await expect(panel.getByTestId('tour-stage')).toHaveText(
      `Stage 1 of ${anatomy.stages.length}: The shock`,
    );
    await expect(panel.getByTestId('tour-note')).toContainText('At minute 60 the index');
    await expect(page).toHaveURL(/tour=anatomy&stage=1/);
    // The stage shows its own controls only.
    await expect(controls(page)).toHaveCount(2);
    await waitReady(page);
    // Before the run has a frame nothing is reached, so the panel says no stop.
    await expect(panel.getByTestId('tour-stop')).toHaveText('');
    await setSpeed(page, 'max');
    await panel.getByRole('button', { name: 'Play to the shock' }).click();
    await expect(panel.getByTestId('tour-stop')).toHaveText(
      `Stopped at the shock, minute ${shockAt}.`,
    );
    // The counter counts the steps done: the last one is the shock's minute.
    await expect.poll(() => shownStep(page)).toBe(shockAt + 1);
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();

    await panel.getByRole('button', { name: 'Next' }).click();
    await expect(panel.getByTestId('tour-note')).toContainText('Minute 62');
    await panel.getByRole('button', { name: 'Play to the first wave' }).click();
    await expect(panel.getByTestId('tour-stop')).toHaveText(
      `Stopped at the first wave, minute ${waveAt}.`,
    );
    await expect.poll(() => shownStep(page)).toBe(waveAt + 1);

    // Stages of the same market go on with its run; the scripted stage (the makers pull out at
    // minute 70) is another market, and runs from the start, as the sandbox after it does.
    const market = encodeScenario(stageScenario(anatomy.stages[1]));
    const scripted = anatomy.stages.findIndex((s) => s.values?.changes) + 1;
    for (let n = 3; n <= anatomy.stages.length; n++) {
      await panel.getByRole('button', { name: 'Next' }).click();
      await expect(panel.getByTestId('tour-stage')).toContainText(
        `Stage ${n} of ${anatomy.stages.length}`,
      );
      if (n < scripted && encodeScenario(stageScenario(anatomy.stages[n - 1])) === market)
        await expect.poll(() => shownStep(page)).toBe(waveAt + 1);
    }
    await expect(panel.getByTestId('tour-stage')).toHaveText(
      `Stage ${anatomy.stages.length} of ${anatomy.stages.length}: Your turn`,
    );
    await expect(panel.getByRole('button', { name: 'Next' })).toBeDisabled();
    await expect(page.getByTestId('controls-limited')).toHaveCount(0);
    // Every parameter has its control, in the tour's market, from its start.
    const names = await page
      .getByRole('complementary', { name: 'Scenario' })
      .locator('[name]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('name')));
    expect(new Set(names)).toEqual(new Set(PARAM_KEYS));
    await expect(page).toHaveURL(new RegExp(`tour=anatomy&stage=${anatomy.stages.length}`));
    expect(encodeScenario(stageScenario(anatomy.stages.at(-1)!))).toBe(market);
    await expect.poll(() => shownStep(page)).toBe(0);
  });

  test('a stage with a scripted change opens from its link, stops at the change and marks it', async ({
    page,
  }, info) => {
    test.slow(); // two stops of a 20,000-position market, a reload and two screenshots
    const number = anatomy.stages.findIndex((s) => s.values?.changes) + 1;
    const stage = anatomy.stages[number - 1];
    const changeAt = firstStep(stage, EVENT.CHANGE);
    const adlAt = firstStep(stage, EVENT.ADL);
    expect(changeAt).toBe(70);
    // The link a teacher shares: the stage's scenario, its scripted change included.
    const link = `${encodeScenario(stageScenario(stage))}&tour=anatomy&stage=${number}`;
    expect(link).toContain('&change=70:liquidity*0.5&');
    await page.goto(`/?${link}`);
    const panel = page.getByTestId('tour-panel');
    await expect(panel.getByTestId('tour-stage')).toContainText('When makers leave');
    await expect(panel.getByTestId('tour-note')).toContainText(
      'Minute 70, as the shock ends: the makers pull half their depth',
    );
    await waitReady(page);
    await setSpeed(page, 'max');
    await panel.getByRole('button', { name: 'Play to the scripted change' }).click();
    await expect(panel.getByTestId('tour-stop')).toHaveText(
      `Stopped at the scripted change, minute ${changeAt}.`,
    );
    await expect.poll(() => shownStep(page)).toBe(changeAt + 1);
    // Marked where it applies: in the event log in words, on the price chart, in the legend.
    const log = page.getByTestId('event-log');
    await expect(
      log.getByRole('button', { name: `min ${changeAt} makers pull half their depth` }),
    ).toBeVisible();
    await expect(
      page.locator('g.marker title', { hasText: 'Scripted change, minute 70' }),
    ).toHaveCount(1);
    await expect(page.getByTestId('marker-legend')).toContainText('scripted change');
    for (const size of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(size);
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: info.outputPath(`scripted-${size.width}.png`) });
      await page.screenshot({
        path: info.outputPath(`scripted-${size.width}-full.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize({ width: 1280, height: 800 });

    await panel.getByRole('button', { name: 'Play to auto-deleveraging' }).click();
    await expect(panel.getByTestId('tour-stop')).toHaveText(
      `Stopped at auto-deleveraging, minute ${adlAt}.`,
    );

    // The bare tour link runs the stage's own market: the same change at the same minute.
    await page.goto(`/?tour=anatomy&stage=${number}`);
    await expect(panel.getByTestId('tour-stage')).toContainText('When makers leave');
    await waitReady(page);
    await setSpeed(page, 'max');
    await panel.getByRole('button', { name: 'Play to the scripted change' }).click();
    await expect(panel.getByTestId('tour-stop')).toHaveText(
      `Stopped at the scripted change, minute ${changeAt}.`,
    );
  });

  test('a tour link opens at its stage, and keyboard drives the panel', async ({ page }) => {
    await page.goto('/?tour=safeguards&stage=3');
    const panel = page.getByTestId('tour-panel');
    await expect(panel.getByTestId('tour-stage')).toHaveText('Stage 3 of 8: Circuit breaker');
    await expect(slider(page, 'Halt length')).toBeVisible();
    // The safeguard runs beside the market it changes (B), in compare mode.
    await expect(panel.getByTestId('tour-compare')).toContainText('Crowded longs at 25×');
    await expect(page.getByRole('button', { name: 'Exit compare' })).toBeVisible();
    await waitReady(page);
    await setSpeed(page, 'max');
    await panel.getByRole('button', { name: 'Play to the shock' }).focus();
    await page.keyboard.press('Enter');
    await expect(panel.getByTestId('tour-stop')).toContainText('Stopped at the shock');
    await page.keyboard.press('Enter'); // the same button now plays to the halt
    await expect(panel.getByTestId('tour-stop')).toContainText('Stopped at a halt, minute 63');
    // B never halts: it stopped with A, at the same minute, and the figures have A, B and Δ.
    await expect(page.getByRole('columnheader', { name: 'Δ (B − A)' })).toBeVisible();
    await page.keyboard.press('Tab'); // Next
    await page.keyboard.press('Enter');
    await expect(panel.getByTestId('tour-stage')).toContainText('Partial liquidation');
    await expect(page).toHaveURL(/partial=1/);
  });
});

test.describe('why liquidation heatmaps mislead', () => {
  test("the heatmap tour switches the map per stage and its figures are the run's", async ({
    page,
  }) => {
    test.slow(); // three runs of a 20,000-position market to their stops
    await page.goto('/?tour=heatmaps');
    const panel = page.getByTestId('tour-panel');
    const maps = page.getByRole('group', { name: 'Heatmap shows' });
    const estimated = maps.getByRole('button', { name: 'Estimated (what terminals show)' });
    const trueMap = maps.getByRole('button', { name: 'True map' });
    const figures = page.getByTestId('estimate-figures');
    const shares = () => figures.locator('[data-band="±5 %"] [data-share]').allInnerTexts();

    await expect(panel.getByTestId('tour-stage')).toHaveText('Stage 1 of 5: What a terminal draws');
    await expect(estimated).toHaveAttribute('aria-pressed', 'true');
    await waitReady(page);
    await setSpeed(page, 'max');
    await panel.getByRole('button', { name: 'Play to the shock' }).click();
    await expect(panel.getByTestId('tour-stop')).toHaveText('Stopped at the shock, minute 60.');
    // The note is about the heatmap, below the fold on a laptop: the stage brings it into view.
    const heatmap = page.locator('#chart-heatmap');
    await expect(heatmap).not.toBeInViewport();
    await panel.getByRole('button', { name: 'Show the liquidation heatmap ↓' }).click();
    await expect(heatmap).toBeInViewport({ ratio: 0.5 });
    await expect(heatmap).toBeFocused(); // a keyboard user goes on from the chart
    await expect(figures).toContainText('At min 60 the estimate misses');
    // The note's figures are what the line under the map says at the stop.
    expect(await shares()).toEqual(['37 %', '19 %']);

    await panel.getByRole('button', { name: 'Next' }).click();
    await expect(panel.getByTestId('tour-stage')).toContainText('The true map');
    await expect(trueMap).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/tour=heatmaps&stage=2/);
    await expect(page).not.toHaveURL(/map=/);
    // Same market: no new run, still at the shock.
    await expect(figures).toContainText('At min 60');

    await panel.getByRole('button', { name: 'Next' }).click();
    await expect(panel.getByTestId('tour-stage')).toContainText('Would knowing the leverages');
    await expect(page).toHaveURL(/estimateTiers=true.*map=estimated/);
    await expect(estimated).toHaveAttribute('aria-pressed', 'true');
    await waitReady(page);
    await panel.getByRole('button', { name: 'Play to the shock' }).click();
    await expect(panel.getByTestId('tour-stop')).toHaveText('Stopped at the shock, minute 60.');
    await expect.poll(shares).toEqual(['28 %', '13 %']);

    // The map is in the link: a reload keeps the stage and the estimated map.
    await page.reload();
    await expect(panel.getByTestId('tour-stage')).toContainText('Would knowing the leverages');
    await expect(estimated).toHaveAttribute('aria-pressed', 'true');
  });
});

test.describe('teacher links', () => {
  test('hidden controls stay hidden after a reload; locked ones do not move by keyboard', async ({
    page,
  }) => {
    await page.goto('/?v=2&leverage=20&show=leverage,shock&lock=shock');
    await waitReady(page);
    await expect(controls(page)).toHaveCount(2);
    await expect(slider(page, 'Liquidity')).toHaveCount(0);
    await page.reload();
    await waitReady(page);
    await expect(controls(page)).toHaveCount(2);
    await expect(page).toHaveURL(/show=leverage,shock&lock=shock/);

    const shock = slider(page, 'Shock');
    await expect(shock).toBeDisabled();
    const before = await page.locator('output[data-param="shock"]').innerText();
    await slider(page, 'Leverage').focus();
    await page.keyboard.press('Tab'); // skips the locked slider
    await expect(shock).not.toBeFocused();
    await shock.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    await expect(page.locator('output[data-param="shock"]')).toHaveText(before);
    // The unlocked one moves, and the link keeps the teaching keys.
    await slider(page, 'Leverage').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/leverage=2[1-9].*show=leverage,shock&lock=shock/);
  });

  test('embed=1 shows the bare chart view', async ({ page }, testInfo) => {
    await page.goto('/?v=2&embed=1');
    await expect(page.getByTestId('embed')).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Scenario' })).toHaveCount(0);
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByTestId('embed').locator('svg').first()).toBeVisible();
    await expect(page.locator('[data-figure]').first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Open in Cascade Lab' })).toHaveAttribute(
      'href',
      /^http.*\?v=2&.*$/,
    );
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('embed.png') });
  });

  test('the class dialog builds a link that reproduces, by keyboard', async ({
    page,
    context,
  }, testInfo) => {
    await page.goto('/?v=2&seed=7&leverage=30');
    await waitReady(page);
    const open = page.getByRole('button', { name: 'Share for a class' });
    await open.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Share for a class' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Hide all' }).press('Enter');
    await dialog.getByRole('combobox', { name: 'Leverage' }).selectOption('shown');
    await dialog.getByRole('combobox', { name: 'Shock', exact: true }).selectOption('locked');
    await dialog.getByRole('checkbox', { name: 'Play on open' }).check();
    const link = await dialog.getByTestId('class-link').inputValue();
    await page.screenshot({ path: testInfo.outputPath('class-dialog.png') });
    expect(link).toMatch(/seed=7&.*leverage=30.*&show=leverage,shock&lock=shock&autoplay=1$/);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(open).toBeFocused();

    const other = await context.newPage();
    await other.goto(link);
    await expect(controls(other)).toHaveCount(2);
    await expect(slider(other, 'Shock')).toBeDisabled();
    await expect(other.locator('output[data-param="leverage"]')).toHaveText(/30/);
    await expect(other.getByRole('button', { name: 'Pause' })).toBeVisible(); // autoplay
  });
});

test.describe('tour screenshots', () => {
  for (const tour of TOURS) {
    tour.stages.forEach((stage, i) => {
      test(`${tour.name} stage ${i + 1} at 1280×800`, async ({ page }, testInfo) => {
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(`/?tour=${tour.name}&stage=${i + 1}`);
        await waitReady(page);
        const panel = page.getByTestId('tour-panel');
        if (stage.moments.length > 0) {
          await setSpeed(page, 'max');
          await panel.getByRole('button', { name: /^Play to / }).click();
          await expect(panel.getByTestId('tour-stop')).toContainText('Stopped at');
        }
        await page.screenshot({ path: testInfo.outputPath(`${tour.name}-${i + 1}.png`) });
      });
    });
  }

  test('a stage at 390×844', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/?tour=anatomy&stage=1');
    await waitReady(page);
    await setSpeed(page, 'max');
    await page.getByRole('button', { name: 'Play to the shock' }).click();
    await expect(page.getByTestId('tour-stop')).toContainText('Stopped at the shock');
    await page.screenshot({ path: testInfo.outputPath('anatomy-1-phone.png') });
    await page.screenshot({
      path: testInfo.outputPath('anatomy-1-phone-full.png'),
      fullPage: true,
    });
  });
});
