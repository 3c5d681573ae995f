import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  screenshot,
  signInAsGuest,
  startPortal,
  stopPortal,
} from './portal.ts';

describe('the reference portal in headless Chromium', () => {
  let backend: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async () => {
    backend = await startPortal();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });

  after(async () => {
    await browser?.close();
    stopPortal(backend);
  });

  test('a guest signs in and sees the sample catalog', async () => {
    await signInAsGuest(page);
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
