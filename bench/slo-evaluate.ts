/**
 * The SLO backend evaluating 500 SLOs in the 9 enabled environments of the
 * sample fleet against a real Prometheus that holds the sample SLI series
 * (packages/slo-sample): cold (nothing cached) and warm (cached), against
 * the floor: the very queries the backend sends, sent straight to
 * Prometheus with the same concurrency.
 *
 *   yarn bench slo-evaluate [slos]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { EnvironmentsFileSource } from '@multicloud/plugin-environments-node';
import { burnRateQuery, sliQuery } from '@multicloud/plugin-slo-common';
import { readSampleFleet, startPrometheus } from 'slo-sample';
import { readSloSettings } from '../plugins/slo-backend/src/config';
import {
  burnRateWindows,
  combineParts,
  queryOptions,
  type EvaluationItem,
} from '../plugins/slo-backend/src/evaluation/SloEvaluator';
import { mapLimited } from '../plugins/slo-backend/src/lib/mapLimited';
import { resolvePrometheus } from '../plugins/slo-backend/src/prometheus/targets';
import {
  SloRegistry,
  environmentsOf,
} from '../plugins/slo-backend/src/service/SloRegistry';
import { SloService } from '../plugins/slo-backend/src/service/SloService';
import { SloDefinitionSources } from '../plugins/slo-backend/src/sources/SloDefinitionSources';

const count = Number(process.argv[2] ?? 500);
const CONCURRENCY = 8;
const PORT = 7190;
const RUNS = 3;
const repoRoot = resolve(__dirname, '..');
const fleetFile = join(repoRoot, 'config/environments.yaml');

const ratio = (
  name: string,
  service: string,
  window: string,
  target: number,
  indicator: string,
) => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
spec:
  service: ${service}
  indicator:
    metadata:
      name: ${name}-sli
    spec:
      ratioMetric:
        counter: true
${indicator}
  timeWindow:
${window}
  budgetingMethod: Occurrences
  objectives:
    - target: ${target}
`;

const source = (role: string, query: string) => `        ${role}:
          metricSource:
            type: Prometheus
            spec:
              query: ${query}`;

const ROLLING_28D = '    - duration: 28d\n      isRolling: true';

/** The shapes of the sample SLOs (config/slos), numbered. */
const SHAPES: Array<(i: number) => string> = [
  i =>
    ratio(
      `bench-${i}-peer`,
      'ledger-peer',
      ROLLING_28D,
      0.999,
      [
        source(
          'good',
          'grpc_server_handled_total{service="ledger-peer", grpc_code="OK"}',
        ),
        source('total', 'grpc_server_handled_total{service="ledger-peer"}'),
      ].join('\n'),
    ),
  i =>
    ratio(
      `bench-${i}-gateway-latency`,
      'ledger-gateway',
      ROLLING_28D,
      0.99,
      [
        source(
          'good',
          'http_request_duration_seconds_bucket{service="ledger-gateway", le="0.5"}',
        ),
        source(
          'total',
          'http_request_duration_seconds_count{service="ledger-gateway"}',
        ),
      ].join('\n'),
    ),
  i =>
    ratio(
      `bench-${i}-gateway-month`,
      'ledger-gateway',
      '    - duration: 1M\n      calendar:\n        timeZone: UTC',
      0.9995,
      [
        source(
          'bad',
          'http_requests_total{service="ledger-gateway", code=~"5.."}',
        ),
        source('total', 'http_requests_total{service="ledger-gateway"}'),
      ].join('\n'),
    ),
  i =>
    ratio(
      `bench-${i}-explorer`,
      'ledger-explorer',
      '    - duration: 7d\n      isRolling: true',
      0.995,
      [
        source(
          'good',
          'http_requests_total{service="ledger-explorer", code!~"5.."}',
        ),
        source(
          'bad',
          'http_requests_total{service="ledger-explorer", code=~"5.."}',
        ),
      ].join('\n'),
    ),
  i => `version: prometheus/v1
service: ledger-orderer
slos:
  - name: bench-${i}-orderer
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(grpc_server_handled_total{service="ledger-orderer", grpc_code!="OK"}[{{.window}}]))
        total_query: sum(rate(grpc_server_handled_total{service="ledger-orderer"}[{{.window}}]))
`,
];

/** One in fifty is the time-slice SLO of the HSM gateway, in its one site. */
const timeslices = (i: number) => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: bench-${i}-hsm
  annotations:
    multicloud.io/environments: hci-azurestack-fra01
spec:
  service: hsm-gateway
  indicator:
    metadata:
      name: bench-${i}-hsm-p99
    spec:
      thresholdMetric:
        metricSource:
          type: Prometheus
          spec:
            query: histogram_quantile(0.99, sum by (le) (rate(hsm_sign_duration_seconds_bucket{service="hsm-gateway"}[5m])))
  timeWindow:
${ROLLING_28D}
  budgetingMethod: Timeslices
  objectives:
    - op: lte
      value: 0.25
      target: 0.99
      timeSliceTarget: 0.95
      timeSliceWindow: 1m
