/**
 * The sensitivity view end to end: a small Morris and a small Sobol' design
 * of baseline-2017 run through the UI (POST /api/sensitivity as a job, with
 * progress) to the chart and the table of every uncertain parameter, in
 * English, 简体中文 and 繁體中文; bad input is refused next to its field.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

const shots = 'test-results/e2e';

/** The design factors of baseline-2017 (its `uncertain` block without the composite core-interest stances). */
const PARAMETERS = [
  'policies.default.misperception',
  'policies.default.consultation',
  'policies.default.arms.reaction',
  'policies.default.arms.fatigue',
  'policies.USA.arms.baselineGrowth',
  'policies.CHN.arms.baselineGrowth',
  'policies.RUS.arms.baselineGrowth',
  'policies.JPN.arms.baselineGrowth',
  'policies.DEU.arms.baselineGrowth',
  'policies.GBR.arms.baselineGrowth',
  'policies.FRA.arms.baselineGrowth',
  'policies.IND.arms.baselineGrowth',
  'couplings.crises.base',
  'couplings.crises.hostility',
  'couplings.structuralBalance.rate',
  'couplings.threatPerception.rate',
  'couplings.damageLimitation.weight',
  'couplings.interactionSignal.rate',
  'couplings.coreInterests.weight',
  'deterrence.reliability',
  'deterrence.alert.slbm.dayToDay',
  'deterrence.alert.slbm.generated',
  'deterrence.alert.road-mobile.dayToDay',
  'deterrence.alert.road-mobile.generated',
  'deterrence.alert.bomber.generated',
  'deterrence.pk',
  'deterrence.cepFactor',
  'deterrence.siloHardnessPsi',
];

async function open(page: Page, lang: string, hash = '') {
  await page.addInitScript((l) => localStorage.setItem('concert.language', l), lang);
  await page.goto(`/#/sensitivity${hash}`);
  await expect(page.getByTestId('sens-design')).toContainText('28');
}

/** Runs the design with `n` and waits for the table. */
async function run(page: Page, n: string) {
  await page.getByTestId('sens-n').fill(n);
  const started = page.waitForResponse((r) => r.url().endsWith('/api/sensitivity'));
  await page.getByTestId('sens-run').click();
  expect((await started).status()).toBe(202);
  await expect(page.getByTestId('sens-table')).toBeVisible({ timeout: 90_000 });
}

/** Every parameter is a row of the table, and its chart label fits (no label drawn past the chart's left edge). */
async function checkTable(page: Page) {
  const rows = page.getByTestId('sens-table').locator('tbody tr');
  await expect(rows).toHaveCount(PARAMETERS.length);
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-parameter')));
  expect([...shown].sort()).toEqual([...PARAMETERS].sort());
  // Every parameter has a label of its own (a bare path means a missing translation).
  const bare = await rows.evaluateAll(
    (trs) =>
      trs.filter((tr) => tr.querySelector('td')?.textContent === tr.getAttribute('data-parameter')).length,
  );
  expect(bare).toBe(0);
  await expect(page.getByTestId('sens-table')).toContainText('deterrence.alert.road-mobile.generated');
  const chart = page.getByTestId('sens-chart');
  await expect(chart.locator('svg path').first()).toBeAttached();
  const overflow = await chart.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return [...el.querySelectorAll('text')].some((t) => t.getBoundingClientRect().left < box.left - 1);
  });
  expect(overflow).toBe(false);
  const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(pageOverflow).toBeLessThanOrEqual(0);
}

