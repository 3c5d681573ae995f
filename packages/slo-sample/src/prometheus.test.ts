import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  burnRateQuery,
  environmentQueryOptions,
  sliQuery,
  type SloDefinition,
} from '@multicloud/plugin-slo-common';
import {
  findPrometheusBinaries,
  startPrometheus,
  type SamplePrometheus,
} from './prometheus';
import { computeTruth, TRUTH_TOLERANCE } from './truth';
import { readSampleDefinitions, readSampleFleet } from './samples';

const NOW = new Date('2026-11-21T12:00:00Z');
const REPO_ROOT = resolve(__dirname, '../../..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** One value, or null when Prometheus answers with no series or NaN. */
async function queryValue(
  url: string,
  query: string,
  time: Date,
): Promise<number | null> {
  const response = await fetch(`${url}/api/v1/query`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ query, time: String(time.getTime() / 1000) }),
  });
  const body = await response.json();
  if (body.status !== 'success') {
    throw new Error(`${body.error}\n${query}`);
  }
  const result = body.data.result as Array<{ value: [number, string] }>;
  if (result.length > 1) throw new Error(`several series for ${query}`);
  const value = result.length ? Number(result[0].value[1]) : NaN;
  return Number.isFinite(value) ? value : null;
}

function expectClose(
  actual: number | null,
  expected: number | null,
  what: string,
) {
  if (expected === null || actual === null) {
    expect({ what, actual }).toEqual({ what, actual: expected });
    return;
  }
  if (Math.abs(actual - expected) > TRUTH_TOLERANCE) {
    throw new Error(
      `${what}: Prometheus says ${actual}, the truth ${expected}`,
    );
  }
}

describe('the sample Prometheus', () => {
  const fleet = readSampleFleet(join(REPO_ROOT, 'config/environments.yaml'));
  const dir = mkdtempSync(join(tmpdir(), 'slo-sample-'));
  let prometheus: SamplePrometheus | undefined;

  beforeAll(async () => {
    if (!findPrometheusBinaries()) {
      throw new Error(
        'these tests need prometheus and promtool: scripts/test.sh installs them (ensure_prometheus), or install Debian\'s "prometheus" package',
      );
    }
    prometheus = await startPrometheus({
      dir,
      port: await freePort(),
      environments: fleet,
      now: NOW,
      aheadMinutes: 60,
    });
  }, 180_000);

  afterAll(async () => {
    await prometheus?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has every series up to now, and the samples ahead only after it', async () => {
    const { url, stats } = prometheus!;
    expect(stats.seriesAtNow).toBeLessThan(stats.series);
    await expect(queryValue(url, 'count({service!=""})', NOW)).resolves.toBe(
      stats.seriesAtNow,
    );
    // Exactly the samples of the last five minutes, both ends included.
    await expect(
      queryValue(
        url,
        'count_over_time(grpc_server_handled_total{service="ledger-peer", environment="workload-azure-westeurope", grpc_code="OK"}[5m])',
        NOW,
      ),
    ).resolves.toBe(6);
    await expect(
      queryValue(
        url,
        'increase(grpc_server_handled_total{service="ledger-peer", environment="workload-azure-westeurope", grpc_code="OK"}[28d])',
        NOW,
      ),
    ).resolves.toBe(9999 * 28 * 1440);
    // Samples run on for the hour ahead, and stop there.
    const latest =
      'timestamp(grpc_server_handled_total{service="ledger-peer", environment="workload-azure-westeurope", grpc_code="OK"})';
    const later = new Date(NOW.getTime() + 30 * 60_000);
    await expect(queryValue(url, latest, later)).resolves.toBe(
      later.getTime() / 1000,
    );
    await expect(
      queryValue(url, latest, new Date(NOW.getTime() + 3 * 3600_000)),
    ).resolves.toBeNull();
  });

  it('answers the queries of every sample SLO with the designed SLI and burn rates', async () => {
    const { url } = prometheus!;
    const definitions = new Map<string, SloDefinition>(
      readSampleDefinitions(join(REPO_ROOT, 'config/slos')).definitions.map(
        d => [d.id, d],
      ),
    );
    const truth = computeTruth(fleet, NOW);
    expect(truth.slos.length).toBeGreaterThan(10);
    for (const expected of truth.slos) {
      const definition = definitions.get(expected.sloId)!;
      const options = environmentQueryOptions(expected.environment, {
        sharedPrometheus: true,
        now: NOW,
      });
      const where = `${expected.sloId} in ${expected.environment}`;
      expectClose(
        await queryValue(url, sliQuery(definition, options), NOW),
        expected.sli,
        `${where}: SLI`,
      );
      for (const burn of expected.burnRates) {
        for (const [window, rate] of [
          [burn.long, burn.longRate],
          [burn.short, burn.shortRate],
        ] as const) {
          expectClose(
            await queryValue(
              url,
              burnRateQuery(definition, window, options),
              NOW,
            ),
            rate,
            `${where}: ${window} burn rate`,
          );
        }
      }
    }
  }, 120_000);

  it('refuses a port that is taken, naming it', async () => {
    await expect(
      startPrometheus({
        dir: join(dir, 'second'),
        port: Number(new URL(prometheus!.url).port),
        environments: fleet,
        now: NOW,
        aheadMinutes: 0,
      }),
    ).rejects.toThrow(
      /^port \d+ on 127.0.0.1 is taken; stop what listens there or choose another port$/,
    );
  }, 120_000);
});
