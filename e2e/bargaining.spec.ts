/**
 * The Bargaining view: KTAB's Spatial Model of Politics on the shipped core
 * interests and on a pasted KTAB CSV, positions by turn per dimension and
 * the final state, checked against the API and the CLI; its errors (a file
 * that cannot be read, a value the model refuses), its link and exports.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { parse } from 'yaml';

const shots = 'test-results/e2e';

interface Bargaining {
  turns: number;
  stoppedBy: string;
  dimensions: { id: string; name: string }[];
  actors: { id: string }[];
  states: { positions: number[][] }[];
  median: { final: number[] };
}

const SOE = readFileSync('test/validation/fixtures/ktab_smp_soe_pol_comp.csv', 'utf8');

async function downloaded(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const d = await download;
  return { name: d.suggestedFilename(), text: readFileSync(await d.path()).toString('utf8') };
}

test('bargaining: the shipped core interests of the P5, one chart per dimension, the API’s final state', async ({
  page,
}) => {
  await page.goto('/#/bargaining');
  const final = page.getByTestId('bargain-final');
  await expect(final).toBeVisible({ timeout: 90_000 });
  const problem = parse(readFileSync('data/core-interests-2017.yaml', 'utf8')) as Record<string, unknown>;
  const res = await page.request.post('/api/bargain', { data: { problem, turns: 100, seed: 1 } });
  expect(res.ok()).toBe(true);
  const api = (await res.json()) as Bargaining;
  await expect(page.getByTestId('bargain-title')).toHaveText('Core interests of the P5, 2017');
  for (let k = 0; k < api.dimensions.length; k++)
    await expect(page.getByTestId(`bargain-chart-${k}`).locator('svg path').first()).toBeAttached();
  await expect(page.getByTestId(`bargain-chart-${api.dimensions.length}`)).toHaveCount(0);
  await expect(final.locator('tbody tr')).toHaveCount(api.actors.length + 1);
  const last = api.states[api.states.length - 1]!;
  for (const [i, a] of api.actors.entries())
    for (const [k, d] of api.dimensions.entries())
      await expect(page.getByTestId(`final-${a.id}-${d.id}`)).toContainText(
        last.positions[i]![k]!.toFixed(2),
      );
  await expect(page.getByTestId(`median-${api.dimensions[0]!.id}`)).toContainText(
    api.median.final[0]!.toFixed(2),
  );
  await expect(page.getByTestId('bargain-summary')).toContainText(`${api.turns}`);
  await page.screenshot({ path: `${shots}/bargaining.png`, fullPage: true });

  // Fewer turns through the field: the link keeps them, and a reload reproduces the run.
  await page.getByTestId('bargain-turns').fill('5');
  await expect(page.getByTestId('bargain-summary')).toContainText('5 of 5 turns');
  await expect(page).toHaveURL(/turns=5/);
  await page.reload();
  await expect(page.getByTestId('bargain-summary')).toContainText('5 of 5 turns', { timeout: 60_000 });
  const positions = await downloaded(page, 'bargain-positions-export-csv');
  expect(positions.text.trim().split(/\r?\n/)).toHaveLength(6 * api.actors.length + 1);
  const doc = await downloaded(page, 'bargain-export-json');
  expect((JSON.parse(doc.text) as Bargaining).turns).toBe(5);
  const svg = await downloaded(page, 'bargain-chart-0-export-svg');
  expect(svg.text).toContain('<svg');
});

test('bargaining: a pasted KTAB CSV (SOE-Pol-Comp) converges as concert bargain says', async ({ page }) => {
  const cli = JSON.parse(
    execFileSync(
      'node',
      [
        '--import',
        'tsx',
        'src/cli/bin.ts',
        'bargain',
        'test/validation/fixtures/ktab_smp_soe_pol_comp.csv',
        '--json',
      ],
      { encoding: 'utf8' },
    ),
  ) as Bargaining;
  expect(cli.stoppedBy).toBe('converged');
  await page.goto('/#/bargaining');
  await page.getByTestId('bargain-source').selectOption({ label: 'Your own file (pasted)' });
  await page.getByTestId('bargain-text').fill(SOE);
  const final = page.getByTestId('bargain-final');
  await expect(final.locator('tbody tr')).toHaveCount(cli.actors.length + 1, { timeout: 60_000 });
  await expect(page.getByTestId('bargain-summary')).toHaveText(
    `Converged after ${cli.turns} turns (at most 100).`,
  );
  await expect(page.getByTestId('bargain-chart-1').locator('svg path').first()).toBeAttached();
  await expect(page.getByTestId('bargain-chart-2')).toHaveCount(0);
  const last = cli.states[cli.states.length - 1]!;
  for (const [i, a] of cli.actors.entries())
    for (const [k, d] of cli.dimensions.entries())
      await expect(page.getByTestId(`final-${a.id}-${d.id}`)).toContainText(
        last.positions[i]![k]!.toFixed(2),
      );
  await page.screenshot({ path: `${shots}/bargaining-csv.png`, fullPage: true });
});

test('bargaining: a file that cannot be read, and values the model refuses, are located (in 简体中文 too)', async ({
  page,
}) => {
  await page.goto('/#/bargaining?problem=pasted');
  const text = page.getByTestId('bargain-text');
  const error = page.getByTestId('bargain-error');
  await text.fill('title: broken\ndimensions: [a, b\nactors: []\n');
  await expect(error).toContainText('YAML syntax error');
  await expect(error).toContainText('line 3');
  await expect(text).toHaveAttribute('aria-invalid', 'true');
  await text.fill(
    'Ex,desc,3,1,\nActor,Description,Power,P,S,\nA,a,100,20,180,\nB,b,60,70,50,\nC,c,40,90,60,\n',
  );
  await expect(error).toContainText('The server could not use this input');
  await expect(error).toContainText('Actors, item 1, salience, item 1');
  await expect(error).toContainText('a salience must be from 0 to 100; got 180');
  await expect(page.getByTestId('bargain-final')).toHaveCount(0);
  // In 简体中文: the frame is translated, the server's sentence follows.
  await page.getByTestId('language').selectOption('zh-Hans');
  await expect(error).toContainText('服务器无法使用此输入');
  await expect(error).toContainText('行为体，第 1 项');
});
