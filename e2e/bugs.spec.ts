/**
 * The lab's bugs as a new user met them (issue 20), each checked as a user
 * would see it: every test here failed on the lab before the fix.
 */
import { expect, type Page, type Request, test } from '@playwright/test';

const shots = 'test-results/e2e';

/** Requests to an API path seen from now on (to check what the lab sent, and what it did not). */
function watch(page: Page, path: string): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === path) seen.push(r);
  });
  return seen;
}

test('deterrence: every arsenal position of both sides is answered; rows show each striker’s ratio; the same state twice is refused in words', async ({
  page,
}) => {
  await page.goto('/#/deterrence');
  const delivered = page.getByTestId('delivered-RUS');
  await expect(delivered).toHaveText(/\d/);
  const before = await delivered.textContent();
  // Every slider position (10% to 200% in steps of 5%) of both sides gets an answer, not "expected a whole number".
  for (const side of ['USA', 'RUS']) {
    const slider = page.getByTestId(`arsenal-${side}`);
    for (let k = 2; k <= 40; k++) {
      const value = (k * 0.05).toFixed(2);
      if (value === '1.00') continue;
      const answered = page.waitForResponse(
        (r) =>
          r.url().endsWith('/api/deterrence') &&
          (r.request().postData() ?? '').includes(`"forces.${side}.`) &&
          (r.request().postData() ?? '').includes('launchers'),
      );
      await slider.fill(value);
      const response = await answered;
      expect(response.status(), `${side} at ${value}`).toBe(200);
      const sent = response.request().postDataJSON() as { overrides: Record<string, number> };
      const launchers = Object.entries(sent.overrides).filter(([p]) => p.endsWith('.launchers'));
      expect(launchers.length).toBeGreaterThan(0);
      expect(launchers.every(([, v]) => Number.isInteger(v))).toBe(true);
    }
    await slider.fill('1');
  }
  await page.getByTestId('arsenal-USA').fill('0.95');
  await expect(page.getByTestId('arsenal-USA-value')).toHaveText('95%');
  await expect(delivered).not.toHaveText(before ?? '');
  await expect(page.getByTestId('deterrence-error')).toHaveCount(0);
  // The alert slider and the posture still work after an arsenal change.
  const alert = page.waitForResponse((r) => r.url().endsWith('/api/deterrence'));
  await page.getByTestId('alert-USA').fill('0.5');
  expect((await alert).status()).toBe(200);
  const posture = page.waitForResponse((r) => r.url().endsWith('/api/deterrence'));
  await page.getByTestId('posture').selectOption('day-to-day');
  expect((await posture).status()).toBe(200);
  // Each row shows its first striker's ratio; the dyad's index is their product, on its own row.
  const usa = Number(await page.getByTestId('ratio-USA').textContent());
  const rus = Number(await page.getByTestId('ratio-RUS').textContent());
  const dyad = Number(await page.getByTestId('dyad-stability').textContent());
  expect(Math.abs(usa * rus - dyad)).toBeLessThan(2e-4);
  await expect(page.getByTestId('forces-year')).toContainText('2017');
  // The stability axis does not start at 0 (0.9998 and 1.0000 must differ visibly).
  const axis = await page.getByTestId('stability-chart').locator('svg text').allTextContents();
  expect(axis).not.toContain('0');
  await page.screenshot({ path: `${shots}/deterrence-95.png`, fullPage: true });
  // The same state for A and B: said in words, and no stale figures stay on screen.
  await page.getByTestId('side-1').selectOption('USA');
  await expect(page.getByTestId('same-state')).toBeVisible();
  await expect(page.getByTestId('deterrence-table')).toHaveCount(0);
  await expect(page.getByTestId('side-1')).toHaveAttribute('aria-invalid', 'true');
});

