/**
 * The web lab end to end, against the real server: every view opens and
 * shows model output; sliders change charts; a small ensemble runs to fan
 * charts; the language switch translates labels and country names; a broken
 * scenario shows its located error.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';

const shots = 'test-results/e2e';

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

test('world: the map, the ranking and the year slider', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const map = page.getByTestId('world-map');
  await expect(map).toHaveAttribute('data-year', '2016');
  expect(await map.locator('path.country').count()).toBeGreaterThan(150);
  expect(await map.locator('path.country.major').count()).toBeGreaterThan(0);
  const firstRow = page.getByTestId('ranking').locator('tbody tr').first();
  await expect(firstRow).toContainText('China');
  await expect(page.getByTestId('map-note')).toContainText('imply no position');
  const load = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return nav ? nav.loadEventEnd - nav.startTime : Number.POSITIVE_INFINITY;
  });
  expect(load).toBeLessThan(1000);
  await shot(page, 'world-2016');

  const before = await map.innerHTML();
  await page.getByTestId('year').fill('1900');
  await expect(page.getByTestId('year-value')).toHaveText('1900');
  await expect(map).toHaveAttribute('data-year', '1900');
  await expect(firstRow).not.toContainText('China');
  expect(await map.innerHTML()).not.toEqual(before);
  await shot(page, 'world-1900');
  expect(errors).toEqual([]);
});

test('relations: signed network, balance, triangle and a what-if edit', async ({ page }) => {
  await page.goto('/#/relations');
  await expect(page.getByTestId('network').locator('canvas').first()).toBeVisible();
  const frustration = page.getByTestId('frustration');
  await expect(frustration).toHaveText(/^\d+$/, { timeout: 60_000 });
  await expect(page.getByTestId('frustrated-list').locator('li').first()).toBeVisible();
  await expect(page.getByTestId('triangle')).toContainText(/open triad|romantic|marriage|ménage|hostile/);
  await page.getByTestId('whatif').fill('1');
  await expect(page.getByTestId('whatif-score')).toHaveText('1.0');
  await expect(page.getByTestId('whatif-delta')).toContainText('Frustration index');
  await shot(page, 'relations');
});

test('deterrence: moving a slider changes the charts within a moment', async ({ page }) => {
  await page.goto('/#/deterrence');
  const delivered = page.getByTestId('delivered-RUS');
  await expect(delivered).toHaveText(/\d/);
  const chart = page.getByTestId('strike-chart');
  await expect(chart.locator('svg path').first()).toBeAttached();
  const before = await delivered.textContent();
  const svgBefore = await chart.innerHTML();
  await page.getByTestId('arsenal-USA').fill('2');
  await expect(delivered).not.toHaveText(before ?? '', { timeout: 5_000 });
  await expect.poll(async () => (await chart.innerHTML()) !== svgBefore, { timeout: 5_000 }).toBe(true);
  for (const v of ['1.5', '1.2', '0.8', '1.8', '2']) {
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/deterrence'));
    await page.getByTestId('arsenal-USA').fill(v);
    await answered;
  }
  const durations = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('/api/deterrence'))
      .map((e) => e.duration)
      .sort((x, y) => x - y),
  );
  expect(durations.length).toBeGreaterThanOrEqual(6);
  expect(durations[Math.floor(durations.length / 2)]).toBeLessThan(100);
  await page.getByTestId('interceptors-USA').fill('5');
  await expect(page.getByTestId('stability-chart').locator('svg')).toBeAttached();
  await shot(page, 'deterrence');
});

test('games: equilibria and class of a matrix; a tournament', async ({ page }) => {
  await page.goto('/#/games');
  await expect(page.getByTestId('game-class')).toContainText("Prisoner's Dilemma");
  await expect(page.getByTestId('equilibria').locator('li')).toHaveCount(1);
  await page.getByTestId('preset').selectOption('pennies');
  await expect(page.getByTestId('game-class')).toContainText('no pure-strategy equilibrium');
  await expect(page.getByTestId('equilibria')).toContainText('1/2');
  await page.getByTestId('run-tournament').click();
  await expect(page.getByTestId('tournament').locator('tbody tr')).toHaveCount(6);
  await shot(page, 'games');
});

test('scenario: a broken scenario shows its located error', async ({ page }) => {
  await page.goto('/#/scenario');
  const editor = page.getByTestId('scenario-text');
  await expect(editor).toHaveValue(/name:/);
  await expect(page.getByTestId('problems')).toContainText('valid');
  await editor.fill('name: broken\nyears: [2017\nactors: [USA, CHN]\n');
  const problem = page.getByTestId('problem').first();
  await expect(problem).toContainText(/line \d+, column \d+/);
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('run')).toBeDisabled();
  await expect(page.getByTestId('compare-paired')).toBeDisabled();
  await shot(page, 'scenario-error');
});

test('scenario: a small ensemble runs to fan charts with legends, units, band tooltips, state names; the report', async ({
  page,
}) => {
  await page.goto('/#/scenario');
  await expect(page.getByTestId('problems')).toContainText('valid');
  await page.getByTestId('runs').fill('4');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('progress')).toBeVisible();
  await expect(page.getByTestId('run-summary')).toContainText('4 runs', { timeout: 110_000 });
  // The page brings the results into view.
  await expect(page.getByTestId('run-summary')).toBeInViewport();
  const fan = page.getByTestId('fan-stability.index');
  await expect(fan.locator('svg path').first()).toBeAttached();
  await expect(fan).toContainText('median');
  await expect(fan).toContainText('25–75%');
  await expect(fan).toContainText('index 0–1');
  await expect(page.getByTestId('progress')).toHaveAttribute('value', '4');
  await expect(page).toHaveURL(/run=[0-9a-f]{8,}/);
  // The tooltip gives every band of the year pointed at.
  const box = await fan.boundingBox();
  await fan.hover({ position: { x: box!.width * 0.5, y: box!.height * 0.55 } });
  await fan.hover({ position: { x: box!.width * 0.6, y: box!.height * 0.6 } });
  await expect(fan).toContainText('5–95%:');
  // Per-state series are titled by indicator and state, not by their id.
  await page.getByText(/Indicators of single states/).click();
  await expect(page.getByText('Net gains — United States of America').first()).toBeAttached();
  await expect(page.getByText('gains.net.USA')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/scenario-fan.png`, fullPage: true });
  // The HTML report holds the same numbers as the result the lab shows.
  const jsonDownload = page.waitForEvent('download');
  await page.getByTestId('bands-export-json').click();
  const shown = JSON.parse(readFileSync(await (await jsonDownload).path(), 'utf8')) as {
    indicators: Record<string, { q50: number[] }>;
  };
  const reportDownload = page.waitForEvent('download');
  await page.getByTestId('run-report').click();
  const html = readFileSync(await (await reportDownload).path(), 'utf8');
  expect(html).toContain('<h2>Assumptions</h2>');
  expect(html).not.toMatch(/<script(?! type="application\/json")/);
  const embedded = JSON.parse(
    /<script type="application\/json" id="concert-documents">(.*)<\/script>/s.exec(html)![1]!,
  ) as {
    ensembles: { indicators: Record<string, { q50: number[] }> }[];
  };
  expect(embedded.ensembles[0]!.indicators['stability.index']!.q50).toEqual(
    shown.indicators['stability.index']!.q50,
  );
});

test('scenario: the edited scenario against a shipped one, with what each event contributes', async ({
  page,
}) => {
  await page.goto('/#/scenario');
  await page.getByTestId('scenario-pick').selectOption('thaad-korea');
  const editor = page.getByTestId('scenario-text');
  await expect(editor).toHaveValue(/name: thaad-korea/);
  await editor.fill((await editor.inputValue()).replace('name: thaad-korea', 'name: thaad-edited'));
  await expect(page.getByTestId('problems')).toContainText('valid');
  await page.getByTestId('runs').fill('3');
  await page.getByTestId('compare-with').selectOption('baseline-2017');
  // Attribution is checked in the Compare test; here the difference alone (fewer runs).
  await page.getByTestId('compare-attribute').uncheck();
  await page.getByTestId('compare-paired').click();
  await expect(page.getByTestId('compare-difference').locator('svg path').first()).toBeAttached({
    timeout: 110_000,
  });
  await expect(page.getByTestId('paired-summary')).toContainText(
    'thaad-edited − baseline-2017: 3 paired runs',
  );
  await page.getByTestId('paired-indicator').selectOption('crisisStability.worst');
  await expect(page.getByTestId('compare-difference')).toContainText(/crisis/i);
  await shot(page, 'scenario-paired');
});

test('compare: two scenarios side by side; the difference, its events in words, its report; results go when B changes', async ({
  page,
}) => {
  await page.goto('/#/compare');
  await expect(page.getByTestId('compare-a').locator('option')).not.toHaveCount(0);
  await page.getByTestId('compare-runs').fill('3');
  await page.getByTestId('compare-run').click();
  const charts = page.getByTestId('compare-charts');
  await expect(charts.locator('.chart')).toHaveCount(2, { timeout: 110_000 });
  await expect(page.getByTestId('progress').first()).toHaveAttribute('value', '3');
  await page.getByTestId('compare-paired').click();
  await expect(page.getByTestId('compare-difference').locator('svg path').first()).toBeAttached({
    timeout: 110_000,
  });
  await expect(page.getByTestId('paired-summary')).toContainText(
    'thaad-korea − baseline-2017: 3 paired runs',
  );
  // What each event contributes, as `concert compare` prints it: thaad-korea's four events, in words.
  const attribution = page.getByTestId('compare-attribution');
  await expect(attribution.locator('tbody tr')).toHaveCount(4);
  await expect(attribution).toContainText(
    'missile defence deployed 2019 · United States of America THAAD-Korea',
  );
  await expect(attribution).toContainText('sensor switched 2017 · United States of America TPY-2-Korea');
  await expect(attribution.locator('td[title="deploy-missile-defense 2019 USA THAAD-Korea"]')).toHaveCount(1);
  await attribution.scrollIntoViewIfNeeded();
  await shot(page, 'compare');
  // The report of the difference holds the numbers the lab shows (those of concert compare --json).
  const jsonDownload = page.waitForEvent('download');
  await page.getByTestId('paired-export-json').click();
  const shown = JSON.parse(readFileSync(await (await jsonDownload).path(), 'utf8')) as {
    runs: number;
    indicators: Record<string, { mean: number[] }>;
  };
  const reportDownload = page.waitForEvent('download');
  await page.getByTestId('paired-report').click();
  const html = readFileSync(await (await reportDownload).path(), 'utf8');
  const embedded = JSON.parse(
    /<script type="application\/json" id="concert-documents">(.*)<\/script>/s.exec(html)![1]!,
  ) as {
    comparison: { runs: number; indicators: Record<string, { mean: number[] }> };
  };
  expect(embedded.comparison).toEqual(shown);
  expect(html).toContain('thaad-korea − baseline-2017: 3 paired runs');
  // In Chinese, the events are named in Chinese.
  await page.getByTestId('language').selectOption('zh-Hans');
  await expect(attribution).toContainText('部署导弹防御 2019 · 美国');
  await expect(attribution).toContainText('传感器开关 2017 · 美国 TPY-2-Korea');
  await page.getByTestId('language').selectOption('en');
  // Switching B drops the results computed for the old B: no difference under the wrong title.
  await page.getByTestId('compare-b').selectOption('mds-europe');
  await expect(page.getByTestId('compare-difference')).toHaveCount(0);
  await expect(page.getByTestId('compare-attribution')).toHaveCount(0);
  await expect(page.getByTestId('compare-charts')).toHaveCount(0);
});

test('languages: 简体中文 and 繁體中文 translate labels and country names', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('ranking')).toContainText('China');
  await page.getByTestId('language').selectOption('zh-Hans');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('世界实力');
  await expect(page.getByRole('navigation')).toContainText('威慑');
  await expect(page.getByTestId('ranking')).toContainText('中国');
  await expect(page.getByTestId('ranking')).toContainText('美国');
  await shot(page, 'world-zh-Hans');
  await page.getByTestId('language').selectOption('zh-Hant');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('世界實力');
  await expect(page.getByRole('navigation')).toContainText('嚇阻');
  await expect(page.getByTestId('ranking')).toContainText('美國');
  await shot(page, 'world-zh-Hant');
  await page.goto('/#/deterrence');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('核嚇阻');
  await expect(page.getByTestId('strike-chart')).toContainText('先制打擊');
  await shot(page, 'deterrence-zh-Hant');
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nuclear deterrence');
});

test('keyboard: views are reachable by Tab and focus is visible', async ({ page }) => {
  await page.goto('/');
  // The skip link is rendered by React: wait for the app (and the first view) before pressing Tab.
  const skip = page.getByRole('button', { name: 'Skip to content' });
  await expect(skip).toBeAttached();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveText('Relations');
  const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/relations$/);
});
