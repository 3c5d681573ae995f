import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseUrl,
  portalSession,
  screenshot,
  simulatorControlUrl,
} from './portal.ts';

async function setCluster(name: string, state: 'up' | 'down') {
  const res = await fetch(`${simulatorControlUrl}/clusters/${name}`, {
    method: 'POST',
    body: JSON.stringify({ state }),
  });
  assert.equal(res.status, 200, await res.text());
}

describe('the fleet, live, across clouds', () => {
  const session = portalSession({ width: 1440, height: 1800 });

  test('the Fleet page shows every cluster of the sample fleet, marked as simulated', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}/fleet`);
    await page
      .getByText('These clusters are simulated', { exact: false })
      .waitFor({
        timeout: 60_000,
      });
    for (const name of [
      'admin-azure-westus',
      'workload-oracle-frankfurt',
      'hci-vsphere-ams01',
    ]) {
      await page.getByRole('link', { name, exact: true }).first().waitFor();
    }
    await screenshot(page, 'fleet');
  });

  test('a killed cluster turns red within one refresh while the others stay fresh', async () => {
    const { page } = session;
    await setCluster('workload-aws-useast1', 'down');
    try {
      const row = page.getByRole('row', { name: /workload-aws-useast1/ });
      const started = Date.now();
      for (;;) {
        await page.goto(`${baseUrl}/fleet`);
        const red = await row
          .getByText(/unreachable/i)
          .first()
          .waitFor({ timeout: 3_000 })
          .then(
            () => true,
            () => false,
          );
        if (red) break;
        assert.ok(
          Date.now() - started < 60_000,
          'the cluster did not turn red within 60 s',
        );
      }
      await page
        .getByRole('row', { name: /admin-azure-westus/ })
        .getByText(/healthy/i)
        .first()
        .waitFor();
      await screenshot(page, 'fleet-cluster-down');
    } finally {
      await setCluster('workload-aws-useast1', 'up');
    }
  });

  test('an environment page shows its live status', async () => {
    const { page } = session;
    await page.goto(
      `${baseUrl}/catalog/default/resource/workload-oracle-frankfurt`,
    );
    await page
      .getByText(/CrashLoopBackOff/)
      .first()
      .waitFor({ timeout: 60_000 });
    await screenshot(page, 'environment-live-status');
  });

  test("a component's Kubernetes tab lists its workloads across clusters", async () => {
    const { page } = session;
    await page.goto(
      `${baseUrl}/catalog/default/component/ledger-peer/kubernetes`,
    );
    for (const cluster of [
      'workload-azure-westeurope',
      'workload-gcp-europewest4',
    ]) {
      await page.getByText(cluster).first().waitFor({ timeout: 60_000 });
    }
    await screenshot(page, 'component-kubernetes');
  });
});