test('number fields keep what is typed: a year, a negative payoff, an empty cell, an empty Turns box', async ({
  page,
}) => {
  await page.goto('/#/relations');
  await expect(page.getByTestId('frustration')).toHaveText(/^\d+$/, { timeout: 60_000 });
  const balance = watch(page, '/api/balance');
  const year = page.getByTestId('relations-year');
  await year.fill('');
  await year.pressSequentially('1990');
  await expect(year).toHaveValue('1990');
  await expect(page).toHaveURL(/year=1990/);
  await expect(page.getByTestId('frustration')).toHaveText(/^\d+$/, { timeout: 60_000 });
  const years = balance.map((r) => new URL(r.url()).searchParams.get('year'));
  expect(years).toEqual(['1990']);
  await year.fill('3000');
  await year.blur();
  await expect(year).toHaveValue('3000');
  await expect(page.getByText('Enter a whole number from 1816 to 2016.')).toBeVisible();

  await page.goto('/#/games');
  await expect(page.getByTestId('game-class')).toContainText("Prisoner's Dilemma");
  const cell = page.getByTestId('payoff-0-0-0');
  const sent = page.waitForRequest(
    (r) => r.url().endsWith('/api/games/equilibria') && JSON.stringify(r.postDataJSON()).includes('-2.5'),
  );
  await cell.fill('');
  await cell.pressSequentially('-2.5');
  await expect(cell).toHaveValue('-2.5');
  await sent;
  await expect(page.getByTestId('equilibria').locator('li')).toHaveCount(1);
  // A cleared cell stays empty, is marked, and the game is not computed as if it were 0.
  await cell.fill('');
  await expect(cell).toHaveValue('');
  await cell.blur();
  await expect(cell).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('matrix-invalid')).toBeVisible();
  await expect(page.getByTestId('equilibria')).toHaveCount(0);
  // An empty Turns box is not 0: the tournament cannot start and the field says why.
  const turns = page.getByTestId('turns');
  await turns.fill('');
  await turns.blur();
  await expect(turns).toHaveValue('');
  await expect(page.getByTestId('run-tournament')).toBeDisabled();
  await expect(page.locator('label', { has: turns })).toContainText('Enter a value.');
});

