import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  BROKEN_FOCUS_EXPORT,
  baseUrl,
  portalSession,
  screenshot,
} from './portal.ts';

/**
 * Opens a page until `ready` shows: the backend ingests the sample exports a
 * second after it starts, and a page opened before that says so.
 */
async function openWhenIngested(
  page: Page,
  url: string,
  ready: (page: Page) => Promise<unknown>,
) {
  const started = Date.now();
  for (;;) {
    await page.goto(url);
    const shown = await ready(page).then(
      () => true,
      () => false,
    );
    if (shown) return;
    assert.ok(
      Date.now() - started < 90_000,
      `${url} showed no ingested cost within 90 s`,
    );
  }
}

describe('costs of the fleet from FOCUS exports', () => {
  const session = portalSession({ width: 1440, height: 1800 });

  test('the Costs page shows the sample costs per currency, the forecast and the budgets', async () => {
    const { page } = session;
    const summary = page.getByRole('region', { name: 'Fleet month to date' });
    await openWhenIngested(page, `${baseUrl}/costs`, p =>
      p
        .getByRole('region', { name: 'Fleet month to date' })
        .getByRole('group', { name: 'Costs in USD' })
        .waitFor({ timeout: 10_000 }),
    );

    // The sample fleet bills in USD and EUR: both show, on their own.
    const usd = summary.getByRole('group', { name: 'Costs in USD' });
    const eur = summary.getByRole('group', { name: 'Costs in EUR' });
    await eur.waitFor();
    await summary
      .getByText(/^Costs come in 2 currencies \((EUR, USD|USD, EUR)\)/)
      .waitFor();
    const monthToDate = await usd
      .getByRole('group', { name: 'Month to date' })
      .innerText();
    assert.match(monthToDate, /\$[\d,]+/);
    const forecast = await usd
      .getByRole('group', { name: /^Forecast [A-Z][a-z]+$/ })
      .innerText();
    assert.match(forecast, /\d+% interval \$[\d,]+ – \$[\d,]+/);
    // The chart has drawn its lines (the screenshot below shows them).
    await usd
      .getByRole('img', { name: /^Daily USD cost/ })
      .locator('.recharts-line path, path.recharts-line-curve')
      .first()
      .waitFor();

    // Shared networking and support sit on an account of no environment.
    await usd
      .getByText('is not attributed to any environment', { exact: false })
      .waitFor();

    // The generator runs one environment clearly over its budget.
    const budgets = page.getByRole('region', { name: 'Budgets' });
    await budgets
      .getByRole('row', { name: /workload-aws-useast1/ })
      .getByText(/Over budget|At risk/)
      .waitFor({ timeout: 30_000 });
    const states = await budgets
      .locator('[data-budget-state]')
      .evaluateAll(chips =>
        chips.map(chip => chip.getAttribute('data-budget-state')),
      );
    assert.ok(states.includes('ok'), `budget states: ${states.join(', ')}`);

    const byEnvironment = page.getByRole('region', {
      name: 'Cost by environment',
    });
    await byEnvironment
      .getByRole('link', { name: 'workload-aws-useast1' })
      .first()
      .waitFor({ timeout: 30_000 });
    await byEnvironment.getByText('Unattributed').first().waitFor();

    // The broken export is listed with its problem, the good ones with it.
    const sources = page.getByRole('region', { name: 'Ingested sources' });
    await sources
      .getByText(
        new RegExp(
          `${BROKEN_FOCUS_EXPORT.replace(
            /[./]/g,
            '\\$&',
          )}:2 .*Invalid Record Length`,
        ),
      )
      .first()
      .waitFor({ timeout: 30_000 });
    await sources
      .getByText('could not be ingested; the rest of the data is shown', {
        exact: false,
      })
      .waitFor();
    await sources.getByRole('button', { name: /^Show all/ }).click();
    await sources
      .getByRole('row', { name: /aws\/\d{4}-\d{2}\.csv/ })
      .first()
      .waitFor();

    await screenshot(page, 'costs');
  });

  test('an environment page shows its cost card', async () => {
    const { page } = session;
    await openWhenIngested(
      page,
      `${baseUrl}/catalog/default/resource/workload-aws-useast1`,
      p =>
        p
          .getByRole('group', { name: 'Month to date (USD)' })
          .waitFor({ timeout: 20_000 }),
    );
    await page.getByRole('group', { name: /^Forecast [A-Z][a-z]+$/ }).waitFor();
    await page
      .getByRole('group', { name: 'Budget' })
      .locator('[data-budget-state]')
      .waitFor();
    await page
      .getByRole('list', { name: 'Top services this month' })
      .getByRole('listitem')
      .first()
      .waitFor({ timeout: 20_000 });
    await screenshot(page, 'environment-costs-card');
  });

  test("an environment's Costs tab breaks its cost down by service", async () => {
    const { page } = session;
    await openWhenIngested(
      page,
      `${baseUrl}/catalog/default/resource/workload-aws-useast1/costs`,
      p =>
        p
          .getByRole('region', { name: 'Cost by service' })
          .getByRole('group', { name: /^USD: / })
          .waitFor({ timeout: 20_000 }),
    );
    await screenshot(page, 'environment-costs-tab');
  });
});
