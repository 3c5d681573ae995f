import { execFile } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { parseEnvironments } from '@multicloud/plugin-environments-common';
import { EnvironmentsFileSource } from '@multicloud/plugin-environments-node';
import type { SloSummary } from '@multicloud/plugin-slo-common';
import {
  computeTruth,
  findPrometheusBinaries,
  startPrometheus,
  TRUTH_TOLERANCE,
  type SamplePrometheus,
  type SampleTruth,
} from 'slo-sample';
import { openSloRatio } from '../__testUtils__/documents';
import { readSloSettings } from '../config';
import { SloDefinitionSources } from '../sources/SloDefinitionSources';
import { SloRegistry } from './SloRegistry';
import { SloService } from './SloService';

/*
 * The SLO backend against a real Prometheus holding the sample series of the
 * sample fleet, whose SLIs, budgets and burn rates are known in advance
 * (packages/slo-sample). Needs `prometheus` and `promtool`: scripts/test.sh
 * installs them; without them these tests fail rather than skip.
 */

jest.setTimeout(120_000);

const REPO_ROOT = resolve(__dirname, '../../../..');
const FLEET_FILE = join(REPO_ROOT, 'config/environments.yaml');
const SAMPLE_SLOS = join(REPO_ROOT, 'config/slos');
const NOW = new Date('2026-11-21T12:00:00Z');

const fleet = parseEnvironments(readFileSync(FLEET_FILE, 'utf8'), {
  file: FLEET_FILE,
}).environments;

function listen(server: Server): Promise<number> {
  return new Promise(done =>
    server.listen(0, '127.0.0.1', () =>
      done((server.address() as { port: number }).port),
    ),
  );
}

async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise(done => server.close(done));
  return port;
}

/** Accepts connections and never answers: a Prometheus that hangs. */
async function blackhole(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer(socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise(done => server.close(done));
    },
  };
}

/** A folder of definitions beside the samples: a bad file and an SLO whose PromQL Prometheus rejects. */
function writeExtraDefinitions(dir: string): string {
  const extra = join(dir, 'extra');
  mkdirSync(extra);
  writeFileSync(
    join(extra, 'broken.yaml'),
    openSloRatio({ name: 'broken-target', target: 1.5 }),
  );
  writeFileSync(
    join(extra, 'bad-regex.yaml'),
    openSloRatio({ name: 'bad-regex' })
      .replace(/code!~"5\.\."/, 'code=~"(["')
      .replace(
        '  displayName: bad-regex availability',
        '  displayName: bad-regex availability\n  annotations:\n    multicloud.io/environments: workload-aws-useast1',
      ),
  );
  return extra;
}

function createService(options: {
  dir: string;
  prometheus: JsonObject;
  now: Date;
  /** Without the extra folder: the sample definitions only. */
  samplesOnly?: boolean;
}) {
  const config = new ConfigReader({
    environments: { file: FLEET_FILE },
    slo: {
      definitions: {
        directories: options.samplesOnly
          ? [SAMPLE_SLOS]
          : [SAMPLE_SLOS, join(options.dir, 'extra')],
        catalog: false,
      },
      prometheus: options.prometheus,
    },
  });
  const settings = readSloSettings(config);
  const logger = mockServices.logger.mock();
  const urlReader = mockServices.urlReader.mock();
  const registry = SloRegistry.create({
    definitions: SloDefinitionSources.create(settings.definitions, {
      urlReader,
      logger,
    }),
    fleet: EnvironmentsFileSource.fromConfig(config, { urlReader, logger }),
    configuredEnvironments: [],
    logger,
  });
  return SloService.create({
    registry,
    settings: settings.prometheus,
    logger,
    now: () => options.now,
  });
}

function expectClose(
  actual: number | null | undefined,
  expected: number | null,
  what: string,
) {
  if (expected === null || actual === null || actual === undefined) {
    expect({ what, value: actual ?? null }).toEqual({ what, value: expected });
    return;
  }
  if (!(Math.abs(actual - expected) <= TRUTH_TOLERANCE)) {
    throw new Error(`${what}: evaluated ${actual}, the truth is ${expected}`);
  }
}

function statusOf(slos: SloSummary[], id: string, environment: string) {
  const status = slos
    .find(s => s.id === id)
    ?.environments.find(e => e.environment === environment);
  if (!status) throw new Error(`no status of ${id} in ${environment}`);
  return status;
}

