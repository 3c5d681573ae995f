import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseUrl,
  fleetFilePath,
  portalSession,
  repoRoot,
  screenshot,
} from './portal.ts';

/** The parts of `SloEnvironmentTruth` (packages/slo-sample) the tests read. */
interface Truth {
  sloId: string;
  environment: string;
  scenario: string;
  state: string;
  budgetRemaining: number | null;
  burnRates: Array<{
    long: string;
    short: string;
    factor: number;
    severity: string;
    longRate: number | null;
    shortRate: number | null;
    firing: boolean;
  }>;
}

/**
 * What the sample Prometheus must show now, worked out by the sample
 * harness from its design (not measured), for the fleet file of the portal.
 */
function sampleTruth(): Truth[] {
  const script = `
    const { readFileSync } = require('node:fs');
    const { parseEnvironments } = require('@multicloud/plugin-environments-common');
    const { computeTruth } = require('./packages/slo-sample/src/index.ts');
    const file = process.argv[1];
    const fleet = parseEnvironments(readFileSync(file, 'utf8'), { file });
    process.stdout.write(JSON.stringify(computeTruth(fleet.environments, new Date()).slos));
  `;
  const out = execFileSync(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      '-e',
      script,
      fleetFilePath(),
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  return JSON.parse(out) as Truth[];
}

const STATE_LABELS: Record<string, string> = {
  ok: 'OK',
  warning: 'Warning',
  breached: 'Breached',
  'no-data': 'No data',
  unknown: 'Unknown',
  error: 'Query error',
};

/**
 * The portal keeps running while the tests read it, and the windows slide:
 * only alerts whose both rates are well above (or below) the threshold are
 * sure to read the same on screen as in the truth.
 */
const MARGIN = 1.25;

function clearlyFiring(rate: Truth['burnRates'][number]): boolean {
  return (
    rate.firing &&
    (rate.longRate ?? 0) > rate.factor * MARGIN &&
    (rate.shortRate ?? 0) > rate.factor * MARGIN
  );
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `-69%` on screen as a number: -0.69. */
function percent(text: string): number {
  const match = /(-?\d+(?:\.\d+)?)%/.exec(text.replace('\u2212', '-'));
  assert.ok(match, `no percentage in "${text}"`);
  return Number(match[1]) / 100;
}

describe('SLOs of the sample fleet, evaluated against the sample Prometheus', () => {
  const session = portalSession({ width: 1600, height: 1400 });
  const truth = sampleTruth();
  const worst = truth
    .filter(t => t.budgetRemaining !== null)
    .sort((a, b) => a.budgetRemaining! - b.budgetRemaining!)[0];
  const firing = truth.filter(t => t.burnRates.some(clearlyFiring));

  test('the designed truth has an overspent budget and alerts that fire', () => {
    assert.ok(worst, 'the sample truth has no budget at all');
    assert.ok(
      worst.budgetRemaining! < 0,
      `the worst budget of the design is ${worst.budgetRemaining}, not overspent`,
    );
    assert.ok(
      firing.some(t => t.environment === 'workload-aws-useast1'),
      'no burn-rate alert fires in workload-aws-useast1, where the design burns fast',
    );
  });

  test('the SLO page lists the overspent SLO first, with its budget and every region', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}/slos`);
    await page.getByText('At a glance').waitFor({ timeout: 90_000 });

    const rows = page.getByRole('row');
    const first = rows.nth(1);
    await first.waitFor();
    const firstText = (await first.innerText()).replace(/\s+/g, ' ');
    assert.ok(
      firstText.includes(worst.sloId),
      `the first row is not ${worst.sloId}: ${firstText}`,
    );
    const budgetCell = first.getByRole('gridcell').first();
    const shown = percent(await budgetCell.innerText());
    assert.ok(
      Math.abs(shown - worst.budgetRemaining!) < 0.03,
      `${worst.sloId} shows ${shown} of its budget left; the design gives ${worst.budgetRemaining}`,
    );
    const worstCell = first.getByRole('link', {
      name: new RegExp(
        `^${STATE_LABELS[worst.state]} in ${escape(worst.environment)}`,
      ),
    });
    await worstCell.waitFor();

    // One cell per environment each SLO is evaluated in, in its designed state.
    for (const t of truth) {
      const row = rows.filter({ hasText: t.sloId });
      const cell = row.getByRole('link', {
        name: new RegExp(`^\\S[^.]* in ${escape(t.environment)}\\b`),
      });
      const label = (await cell.getAttribute('aria-label')) ?? '';
      if (t.state === 'ok' || t.state === 'no-data' || clearlyBad(t)) {
        assert.ok(
          label.startsWith(`${STATE_LABELS[t.state]} in ${t.environment}`),
          `${t.sloId} in ${t.environment} (${t.scenario}) should read ${t.state}: ${label}`,
        );
      }
    }

    // The header counts them.
    const breachedSlos = new Set(
      truth
        .filter(t => t.state === 'breached' && clearlyBad(t))
        .map(t => t.sloId),
    );
    const breachedTile = tileFigure(
      await page.getByRole('group', { name: 'Breached' }).innerText(),
    );
    assert.ok(
      breachedTile >= breachedSlos.size,
      `${breachedTile} SLOs counted as breached; the design breaches ${[
        ...breachedSlos,
      ].join(', ')}`,
    );
    const alertsTile = tileFigure(
      await page.getByRole('group', { name: 'Alerts firing' }).innerText(),
    );
    const designedAlerts = firing.flatMap(t =>
      t.burnRates.filter(clearlyFiring),
    ).length;
    assert.ok(
      alertsTile >= designedAlerts,
      `${alertsTile} alerts counted as firing; the design fires ${designedAlerts}`,
    );
    await screenshot(page, 'slo-page');
  });

  test('the burn-rate alerts of the design fire in their regions', async () => {
    const { page } = session;
    assert.ok(firing.length > 0);
    for (const t of firing) {
      const row = page.getByRole('row').filter({ hasText: t.sloId });
      const cell = row.getByRole('link', {
        name: new RegExp(`in ${escape(t.environment)}\\b`),
      });
      const label = (await cell.getAttribute('aria-label')) ?? '';
      for (const rate of t.burnRates.filter(clearlyFiring)) {
        assert.match(
          label,
          new RegExp(
            `${escape(rate.long)}/${escape(
              rate.short,
            )} burn [^,]*, alert at [^(]*\\(${rate.severity}\\): FIRING`,
          ),
          `${t.sloId} in ${t.environment} (${t.scenario}): ${rate.long}/${rate.short} should fire`,
        );
      }
      assert.match(await cell.innerText(), /alert firing/);
    }
  });

  test('the Prometheus rules download as YAML', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}/slos`);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Download Prometheus rules' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'slo-rules.yaml');
    const rules = readFileSync(await download.path(), 'utf8');
    assert.match(rules, /^groups:/m);
    assert.ok(
      rules.includes(worst.sloId),
      `the rules do not name ${worst.sloId}`,
    );
  });

  test("a component's SLOs tab opens on its worst region, and charts a region that burns", async () => {
    const { page } = session;
    const peer = truth.filter(t => t.sloId === 'ledger-peer-availability');
    const peerWorst = peer
      .filter(t => t.budgetRemaining !== null)
      .sort((a, b) => a.budgetRemaining! - b.budgetRemaining!)[0];
    await page.goto(`${baseUrl}/catalog/default/component/ledger-peer/slos`);
    await page
      .getByRole('heading', {
        name: new RegExp(`availability in ${escape(peerWorst.environment)}$`),
      })
      .waitFor({ timeout: 90_000 });

    const burning = peer.find(
      t =>
        t.environment === 'workload-aws-useast1' &&
        t.burnRates.some(clearlyFiring),
    );
    assert.ok(
      burning,
      'the design burns the peer budget in workload-aws-useast1',
    );
    await page
      .getByRole('link', { name: /^Breached in workload-aws-useast1/ })
      .click();
    await page
      .getByRole('heading', { name: /availability in workload-aws-useast1$/ })
      .waitFor();

    const table = page.getByRole('table', { name: 'Burn rates' });
    for (const rate of burning.burnRates) {
      const row = table.getByRole('row', {
        name: new RegExp(`^${escape(rate.long)} / ${escape(rate.short)}\\b`),
      });
      const firingAttr = await row.getAttribute('data-firing');
      if (clearlyFiring(rate)) {
        assert.equal(
          firingAttr,
          'true',
          `${rate.long}/${rate.short} should be highlighted`,
        );
        assert.match(await row.innerText(), /Firing \((page|ticket)\)/);
      } else if (!rate.firing) {
        assert.equal(
          firingAttr,
          null,
          `${rate.long}/${rate.short} should be quiet`,
        );
      }
    }
    await page
      .getByRole('img', { name: /^Error budget left: -?\d/ })
      .waitFor({ timeout: 60_000 });
    const burn = page.getByRole('img', { name: /^Burn rates: / });
    await burn.waitFor();
    await burn.getByText(/14\.4× page/).waitFor();
    await screenshot(page, 'component-slos');
  });

  test('a region without the series says so', async () => {
    const { page } = session;
    const absent = truth.find(
      t => t.sloId === 'ledger-peer-availability' && t.state === 'no-data',
    );
    assert.ok(absent, 'the design leaves the peer series out of one region');
    await page.goto(
      `${baseUrl}/catalog/default/component/ledger-peer/slos?slo=ledger-peer-availability&environment=${absent.environment}`,
    );
    await page
      .getByText(`Prometheus has no data for this SLI in ${absent.environment}`)
      .waitFor({ timeout: 90_000 });
  });

  test('the overview of a component sums its SLOs up', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}/catalog/default/component/ledger-peer`);
    const list = page.getByRole('list', { name: 'SLOs' });
    await list.waitFor({ timeout: 90_000 });
    assert.match(await list.innerText(), /Breached/);
    await screenshot(page, 'component-slo-card');
  });
});

/** Whether the truth's state is far from its thresholds (the cell must read it). */
function clearlyBad(t: Truth): boolean {
  return (
    (t.state === 'breached' &&
      ((t.budgetRemaining ?? 1) < -0.05 ||
        t.burnRates.some(r => r.severity === 'page' && clearlyFiring(r)))) ||
    (t.state === 'warning' &&
      (t.budgetRemaining ?? 1) < 0.2 &&
      (t.budgetRemaining ?? 0) > 0.05 &&
      !t.burnRates.some(r => r.firing))
  );
}

/** The big figure of a tile: `ALERTS FIRING\n3\n2 page · 1 ticket` gives 3. */
function tileFigure(text: string): number {
  const figure = text
    .split('\n')
    .map(line => line.trim())
    .find(line => /^\d+$/.test(line));
  assert.ok(figure, `no figure in the tile "${text}"`);
  return Number(figure);
}
