import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { baseUrl, fleetFilePath, portalSession, screenshot } from './portal.ts';

describe('the "Add a workload region" template in local mode', () => {
  const session = portalSession({ width: 1440, height: 1200 });

  test('a person adds a region through the form and sees it reach the catalog', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}/create`);
    await page.getByText('Add a workload region').first().waitFor();
    await screenshot(page, 'templates');

    await page.goto(`${baseUrl}/create/templates/default/add-workload-region`);
    await page.getByLabel('Cloud provider').click();
    await page.getByRole('option', { name: 'Amazon Web Services' }).click();
    const region = page.getByRole('combobox', { name: /Region/ });
    await region.click();
    await region.fill('ireland');
    await page.getByRole('option', { name: /Europe \(Ireland\)/ }).click();
    await screenshot(page, 'template-add-region-form');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByLabel('Publish as').click();
    await page.getByRole('option', { name: /local portal only/ }).click();
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByText('eu-west-1').first().waitFor();
    await page.getByRole('button', { name: 'Create' }).click();

    await page
      .getByText('Change to environments.yaml')
      .first()
      .waitFor({ timeout: 60_000 });
    await page.getByText('+  - name: workload-aws-euwest1').first().waitFor();
    await screenshot(page, 'template-add-region-result');
    assert.match(
      readFileSync(fleetFilePath(), 'utf8'),
      /- name: workload-aws-euwest1\n {4}role: workload\n {4}provider: aws/,
    );

    // The catalog reads the file on its schedule; the new entity follows.
    await page
      .getByRole('link', { name: /Open the environment in the catalog/i })
      .click();
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (await page.getByText('Europe (Ireland)').first().isVisible()) break;
      await page.waitForTimeout(2000);
      await page.reload();
    }
    await page
      .getByText('Europe (Ireland)')
      .first()
      .waitFor({ timeout: 5_000 });
    await screenshot(page, 'template-add-region-entity');
  });
});