describe('the SLO backend against the sample Prometheus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slo-backend-prometheus-'));
  let prometheus: SamplePrometheus | undefined;
  let truth: SampleTruth;

  beforeAll(async () => {
    if (!findPrometheusBinaries()) {
      throw new Error(
        'these tests need prometheus and promtool: scripts/test.sh installs them (ensure_prometheus), or install Debian\'s "prometheus" package',
      );
    }
    writeExtraDefinitions(dir);
    prometheus = await startPrometheus({
      dir: join(dir, 'prometheus'),
      port: await freePort(),
      environments: fleet,
      now: NOW,
      aheadMinutes: 60,
    });
    truth = computeTruth(fleet, prometheus.now);
  }, 300_000);

  afterAll(async () => {
    await prometheus?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('computes the SLI, budget left, burn rates, firing alerts and state of every sample SLO in every environment', async () => {
    const service = createService({
      dir,
      prometheus: { url: prometheus!.url },
      now: prometheus!.now,
    });
    const { slos, problems, notice } = await service.list();

    expect(notice).toBeUndefined();
    const evaluated = slos
      .filter(s => !['broken-target', 'bad-regex'].includes(s.id))
      .flatMap(s => s.environments.map(e => `${s.id} in ${e.environment}`))
      .sort();
    expect(evaluated).toEqual(
      truth.slos.map(t => `${t.sloId} in ${t.environment}`).sort(),
    );
    // Every scenario of the design shows up: the truth is not all "ok".
    expect(new Set(truth.slos.map(t => t.state)).size).toBeGreaterThan(2);

    for (const expected of truth.slos) {
      const where = `${expected.sloId} in ${expected.environment}`;
      const status = statusOf(slos, expected.sloId, expected.environment);
      expect({ where, state: status.state }).toEqual({
        where,
        state: expected.state,
      });
      expect(status.evaluatedAt).toBe(prometheus!.now.toISOString());
      expectClose(status.sli, expected.sli, `${where}: SLI`);
      expectClose(
        status.budgetRemaining,
        expected.budgetRemaining,
        `${where}: budget remaining`,
      );
      expect(status.burnRates).toHaveLength(expected.burnRates.length);
      expected.burnRates.forEach((burn, i) => {
        const actual = status.burnRates[i];
        expect([actual.long, actual.short]).toEqual([burn.long, burn.short]);
        expectClose(
          actual.longRate,
          burn.longRate,
          `${where}: ${burn.long} burn rate`,
        );
        expectClose(
          actual.shortRate,
          burn.shortRate,
          `${where}: ${burn.short} burn rate`,
        );
        expect({ where, window: burn.long, firing: actual.firing }).toEqual({
          where,
          window: burn.long,
          firing: burn.firing,
        });
      });
    }

    // Sorted by the least budget left.
    const worst = slos.map(s => s.worstBudgetRemaining ?? Infinity);
    expect([...worst].sort((a, b) => a - b)).toEqual(worst);

    // The bad file is a problem with its place; the rest evaluated anyway.
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: join(dir, 'extra', 'broken.yaml'),
          line: expect.any(Number),
          field: 'spec.objectives[0].target',
          slo: 'broken-target',
          severity: 'error',
        }),
      ]),
    );
    expect(slos.find(s => s.id === 'broken-target')).toBeUndefined();

    // Prometheus's own message for a query it rejects, for that SLO alone.
    expect(statusOf(slos, 'bad-regex', 'workload-aws-useast1')).toMatchObject({
      state: 'error',
      error: expect.stringMatching(
        /^Prometheus rejected the query \(bad_data\): .*error parsing regexp/,
      ),
    });
  });

  it('charts the SLI and burn rates with query_range, ending on the evaluated values', async () => {
    const service = createService({
      dir,
      prometheus: { url: prometheus!.url },
      now: prometheus!.now,
    });
    const expected = truth.slos.find(t => t.sli !== null && t.state !== 'ok')!;
    const series = await service.series(expected.sloId, {
      environment: expected.environment,
      rangeSeconds: 3600,
      stepSeconds: 300,
    });
    expect(series.error).toBeUndefined();
    expect(series.end).toBe(prometheus!.now.getTime() / 1000);
    expect(series.sli).toHaveLength(13);
    expectClose(series.sli.at(-1)!.v, expected.sli, 'last SLI point');
    expectClose(
      series.budgetRemaining.at(-1)!.v,
      expected.budgetRemaining,
      'last budget point',
    );
    const [pair] = expected.burnRates;
    expectClose(
      series.burnRates[pair.long].at(-1)!.v,
      pair.longRate,
      `last ${pair.long} burn-rate point`,
    );
  });

  it('leaves the SLOs of a hanging Prometheus unknown after its timeout while the others are evaluated', async () => {
    const hanging = await blackhole();
    try {
      const hung = 'workload-aws-useast1';
      const service = createService({
        dir,
        prometheus: {
          url: prometheus!.url,
          environments: {
            [hung]: { url: hanging.url, timeout: { milliseconds: 300 } },
          },
        },
        now: prometheus!.now,
      });
      const { slos } = await service.list();
      const onHung = truth.slos.filter(t => t.environment === hung);
      const elsewhere = truth.slos.filter(t => t.environment !== hung);
      expect(onHung.length).toBeGreaterThan(0);
      for (const expected of onHung) {
        expect(
          statusOf(slos, expected.sloId, expected.environment),
        ).toMatchObject({
          state: 'unknown',
          error: `Prometheus at ${hanging.url} did not answer within 300 ms. Check that Prometheus runs and that slo.prometheus.environments.${hung}.url points at its HTTP API.`,
        });
      }
      for (const expected of elsewhere) {
        const status = statusOf(slos, expected.sloId, expected.environment);
        expect(status.state).toBe(expected.state);
        expectClose(status.sli, expected.sli, `${expected.sloId} SLI`);
      }
    } finally {
      await hanging.close();
    }
  });

  it('marks every SLO unknown when the only Prometheus is down', async () => {
    const port = await freePort();
    const service = createService({
      dir,
      prometheus: { url: `http://127.0.0.1:${port}` },
      now: prometheus!.now,
    });
    const statuses = (await service.list()).slos.flatMap(s => s.environments);
    expect(statuses.length).toBeGreaterThan(10);
    expect(new Set(statuses.map(s => s.state))).toEqual(new Set(['unknown']));
  });

  it('exports rules of the sample SLOs that promtool accepts', async () => {
    const service = createService({
      dir,
      prometheus: { url: prometheus!.url },
      now: prometheus!.now,
      samplesOnly: true,
    });
    const file = join(dir, 'slo-rules.yaml');
    writeFileSync(file, await service.rules());
    const { stdout } = await promisify(execFile)(
      findPrometheusBinaries()!.promtool,
      ['check', 'rules', file],
    );
    expect(stdout).toMatch(/SUCCESS: \d+ rules found/);
  });
});
