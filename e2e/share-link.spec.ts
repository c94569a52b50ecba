import { expect, test } from './fixtures';

test('a share link sets the controls', async ({ page }) => {
  await page.goto('/?v=1&seed=9&leverage=50&shock=-12');
  await expect(page.getByRole('slider', { name: 'Leverage', exact: true })).toHaveAttribute(
    'aria-valuetext',
    '50 ×',
  );
  await expect(page.getByRole('slider', { name: 'Shock', exact: true })).toHaveAttribute(
    'aria-valuetext',
    '-12 %',
  );
  await expect(page.getByRole('textbox', { name: 'Seed' })).toHaveValue('9');
  await expect(page.getByTestId('link-notice')).toHaveCount(0);
  // The address bar is rewritten as the full link of what is on screen.
  await expect(page).toHaveURL(/seed=9&.*leverage=50&.*shock=-12/);
});

test('a link from a newer version says so and shows the default scenario', async ({ page }) => {
  await page.goto('/?v=99&leverage=50');
  await expect(page.getByTestId('link-notice')).toContainText('newer version');
  await expect(page.getByTestId('link-notice')).toContainText('Showing the default scenario');
  // The default scenario: today's (v=2) median leverage.
  await expect(page.getByRole('slider', { name: 'Leverage', exact: true })).toHaveAttribute(
    'aria-valuetext',
    '20 ×',
  );
  await expect(page.getByRole('img', { name: /^Price/ })).toBeVisible();
  // The link that was sent stays in the address bar: nothing is lost.
  await expect(page).toHaveURL(/\?v=99&leverage=50$/);
});

test('a corrected link stays in the address bar until the user changes something', async ({
  page,
}) => {
  await page.goto('/?v=1&leverage=abc&seed=4');
  await expect(page.getByTestId('link-notice')).toBeVisible();
  await expect(page).toHaveURL(/leverage=abc/);
  const shock = page.getByRole('slider', { name: 'Shock', exact: true });
  await shock.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/v=2&seed=4&.*leverage=20&/);
});

test('a broken value shows a correction notice, as text, that can be dismissed', async ({
  page,
}) => {
  await page.goto('/?v=1&leverage=abc&shock=%3Cb%3Ebold%3C%2Fb%3E');
  const notice = page.getByTestId('link-notice');
  await expect(notice).toContainText('leverage: "abc" is not a number; using the default 20');
  await expect(notice).toContainText('<b>bold</b>');
  await expect(notice.locator('b')).toHaveCount(0);
  await page.getByRole('button', { name: 'Dismiss the link notice' }).click();
  await expect(notice).toHaveCount(0);
});