`;

function writeDefinitions(dir: string, n: number) {
  mkdirSync(dir, { recursive: true });
  const files = new Map<number, string[]>();
  for (let i = 0; i < n; i++) {
    const text = i % 50 === 49 ? timeslices(i) : SHAPES[i % SHAPES.length](i);
    const file = Math.floor(i / 100);
    files.set(file, [...(files.get(file) ?? []), text]);
  }
  for (const [file, texts] of files) {
    writeFileSync(join(dir, `bench-${file}.yaml`), texts.join('---\n'));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed<T>(
  fn: () => Promise<T>,
): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

async function main() {
  const fleet = readSampleFleet(fleetFile);
  const dir = mkdtempSync(join(tmpdir(), 'bench-slo-'));
  const prometheus = await startPrometheus({
    dir: join(dir, 'prometheus'),
    port: PORT,
    environments: fleet,
    now: new Date(),
    aheadMinutes: 60,
  });
  try {
    const slosDir = join(dir, 'slos');
    writeDefinitions(slosDir, count);
    const config = new ConfigReader({
      environments: { file: fleetFile },
      slo: {
        definitions: { directories: [slosDir], catalog: false },
        prometheus: { url: prometheus.url, concurrency: CONCURRENCY },
      },
    });
    const settings = readSloSettings(config);
    const logger = mockServices.rootLogger({ level: 'warn' });
    const urlReader = UrlReaders.default({ config, logger });
    const registry = SloRegistry.create({
      definitions: SloDefinitionSources.create(settings.definitions, {
        urlReader,
        logger,
      }),
      fleet: EnvironmentsFileSource.fromConfig(config, { urlReader, logger }),
      configuredEnvironments: [],
      logger,
    });
    const now = prometheus.now;
    const service = () =>
      SloService.create({
        registry,
        settings: settings.prometheus,
        logger,
        now: () => now,
      });

    // Definitions and fleet are read once, outside every measurement.
    const read = await timed(() => registry.current());
    const snapshot = read.value;
    if (snapshot.definitions.length !== count) {
      throw new Error(
        `${
          snapshot.definitions.length
        } of ${count} SLOs were read: ${JSON.stringify(
          snapshot.problems.slice(0, 3),
        )}`,
      );
    }

    // The floor: the backend's own queries, straight to Prometheus.
    const items: EvaluationItem[] = [];
    for (const definition of snapshot.definitions) {
      for (const environment of environmentsOf(definition, snapshot)) {
        const target = resolvePrometheus(
          environment.name,
          environment.fleetEntry,
          settings.prometheus,
        )!;
        items.push({ definition, environment: environment.name, target });
      }
    }
    const queries = items.map(item => {
      const options = queryOptions(item, now);
      return combineParts([
        ['sli', sliQuery(item.definition, options)],
        ...burnRateWindows(item.definition).map((w): [string, string] => [
          w,
          burnRateQuery(item.definition, w, options),
        ]),
      ]);
    });
    const raw = () =>
      mapLimited(queries, CONCURRENCY, async query => {
        const response = await fetch(`${prometheus.url}/api/v1/query`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            query,
            time: String(now.getTime() / 1000),
          }).toString(),
        });
        const body = await response.json();
        if (body.status !== 'success') throw new Error(body.error);
        return body.data.result.length;
      });

    // One untimed pass so that both sides meet the same warm TSDB; then
    // floor and cold runs alternate, so that a busy machine slows both alike.
    await raw();
    const floorRuns: number[] = [];
    const coldRuns: number[] = [];
    let warmService = service();
    let states: Record<string, number> = {};
    for (let r = 0; r < RUNS; r++) {
      floorRuns.push((await timed(raw)).ms);
      warmService = service();
      const cold = await timed(() => warmService.list());
      coldRuns.push(cold.ms);
      states = {};
      for (const slo of cold.value.slos) {
        for (const e of slo.environments) {
          states[e.state] = (states[e.state] ?? 0) + 1;
        }
      }
    }
    const warmRuns: number[] = [];
    for (let r = 0; r < 20; r++) {
      warmRuns.push((await timed(() => warmService.list())).ms);
    }

    const floorMs = median(floorRuns);
    const row = (label: string, ms: number, digits = 2) =>
      console.log(
        `  ${label.padEnd(52)} ${ms.toFixed(0).padStart(7)} ms${
          label.includes('floor')
            ? ''
            : `   ratio ${(ms / floorMs).toFixed(digits)}x`
        }`,
      );
    const { stats, timings } = prometheus;
    console.log(
      `SLO evaluation: ${count} SLOs in ${snapshot.environments.length} environments = ${items.length} evaluations (one query each), one Prometheus, concurrency ${CONCURRENCY}`,
    );
    console.log(
      `  sample Prometheus: ${stats.series} series, ${
        stats.samples
      } samples; written ${(timings.writeMs / 1000).toFixed(
        1,
      )} s, backfilled ${(timings.backfillMs / 1000).toFixed(1)} s, ready ${(
        timings.startMs / 1000
      ).toFixed(1)} s`,
    );
    console.log(
      `  states: ${JSON.stringify(
        states,
      )}; definitions read in ${read.ms.toFixed(0)} ms`,
    );
    row(
      `raw queries straight to Prometheus (floor, median of ${RUNS})`,
      floorMs,
    );
    row(
      `cold: evaluate everything, nothing cached (median of ${RUNS})`,
      median(coldRuns),
    );
    row('warm: served from the cache (median of 20)', median(warmRuns), 4);
  } finally {
    await prometheus.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
