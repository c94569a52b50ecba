import { PARAMS, PARAM_KEYS } from '../src/scenario/params';
import { expect, test } from './fixtures';
import { SHORT, slider, waitReady } from './helpers';

const SLIDERS = PARAM_KEYS.filter((k) => {
  const spec = PARAMS[k];
  return (spec.kind === 'int' || spec.kind === 'float') && k !== 'seed';
});

// In groups, so the suite's workers share them out (one journey of thirty sliders was the
// suite's longest).
const GROUP = 8;
for (let from = 0; from < SLIDERS.length; from += GROUP) {
  const keys = SLIDERS.slice(from, from + GROUP);
  test(`every slider moves with ArrowRight and ArrowLeft, and each move changes the link: ${keys.join(', ')}`, async ({
    page,
  }) => {
    await page.goto(SHORT);
    await waitReady(page);
    for (const key of keys) {
      const input = slider(page, PARAMS[key].label);
      const before = await input.getAttribute('aria-valuetext');
      const url = page.url();
      await input.focus();
      // From a value at the top of its range, the first move is down.
      const [first, back] = (await input.evaluate((el: HTMLInputElement) => el.value === el.max))
        ? (['ArrowLeft', 'ArrowRight'] as const)
        : (['ArrowRight', 'ArrowLeft'] as const);
      await page.keyboard.press(first);
      await expect(input, `${key} after ${first}`).not.toHaveAttribute('aria-valuetext', before!);
      await expect.poll(() => page.url(), { message: `${key}: the link follows` }).not.toBe(url);
      await page.keyboard.press(back);
      await expect(input, `${key} after ${back}`).toHaveAttribute('aria-valuetext', before!);
    }
  });
}

test('leverage reaches 20x and 25x from the keyboard, and says its value, not its position', async ({
  page,
}) => {
  await page.goto(SHORT);
  const leverage = slider(page, 'Leverage');
  await leverage.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect(leverage).toHaveAttribute('aria-valuetext', '20 ×');
  await expect(leverage).toHaveAttribute('aria-valuenow', '20');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(leverage).toHaveAttribute('aria-valuetext', '25 ×');
  await expect(page).toHaveURL(/leverage=25(&|$)/);
  await page.keyboard.press('PageDown');
  await expect(leverage).toHaveAttribute('aria-valuetext', '15 ×'); // a tenth of the slider down
  await expect(leverage).toHaveAttribute('aria-valuemax', '125');
});

test('the seed field marks invalid text and goes back to the seed in use on blur', async ({
  page,
}) => {
  await page.goto(SHORT);
  const seed = page.getByRole('textbox', { name: 'Seed' });
  await seed.fill('abc');
  await expect(seed).toHaveAttribute('aria-invalid', 'true');
  await seed.blur();
  await expect(seed).toHaveValue('3');
  await expect(seed).toHaveAttribute('aria-invalid', 'false');
  await seed.fill('42');
  await expect(seed).toHaveAttribute('aria-invalid', 'false');
  await expect(page).toHaveURL(/seed=42&/);
});

test('a shorter run that moves the shock says so', async ({ page }) => {
  await page.goto('/?v=1&seed=3&positions=5000&steps=200&shockStep=150');
  const steps = slider(page, 'Steps');
  await steps.focus();
  await page.keyboard.press('Home');
  await expect(
    page.getByText('The shock moved from minute 150 to minute 49 to fit the 50-minute run.'),
  ).toBeVisible();
  await expect(page).toHaveURL(/steps=50&.*shockStep=49/);
});