test('stale results: an error clears the figures it replaces; a triangle with a state twice; a duplicate strategy name', async ({
  page,
}) => {
  await page.goto('/#/relations');
  await expect(page.getByTestId('frustration')).toHaveText(/^\d+$/, { timeout: 60_000 });
  await expect(page.getByTestId('triangle')).toBeVisible();
  // 1950: Japan and Germany are not states of the system. Both problems are listed, by name of the field, and nothing stale stays.
  await page.getByTestId('relations-year').fill('1950');
  const error = page.getByTestId('relations-error');
  await expect(error).toBeVisible({ timeout: 30_000 });
  await expect(error.locator('li')).toHaveCount(2);
  await expect(error).toContainText('States, item 4');
  await expect(error).toContainText('JPN');
  await expect(error).not.toContainText('querystring');
  await expect(error).not.toContainText('problems in the request');
  await expect(page.getByTestId('balance')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/relations-1950-error.png`, fullPage: true });
  await page.getByTestId('relations-year').fill('2016');
  await expect(page.getByTestId('frustration')).toHaveText(/^\d+$/, { timeout: 60_000 });
  await page.getByTestId('triangle-2').selectOption('USA');
  await expect(page.getByTestId('triangle-problem')).toContainText('chosen twice');
  await expect(page.getByTestId('triangle')).toHaveCount(0);

  await page.goto('/#/games');
  await expect(page.getByTestId('equilibria').locator('li')).toHaveCount(1);
  await page.getByTestId('row-name-1').fill('C');
  const gamesError = page.getByTestId('games-error');
  await expect(gamesError).toContainText('Strategy names');
  await expect(gamesError).toContainText('duplicate strategy name "C"');
  await expect(gamesError).not.toContainText('body.');
  await expect(page.getByTestId('equilibria')).toHaveCount(0);
  await expect(page.getByTestId('game-class')).toHaveCount(0);
});

test('errors in Chinese: the frame and the message families are translated, the server’s sentence kept as detail', async ({
  page,
}) => {
  await page.goto('/#/relations?year=1950');
  await page.getByTestId('language').selectOption('zh-Hans');
  const error = page.getByTestId('relations-error');
  await expect(error).toContainText('服务器无法使用此输入', { timeout: 30_000 });
  await expect(error).toContainText('国家，第 4 项');
  await expect(error).toContainText('未知国家“JPN”');
  await expect(error.locator('[lang="en"]').first()).toContainText('unknown actor');
  await page.screenshot({ path: `${shots}/relations-error-zh-Hans.png`, fullPage: true });
});

test('scenario editor: blank text, years before the world, an unclosed bracket, both stages of problems, runs and seed from the file', async ({
  page,
}) => {
  await page.goto('/#/scenario');
  const editor = page.getByTestId('scenario-text');
  await expect(editor).toHaveValue(/name: baseline-2017/);
  await expect(page.getByTestId('problems')).toContainText('valid');
  // Runs and seed: empty fields mean the file's ensemble, and the lab says so.
  await expect(page.getByTestId('runs')).toHaveValue('');
  await expect(page.getByTestId('ensemble-note')).toContainText("the scenario's own");
  await page.getByTestId('runs').fill('5000');
  await page.getByTestId('runs').blur();
  await expect(page.getByTestId('ensemble-note')).toContainText('override');
  await page.getByTestId('runs').fill('200000');
  await page.getByTestId('runs').blur();
  await expect(page.getByText('Enter a whole number from 1 to 100,000.')).toBeVisible();
  await expect(page.getByTestId('run')).toBeDisabled();
  await page.getByTestId('runs').fill('');
  // The paired difference does not compare the scenario with itself by default.
  await expect(page.getByTestId('compare-paired')).toBeDisabled();
  await page.getByTestId('compare-with').selectOption('baseline-2017');
  await expect(page.getByTestId('paired-reason')).toContainText('same as baseline-2017');
  await expect(page.getByTestId('compare-paired')).toBeDisabled();

  const problems = page.getByTestId('problem');
  await editor.fill('');
  await expect(problems.first()).toContainText('the scenario is empty');
  await editor.fill('name: x\ndescription: d\nactors: [USA, CHN]\nyears: 1700..1720\n');
  await expect(problems.first()).toContainText('line 4');
  await expect(problems.first()).toContainText('starts in 1700');
  await expect(page.getByTestId('run')).toBeDisabled();
  await editor.fill('name: broken\nyears: [2017\nactors: [USA, CHN]\n');
  await expect(problems.first()).toContainText('line 2, column 8');
  await expect(problems.first()).toContainText('never closed');
  await editor.fill('name: Bad Name\ndescription: d\nactors: [USA, XXX]\nyears: 2017..2020\n');
  await expect(problems).toHaveCount(2);
  await expect(page.getByTestId('problems')).toContainText('unknown actor "XXX"');
  await page.screenshot({ path: `${shots}/scenario-two-stages.png`, fullPage: true });
});

test('keyboard: the skip link reaches this view’s content; map and network take the keyboard; focus follows a view switch', async ({
  page,
}) => {
  await page.goto('/#/deterrence');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nuclear deterrence');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('button', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/deterrence$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  // A view switch puts the focus on the new view's heading.
  await page.getByRole('link', { name: 'World' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'World power' })).toBeFocused();
  // The map: focus it, move through the states by rank.
  const map = page.getByTestId('map-explore');
  await expect(page.getByTestId('world-map')).toHaveAttribute('data-year', '2016');
  await map.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('map-focus')).toContainText('China: rank 1');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('map-focus')).toContainText('rank 2');
  await expect(page.getByTestId('world-map').locator('path.focused')).toHaveCount(1);
  // The network: focus it, hear a state's ties.
  await page.goto('/#/relations');
  await expect(page.getByTestId('frustration')).toHaveText(/^\d+$/, { timeout: 60_000 });
  await page.getByTestId('network').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('network-focus')).toContainText('United States of America:');
});

test('smaller: composite weights, the legend’s square-root ticks, one name per state, every strategy, state titles, units, band tooltips', async ({
  page,
}) => {
  await page.goto('/#/world');
  await expect(page.getByTestId('world-map')).toHaveAttribute('data-year', '2016');
  // The ramp is square-root: the middle tick is a quarter of the largest share.
  const ticks = await page.getByTestId('legend').locator('text').allTextContents();
  expect(ticks).toHaveLength(5);
  const pct = (s: string) => Number(s.replace('%', ''));
  expect(pct(ticks[2]!)).toBeCloseTo(pct(ticks[4]!) / 4, 0);
  await page.getByTestId('index').selectOption('composite');
  await expect(page.getByTestId('weights')).toBeVisible();
  const request = page.waitForRequest(
    (r) => r.url().includes('weights=') && r.url().includes('military%3D3'),
  );
  await page.getByTestId('weight-military').fill('3');
  await request;
  await expect(page).toHaveURL(/w\.military=3/);
  // One English name for China in every view.
  await expect(page.getByTestId('ranking')).toContainText('China');
  await page.goto('/#/deterrence?a=USA&b=CHN');
  await expect(page.getByTestId('deterrence-table')).toContainText('China');
  await expect(page.getByTestId('deterrence-table')).not.toContainText("People's Republic");
  // Every strategy the API has can be picked.
  await page.goto('/#/games');
  const api = (await (await page.request.get('/api/games/strategies')).json()) as { strategies: unknown[] };
  await expect(page.getByTestId('strategy-picker').locator('input[type="checkbox"]')).toHaveCount(
    api.strategies.length,
  );
  expect(api.strategies.length).toBeGreaterThan(50);
});
