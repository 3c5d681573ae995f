import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseUrl,
  BROKEN_ENVIRONMENT,
  portalSession,
  screenshot,
} from './portal.ts';

const SAMPLE_ENVIRONMENTS = 10;

describe('environments.yaml in the catalog', () => {
  const session = portalSession({ width: 1440, height: 1400 });

  test('every sample environment is listed as a Resource', async () => {
    const { page } = session;
    await page.goto(
      `${baseUrl}/?filters[kind]=resource&filters[type]=kubernetes-cluster`,
    );
    await page
      .getByText(`All kubernetes-cluster resources (${SAMPLE_ENVIRONMENTS})`, {
        exact: false,
      })
      .or(page.getByText(`(${SAMPLE_ENVIRONMENTS})`))
      .first()
      .waitFor({ timeout: 60_000 });
    await page
      .getByRole('link', { name: 'admin-azure-westus', exact: true })
      .waitFor();
    await screenshot(page, 'environments-catalog');
  });

  test('the list filters by cloud provider, role and type', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}/?filters[kind]=resource&filters[provider]=aws`);
    await page.getByText('(2)').first().waitFor({ timeout: 30_000 });
    const rows = page.getByRole('link', { name: /^workload-aws-/ });
    assert.equal(await rows.count(), 2);
    await screenshot(page, 'environments-filter-provider');

    await page.goto(`${baseUrl}/?filters[kind]=resource&filters[role]=admin`);
    await page.getByText('(1)').first().waitFor({ timeout: 30_000 });

    await page.goto(
      `${baseUrl}/?filters[kind]=resource&filters[environment-type]=hci`,
    );
    await page.getByText('(2)').first().waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'hci-azurestack-fra01' }).waitFor();
    await screenshot(page, 'environments-filter-type');
  });

  test('an environment page shows its overview and its relations', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}/catalog/default/resource/workload-aws-useast1`);
    // The overview card of the environments plugin.
    await page
      .getByText('US East (N. Virginia)')
      .first()
      .waitFor({ timeout: 30_000 });
    await page.getByText('Rollout wave').first().waitFor();
    // The catalog graph draws the dependency on the admin region.
    await page
      .locator('svg title', { hasText: 'resource:default/admin-azure-westus' })
      .first()
      .waitFor({ state: 'attached', timeout: 30_000 });
    await page.getByText('Relations').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'environment-entity');
  });

  test('the bad region shows its precise error while the others load', async () => {
    const { page } = session;
    await page.goto(
      `${baseUrl}/catalog/default/resource/environments-file-fleet`,
    );
    await page
      .getByText('"us-east-9" is not an aws region', { exact: false })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.getByText(BROKEN_ENVIRONMENT).first().waitFor();
    await page
      .getByText(/environments\[10\]\.region/)
      .first()
      .waitFor();
    await screenshot(page, 'environments-file-problems');
  });
});
