import { expect, test } from './fixtures';
import { SHORT, playToEnd } from './helpers';

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

for (const size of SIZES) {
  test(`at ${size.width}x${size.height} nothing scrolls sideways and every chart shows`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(SHORT);
    await playToEnd(page);
    const widths = await page.evaluate(() => ({
      scroll: document.scrollingElement?.scrollWidth ?? 0,
      inner: window.innerWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
    for (const chart of await page.getByRole('img').all()) {
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(200);
      expect(box!.x + box!.width).toBeLessThanOrEqual(size.width);
    }
    await page.screenshot({ path: testInfo.outputPath(`${size.name}.png`) });
    await page.screenshot({ path: testInfo.outputPath(`${size.name}-full.png`), fullPage: true });
  });
}
