/** The views the CLI and API had and the lab lacked: the Security Council and voting power, stored runs, large-run warning. */
import { expect, test } from '@playwright/test';

const shots = 'test-results/e2e';

test('security council: today, before 1965 and the reforms, with the API’s figures; a weighted game and its bad input', async ({
  page,
}) => {
  await page.goto('/#/council');
  const table = page.getByTestId('council-table');
  await expect(table).toBeVisible({ timeout: 60_000 });
  const api = (await (await page.request.get('/api/coalitions/unsc')).json()) as {
    councils: { id: string; groups: { shapleyShubikPerSeat: { value: number } }[] }[];
  };
  await expect(table.locator('tbody tr')).toHaveCount(api.councils.reduce((n, c) => n + c.groups.length, 0));
  await expect(table).toContainText('Today (since 1965)');
  await expect(table).toContainText('Before 1965');
  await expect(table).toContainText('Reform: G4 (2005)');
  const first = api.councils.find((c) => c.id === 'current')!.groups[0]!.shapleyShubikPerSeat.value;
  await expect(table).toContainText(first.toFixed(5));
  await expect(page.getByTestId('council-chart').locator('svg path').first()).toBeAttached();
  await expect(page.getByTestId('power-table')).toContainText('5/12');
  await page.getByTestId('power-weights').fill('4, 3, x, 1');
  await expect(page.getByTestId('power-error')).toBeVisible();
  await expect(page.getByTestId('power-table')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/council.png`, fullPage: true });
});

test('stored runs: the list with each ensemble’s status, one ensemble’s charts, a link that reopens it', async ({
  page,
}) => {
  const started = await page.request.post('/api/scenarios/run', {
    data: { scenario: { id: 'concert-of-powers' }, runs: 2, seed: 11 },
  });
  expect(started.status()).toBe(202);
  const { id } = (await started.json()) as { id: string };
  await expect
    .poll(
      async () => ((await (await page.request.get(`/api/jobs/${id}`)).json()) as { status: string }).status,
      {
        timeout: 110_000,
      },
    )
    .toBe('done');
  await page.goto('/#/runs');
  const rows = page.getByTestId('runs-table').locator('tbody tr');
  const row = rows.filter({ hasText: 'concert-of-powers' }).first();
  await expect(row).toContainText('complete: 2 runs');
  await row.getByTestId('run-open').click();
  await expect(page.getByTestId('run-title')).toContainText('concert-of-powers: 2 stored runs, seed 11');
  await expect(page.getByTestId('fan-stability.index').locator('svg path').first()).toBeAttached();
  await expect(page).toHaveURL(/#\/runs\?id=[0-9a-f]+/);
  const link = page.url();
  await page.goto('/#/world');
  await page.goto(link);
  await expect(page.getByTestId('run-title')).toContainText('concert-of-powers');
  await page.screenshot({ path: `${shots}/runs.png`, fullPage: true });
});

test('scenario: a very large run asks first, and a started run can be cancelled', async ({ page }) => {
  await page.goto('/#/scenario');
  await expect(page.getByTestId('problems')).toContainText('valid');
  await page.getByTestId('runs').fill('5000');
  let started = false;
  page.on('request', (r) => {
    if (r.url().endsWith('/api/scenarios/run')) started = true;
  });
  await page.getByTestId('run').click();
  const confirm = page.getByTestId('run-confirm');
  await expect(confirm).toContainText('5,000 runs');
  await expect(confirm).toContainText('you can cancel it while it runs');
  await confirm.getByRole('button', { name: 'Do not run' }).click();
  await expect(confirm).toHaveCount(0);
  expect(started).toBe(false);

  // A large run, cancelled while it runs: the job ends cancelled, long before its 100,000 runs.
  await page.getByTestId('runs').fill('100000');
  await page.getByTestId('run').click();
  await page.getByTestId('run-confirm-yes').click();
  const cancel = page.getByTestId('cancel');
  await expect(cancel).toBeVisible();
  await expect(cancel).toHaveText('Cancel run');
  const deleted = page.waitForResponse((r) => r.request().method() === 'DELETE' && /\/api\/jobs\//.test(r.url()));
  await cancel.click();
  expect([200, 202]).toContain((await deleted).status());
  await expect(page.getByTestId('cancelled')).toContainText('Cancelled');
  await expect(cancel).toHaveCount(0);
  const done = Number((await page.getByTestId('progress').getAttribute('value')) ?? '0');
  expect(done).toBeLessThan(100_000);
});
