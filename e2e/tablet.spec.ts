/** The lab at tablet width (820×1180): every view fits without horizontal scrolling. */
import { expect, test } from '@playwright/test';

for (const view of [
  'world',
  'relations',
  'deterrence',
  'games',
  'council',
  'scenario',
  'compare',
  'sensitivity',
  'runs',
]) {
  test(`${view} fits a tablet`, async ({ page }) => {
    await page.goto(`/#/${view}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/e2e/tablet-${view}.png`, fullPage: true });
  });
}