test('sensitivity: a small Morris design runs to the μ* chart, the μ*–σ scatter and the table (English)', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await open(page, 'en');
  await expect(page.getByTestId('sens-method')).toHaveValue('morris');
  await expect(page.getByTestId('sens-n')).toHaveValue('10');
  await expect(page.getByText('290 runs: 10 × (28 parameters + 1)')).toBeVisible();
  await run(page, '3');
  await expect(page.getByTestId('progress')).toHaveAttribute('value', '87');
  await expect(page.getByTestId('sens-summary')).toContainText(
    'baseline-2017: Morris elementary effects on Strategic stability index in 2036; r = 3 trajectories on 4 levels, 87 runs, seed 2017',
  );
  await checkTable(page);
  await expect(page.getByTestId('sens-table').locator('thead')).toContainText('μ*');
  await expect(page.getByTestId('sens-table')).toContainText('Misperception');
  // A state's own policy is labelled with the state's name; no parameter is shown by its bare path alone.
  await expect(page.getByTestId('sens-table')).toContainText('Baseline spending growth (Russia');
  await expect(page.getByTestId('sens-table')).toContainText('Crises: hostility weight c₁');
  await expect(page.getByTestId('sens-scatter').locator('svg text').first()).toBeAttached();
  // The CSV has every parameter, unrounded.
  const download = page.waitForEvent('download');
  await page.getByTestId('sens-export-csv').click();
  const csv = await (await download).createReadStream();
  let text = '';
  for await (const chunk of csv) text += chunk;
  expect(text.split('\r\n')[0]).toBe('series,year,parameter,muStar,muStarConf,mu,sigma');
  expect(text.trim().split('\r\n')).toHaveLength(PARAMETERS.length + 1);
  await page.screenshot({ path: `${shots}/sensitivity-morris-en.png`, fullPage: true });
  await page.getByTestId('sens-scatter').screenshot({ path: `${shots}/sensitivity-morris-scatter-en.png` });
  // The result (charts' boxes, table, exports) has no serious or critical accessibility violation.
  const { violations } = await new AxeBuilder({ page }).exclude('.chart > div').analyze();
  expect(
    violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);

  // Sobol' with N = 2: first-order and total indices with their intervals.
  await page.getByTestId('sens-method').selectOption('sobol');
  await expect(page.getByTestId('sens-results')).toHaveCount(0);
  await expect(page.getByTestId('sens-n')).toHaveValue('8');
  await run(page, '2');
  await expect(page.getByTestId('sens-summary')).toContainText('N = 2 base points, 60 runs');
  await expect(page.getByTestId('sens-sum')).toContainText('Σ Sᵢ');
  await checkTable(page);
  await expect(page.getByTestId('sens-table').locator('thead')).toContainText('Total Sₜᵢ');
  await page.screenshot({ path: `${shots}/sensitivity-sobol-en.png`, fullPage: true });
  await page.getByTestId('sens-chart').screenshot({ path: `${shots}/sensitivity-sobol-chart-en.png` });
  expect(errors).toEqual([]);
});

for (const lang of ['zh-Hans', 'zh-Hant'] as const) {
  test(`sensitivity in ${lang}: labels of the view, the chart and the parameters translated`, async ({
    page,
  }) => {
    // 繁體中文 at tablet width: the longest labels must still fit.
    if (lang === 'zh-Hant') await page.setViewportSize({ width: 820, height: 1180 });
    // 简体中文 with the first click's N (8 base points, 240 runs), 繁體中文 with 2.
    await open(page, lang, lang === 'zh-Hans' ? '?method=sobol' : '?method=sobol&n=2');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('敏感性分析');
    await page.getByTestId('sens-run').click();
    await expect(page.getByTestId('sens-table')).toBeVisible({ timeout: 90_000 });
    await checkTable(page);
    const header = page.getByTestId('sens-table').locator('thead');
    await expect(header).toContainText(lang === 'zh-Hans' ? '总 Sₜᵢ' : '總 Sₜᵢ');
    await expect(page.getByTestId('sens-table')).toContainText(lang === 'zh-Hans' ? '误判' : '誤判');
    await expect(page.getByTestId('sens-table')).toContainText(
      lang === 'zh-Hans' ? '军费基准增长（俄罗斯）' : '軍費基準增長（俄羅斯）',
    );
    await expect(page.getByTestId('sens-chart').locator('svg')).toContainText(
      lang === 'zh-Hans' ? 'Sobol 指数' : 'Sobol 指數',
    );
    await page.getByTestId('help').first().locator('summary').click();
    await expect(page.getByTestId('help').first()).toContainText('Sₜᵢ');
    await page.screenshot({ path: `${shots}/sensitivity-sobol-${lang}.png`, fullPage: true });
    await page.getByTestId('sens-chart').screenshot({ path: `${shots}/sensitivity-sobol-chart-${lang}.png` });
    await page.goto(`/#/sensitivity?n=3`);
    await page.getByTestId('sens-run').click();
    await expect(page.getByTestId('sens-scatter').locator('svg text').first()).toBeAttached({
      timeout: 90_000,
    });
    await checkTable(page);
    await page.screenshot({ path: `${shots}/sensitivity-morris-${lang}.png`, fullPage: true });
  });
}

