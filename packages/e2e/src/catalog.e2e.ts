import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { portalSession, screenshot } from './portal.ts';

describe('the reference portal in headless Chromium', () => {
  const session = portalSession();

  test('a guest signs in and sees the sample catalog', async () => {
    const { page } = session;
    await page
      .getByRole('heading', { name: 'Ledger Consortium Catalog' })
      .waitFor();
    for (const title of ['Ledger Peer', 'Ledger Gateway', 'Ordering Service']) {
      await page.getByRole('link', { name: title, exact: true }).waitFor();
    }
    const path = await screenshot(page, 'catalog');
    assert.ok(path.endsWith('catalog.png'));
  });

  test('the system of the ledger network lists its components', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Ledger Peer', exact: true }).click();
    await page
      .getByText('Endorsing and committing peer', { exact: false })
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'Ledger Network' }).first().click();
    await page
      .getByText('Permissioned blockchain network', { exact: false })
      .first()
      .waitFor();
    await screenshot(page, 'system-ledger-network');
  });
});
