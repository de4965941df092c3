/**
 * The Economy view: the dependence matrix, gains from trade and their
 * inequality, and the power transition, driven through the controls and
 * checked against the API's numbers; its exports, its link, its errors.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';

const shots = 'test-results/e2e';

interface Dyad {
  a: string;
  b: string;
  dependenceA: number | null;
  dependenceB: number | null;
  interdependence: number | null;
}
interface Gains {
  states: { id: string; gainShare: number | null }[];
  inequality: { equalWeights: { gini: number; theil: number }; populationWeights: { gini: number } | null };
}
interface Transition {
  series: { year: number; ratio: number }[];
  overtakings: unknown[];
  parityYears: number[];
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

async function json<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.ok()).toBe(true);
  return (await res.json()) as T;
}

async function downloaded(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const d = await download;
  return { name: d.suggestedFilename(), text: readFileSync(await d.path()).toString('utf8') };
}

test('economy: the major powers by default, with the API’s dependence, gains and inequality', async ({
  page,
}) => {
  await page.goto('/#/economy');
  const matrix = page.getByTestId('dependence-matrix');
  await expect(matrix).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('trade-year')).toContainText('World of 2016, trade of 2014');
  const dep = await json<{ states: { id: string }[]; dyads: Dyad[] }>(page, '/api/economy/dependence');
  expect(dep.states.map((s) => s.id)).toEqual(['USA', 'GBR', 'FRA', 'DEU', 'RUS', 'CHN', 'JPN']);
  await expect(matrix.locator('tbody tr')).toHaveCount(7);
  await expect(page.getByTestId('economy-states').locator('.chips li')).toHaveCount(7);
  await expect(page.getByTestId('economy-states')).toContainText('Russian Federation');
  const usChn = dep.dyads.find((d) => d.a === 'USA' && d.b === 'CHN')!;
  // Row on column: the row state's dependence on the pair's trade.
  await expect(page.getByTestId('dep-USA-CHN')).toHaveText(pct(usChn.dependenceA!));
  await expect(page.getByTestId('dep-CHN-USA')).toHaveText(pct(usChn.dependenceB!));

  const gains = await json<Gains>(page, '/api/economy/gains');
  const chn = gains.states.find((s) => s.id === 'CHN')!;
  await expect(page.getByTestId('gain-share-CHN')).toHaveText(pct(chn.gainShare!));
  await expect(page.getByTestId('ineq-gini-equal')).toHaveText(gains.inequality.equalWeights.gini.toFixed(4));
  await expect(page.getByTestId('ineq-theil-equal')).toHaveText(
    gains.inequality.equalWeights.theil.toFixed(4),
  );
  await expect(page.getByTestId('ineq-gini-population')).toHaveText(
    gains.inequality.populationWeights!.gini.toFixed(4),
  );
  await expect(page.getByTestId('gains-chart').locator('svg path').first()).toBeAttached();
  await expect(page.getByTestId('transition-chart').locator('svg path').first()).toBeAttached();
  await page.screenshot({ path: `${shots}/economy.png`, fullPage: true });
});

test('economy: year, states by name, measure, elasticity and inequality of per-capita gains follow the controls', async ({
  page,
}) => {
  await page.goto('/#/economy');
  await expect(page.getByTestId('dependence-matrix')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('economy-year').fill('2000');
  await expect(page.getByTestId('trade-year')).toContainText('World of 2000, trade of 2000');
  const picker = page.getByTestId('economy-states');
  await picker.getByRole('button', { name: 'Remove Japan' }).click();
  await page.getByTestId('economy-states-add').selectOption({ label: 'India (IND)' });
  await page.getByTestId('matrix-measure').selectOption('interdependence');
  await page.getByTestId('gains-theta').fill('8');
  await page.getByTestId('gains-quantity').selectOption('per-capita');
  await expect(page).toHaveURL(/year=2000/);
  await expect(page).toHaveURL(
    /states=USA%2CGBR%2CFRA%2CDEU%2CRUS%2CCHN%2CIND|states=USA,GBR,FRA,DEU,RUS,CHN,IND/,
  );
  const states = 'USA,GBR,FRA,DEU,RUS,CHN,IND';
  const dep = await json<{ dyads: Dyad[] }>(page, `/api/economy/dependence?year=2000&states=${states}`);
  const chnInd = dep.dyads.find((d) => d.a === 'CHN' && d.b === 'IND')!;
  await expect(page.getByTestId('dep-IND-CHN')).toHaveText(chnInd.interdependence!.toFixed(4));
  await expect(page.getByTestId('dep-CHN-JPN')).toHaveCount(0);
  const gains = await json<Gains>(
    page,
    `/api/economy/gains?year=2000&states=${states}&theta=8&inequalityOf=per-capita`,
  );
  await expect(page.getByTestId('gains-formula')).toContainText('θ');
  await expect(page.getByTestId('gains-table')).toContainText('θ = 8');
  await expect(page.getByTestId('ineq-gini-equal')).toHaveText(gains.inequality.equalWeights.gini.toFixed(4));
  await expect(page.getByTestId('inequality-table')).toContainText('Gains in US$ per person');

  // The link reproduces the view.
  const link = page.url();
  await page.goto('/#/world');
  await page.goto(link);
  await expect(page.getByTestId('dep-IND-CHN')).toHaveText(chnInd.interdependence!.toFixed(4));
  await expect(page.getByTestId('gains-theta')).toHaveValue('8');

  // A year before trade data is refused in the field, and nothing is sent.
  await page.getByTestId('economy-year').fill('1850');
  await expect(page.getByText('Enter a whole number from 1870 to 2016.')).toBeVisible();
  await expect(page.getByTestId('dependence-matrix')).toHaveCount(0);
});

test('economy: the power transition of a dyad picked by name, PPP GDP and CINC, against the API', async ({
  page,
}) => {
  await page.goto('/#/economy');
  const summary = page.getByTestId('transition-summary');
  await expect(summary).toBeVisible({ timeout: 60_000 });
  const gdp = await json<Transition>(page, '/api/economy/transition?actors=CHN,USA');
  const lastGdp = gdp.series[gdp.series.length - 1]!;
  await expect(page.getByTestId('transition-last-ratio')).toHaveText(lastGdp.ratio.toFixed(3));
  await expect(page.getByTestId('transition-range')).toHaveText(`${gdp.series[0]!.year}–${lastGdp.year}`);
  await expect(page.getByTestId('overtakings').locator('tbody tr')).toHaveCount(gdp.overtakings.length);

  await page.getByTestId('transition-a').selectOption({ label: 'Russian Federation' });
  await page.getByTestId('transition-measure').selectOption('cinc');
  await expect(page).toHaveURL(/dyad=RUS%2CUSA|dyad=RUS,USA/);
  const cinc = await json<Transition>(page, '/api/economy/transition?actors=RUS,USA&measure=cinc');
  const last = cinc.series[cinc.series.length - 1]!;
  await expect(page.getByTestId('transition-last-ratio')).toHaveText(last.ratio.toFixed(3));
  await expect(page.getByTestId('transition-range')).toHaveText(`${cinc.series[0]!.year}–${last.year}`);
  await expect(page.getByTestId('overtakings').locator('tbody tr')).toHaveCount(cinc.overtakings.length);
  await expect(page.getByTestId('transition-parity-years')).toContainText(String(cinc.parityYears[0]));

  // The same state twice: said in words, nothing sent.
  await page.getByTestId('transition-b').selectOption({ label: 'Russian Federation' });
  await expect(page.getByTestId('transition-same')).toBeVisible();
  await expect(page.getByTestId('transition-chart')).toHaveCount(0);
});

test('economy: exports hold the API’s numbers; charts give PNG and SVG', async ({ page }) => {
  await page.goto('/#/economy');
  await expect(page.getByTestId('dependence-matrix')).toBeVisible({ timeout: 60_000 });
  const dep = await json<{ dyads: Dyad[] }>(page, '/api/economy/dependence');
  const csv = await downloaded(page, 'dependence-export-csv');
  expect(csv.name).toBe('concert-dependence-2014.csv');
  const lines = csv.text.trim().split(/\r?\n/);
  expect(lines).toHaveLength(dep.dyads.length + 1);
  const header = lines[0]!.split(',');
  const first = lines[1]!.split(',');
  expect(Number(first[header.indexOf('dependenceA')])).toBe(dep.dyads[0]!.dependenceA);
  const js = await downloaded(page, 'gains-export-json');
  expect(JSON.parse(js.text)).toEqual(await json(page, '/api/economy/gains'));
  const png = await downloaded(page, 'gains-chart-export-png');
  expect(png.name).toMatch(/\.png$/);
  const svg = await downloaded(page, 'transition-chart-export-svg');
  expect(svg.text).toContain('<svg');
});

test('economy: an unknown state in the link is an error located at its item, in 简体中文 too', async ({
  page,
}) => {
  await page.addInitScript(() => localStorage.setItem('concert.language', 'zh-Hans'));
  await page.goto('/#/economy?states=USA,XXX');
  const error = page.getByTestId('economy-error');
  await expect(error).toBeVisible({ timeout: 60_000 });
  await expect(error).toContainText('服务器无法使用此输入');
  await expect(error).toContainText('国家，第 2 项');
  await expect(error).toContainText('未知国家“XXX”');
});
