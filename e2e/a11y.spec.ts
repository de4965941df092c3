/** axe-core finds no serious or critical accessibility violation on any view (English and 简体中文). */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

const VIEWS: [string, (page: Page) => Promise<void>][] = [
  ['world', (p) => expect(p.getByTestId('world-map')).toHaveAttribute('data-year', '2016')],
  ['relations', (p) => expect(p.getByTestId('frustration')).toHaveText(/^\d+$/, { timeout: 60_000 })],
  ['deterrence', (p) => expect(p.getByTestId('delivered-RUS')).toHaveText(/\d/)],
  ['games', (p) => expect(p.getByTestId('equilibria').locator('li')).toHaveCount(1)],
  ['council', (p) => expect(p.getByTestId('council-table')).toBeVisible({ timeout: 60_000 })],
  ['scenario', (p) => expect(p.getByTestId('problems')).toContainText(/valid|有效/)],
  ['compare', (p) => expect(p.getByTestId('compare-a').locator('option')).not.toHaveCount(0)],
  ['runs', (p) => expect(p.getByTestId('runs-table')).toBeVisible()],
  ['sensitivity', (p) => expect(p.getByTestId('sens-design')).toBeVisible()],
];

for (const [view, ready] of VIEWS) {
  test(`no serious or critical axe violation: ${view}`, async ({ page }) => {
    // 简体中文 for every other view, so that both languages' pages are checked.
    const lang = VIEWS.findIndex(([v]) => v === view) % 2 === 0 ? 'en' : 'zh-Hans';
    await page.addInitScript((l) => localStorage.setItem('concert.language', l), lang);
    await page.goto(`/#/${view}`);
    await ready(page);
    await page.getByTestId('help').first().locator('summary').click();
    // The charts' drawing (hundreds of SVG paths inside role="img" boxes) is left out: its box is checked.
    const { violations } = await new AxeBuilder({ page })
      .exclude('.chart > div')
      .exclude('[data-testid="world-map"] > path')
      .analyze();
    const bad = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${lang} ${view}: ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
    expect(bad).toEqual([]);
  });
}
