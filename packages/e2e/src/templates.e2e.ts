import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { baseUrl, fleetFilePath, portalSession, screenshot } from './portal.ts';

describe('the fleet templates in local mode', () => {
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
    const started = Date.now();
    for (;;) {
      const shown = await page
        // The overview card, which the "not found" page does not have.
        .getByText('Europe (Ireland) (eu-west-1)')
        .waitFor({ timeout: 2_000 })
        .then(
          () => true,
          () => false,
        );
      if (shown) break;
      assert.ok(
        Date.now() - started < 60_000,
        'the new environment did not reach the catalog within 60 s',
      );
      await page.reload();
    }
    console.log(
      `the new environment reached the catalog ${
        Date.now() - started
      } ms after the task`,
    );
    await screenshot(page, 'template-add-region-entity');
  });

  test('a person adds an HCI cluster with its Azure Arc onboarding', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}/create/templates/default/add-hci-cluster`);
    await page.getByLabel('HCI platform').click();
    await page.getByRole('option', { name: 'Azure Stack HCI' }).click();
    await page.getByLabel('Site').fill('muc01');
    await page.getByLabel('HCI cluster').fill('hci-muc-01');
    await page.getByRole('button', { name: 'Next' }).click();
    // Arc is on by default, registered in westeurope.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Publish as').click();
    await page.getByRole('option', { name: /local portal only/ }).click();
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Create' }).click();
    await page
      .getByText('+  - name: hci-azurestack-muc01')
      .first()
      .waitFor({ timeout: 60_000 });
    await page.getByText('+      arc:').first().waitFor();
    await screenshot(page, 'template-add-hci-result');
  });

  test('a person retires an environment, and a refusal reads as what to do', async () => {
    const { page } = session;
    const retire = async (environment: string, mode: RegExp) => {
      await page.goto(`${baseUrl}/create/templates/default/retire-environment`);
      const picker = page.locator('#root_environment').first();
      await picker.click();
      await picker.fill(environment);
      await page
        .getByRole('option', { name: new RegExp(environment) })
        .first()
        .click();
      await page.getByLabel('How').click();
      await page.getByRole('option', { name: mode }).click();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('Publish as').click();
      await page.getByRole('option', { name: /local portal only/ }).click();
      await page.getByRole('button', { name: 'Review' }).click();
      await page.getByRole('button', { name: 'Create' }).click();
    };

    await retire('workload-ibm-ussouth', /^Disable/);
    await page
      .getByText('+    enabled: false')
      .first()
      .waitFor({ timeout: 60_000 });
    await screenshot(page, 'template-retire-result');

    await retire('admin-azure-westus', /^Remove/);
    await page
      .getByText('admin-azure-westus is the admin region of the fleet', {
        exact: false,
      })
      .first()
      .waitFor({ timeout: 60_000 });
    await screenshot(page, 'template-retire-refused');
  });
});