test('sensitivity: bad input is refused next to its field, and nothing is started', async ({ page }) => {
  let started = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/api/sensitivity')) started++;
  });
  // An indicator that does not exist, from the address.
  await open(page, 'en', '?indicator=stability.nope');
  const indicatorMessage = page.getByTestId('sens-indicator-message');
  await expect(indicatorMessage).toHaveText(
    '“stability.nope” is not an indicator of this scenario: pick one from the list.',
  );
  await expect(page.getByTestId('sens-indicator')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('sens-run')).toBeDisabled();
  // Three wrong fields at once, each saying what it expects.
  await page.getByTestId('sens-n').fill('ten');
  await page.getByTestId('sens-year').fill('2050');
  await page.getByTestId('sens-year').blur();
  await expect(page.locator('.field-error')).toHaveCount(3);
  await page.screenshot({ path: `${shots}/sensitivity-bad-input-en.png`, fullPage: true });
  await page.getByTestId('sens-year').fill('');
  await page.getByTestId('sens-n').fill('10');
  await page.getByTestId('sens-indicator').fill('crisisStability.worst');
  await expect(indicatorMessage).toHaveText('Crisis stability (worst dyad)');
  await expect(page.getByTestId('sens-run')).toBeEnabled();

  // N: not a whole number, not positive, too large for the API's 100,000 runs.
  const n = page.getByTestId('sens-n');
  const nMessage = page.locator('label', { has: n }).locator('.field-error');
  await n.fill('2.5');
  await n.blur();
  await expect(nMessage).toHaveText('Enter a whole number.');
  await expect(page.getByTestId('sens-run')).toBeDisabled();
  await n.fill('0');
  await expect(nMessage).toHaveText('Enter a whole number from 2 to 3,448.');
  await n.fill('-4');
  await expect(nMessage).toHaveText('Enter a whole number from 2 to 3,448.');
  await n.fill('100000');
  await expect(nMessage).toHaveText('Enter a whole number from 2 to 3,448.');
  await n.fill('ten');
  await expect(nMessage).toHaveText('Enter a whole number.');
  await expect(n).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('sens-run')).toBeDisabled();
  await n.fill('2');
  await expect(nMessage).toHaveCount(0);

  // A year outside the scenario.
  const year = page.getByTestId('sens-year');
  await year.fill('2050');
  await expect(page.locator('label', { has: year }).locator('.field-error')).toHaveText(
    'Enter a whole number from 2017 to 2036.',
  );
  await expect(page.getByTestId('sens-run')).toBeDisabled();
  await year.fill('');
  await expect(page.getByTestId('sens-run')).toBeEnabled();
  expect(started).toBe(0);

  // A state suffix the lab lets through but the scenario has no such series: the server's 400, at the field.
  await page.getByTestId('sens-indicator').fill('stability.index.USA');
  await expect(indicatorMessage).not.toHaveClass(/field-error/);
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/sensitivity'));
  await page.getByTestId('sens-run').click();
  expect((await refused).status()).toBe(400);
  await expect(indicatorMessage).toHaveText(
    '“stability.index.USA” is not an indicator of this scenario: pick one from the list.',
  );
  await expect(page.getByTestId('sens-error')).toHaveCount(0);
  await expect(page.getByTestId('sens-results')).toHaveCount(0);
});
