/** State in the address: what one sees is reproduced by a reload and by the link in a fresh page. */
import { expect, test } from '@playwright/test';

test('deterrence, relations and world: a reload and a fresh page reproduce the view from its link', async ({
  page,
  browser,
}) => {
  await page.goto('/#/deterrence');
  await expect(page.getByTestId('delivered-RUS')).toHaveText(/\d/);
  await page.getByTestId('side-1').selectOption('CHN');
  await page.getByTestId('arsenal-USA').fill('0.55');
  await page.getByTestId('posture').selectOption('day-to-day');
  await expect(page).toHaveURL(/b=CHN/);
  await expect(page).toHaveURL(/arsenalA=0\.55/);
  await expect(page).toHaveURL(/posture=day-to-day/);
  // The figures of the last request, not of one still on screen while it runs.
  await page.waitForLoadState('networkidle');
  await expect(page.getByTestId('deterrence-status')).toHaveText('');
  const delivered = await page.getByTestId('delivered-CHN').textContent();
  const link = page.url();
  await page.reload();
  await expect(page.getByTestId('arsenal-USA-value')).toHaveText('55%');
  await expect(page.getByTestId('delivered-CHN')).toHaveText(delivered ?? '');
  const fresh = await browser.newPage();
  await fresh.goto(link);
  await expect(fresh.getByTestId('side-1')).toHaveValue('CHN');
  await expect(fresh.getByTestId('posture')).toHaveValue('day-to-day');
  await expect(fresh.getByTestId('delivered-CHN')).toHaveText(delivered ?? '');

  await fresh.goto('/#/relations');
  await expect(fresh.getByTestId('frustration')).toHaveText(/^\d+$/, { timeout: 60_000 });
  await fresh.getByTestId('relations-year').fill('2000');
  await fresh.getByTestId('relations-states-add').selectOption('KOR');
  await fresh.getByTestId('whatif').fill('0.5');
  await expect(fresh.getByTestId('whatif-delta')).toBeVisible({ timeout: 60_000 });
  const relationsLink = fresh.url();
  expect(relationsLink).toMatch(/year=2000/);
  expect(relationsLink).toMatch(/KOR/);
  await fresh.close();
  await page.goto(relationsLink);
  await expect(page.getByTestId('relations-year')).toHaveValue('2000');
  await expect(page.getByTestId('relations-states')).toContainText('Republic of Korea');
  await expect(page.getByTestId('whatif-score')).toHaveText('0.5');
  await expect(page.getByTestId('whatif-delta')).toBeVisible({ timeout: 60_000 });

  await page.goto('/#/world?year=1900');
  await expect(page.getByTestId('world-map')).toHaveAttribute('data-year', '1900');
  await expect(page.getByTestId('year-value')).toHaveText('1900');
  // Back goes to the previous view, not through every slider position.
  await page.goBack();
  await expect(page).toHaveURL(/#\/relations/);
});
