import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ABSENT, SAMPLE_SERVICES, planSeries } from './design';
import { readSampleDefinitions, readSampleFleet } from './samples';
import { SAMPLE_SLOS, computeTruth } from './truth';

const REPO_ROOT = resolve(__dirname, '../../..');
const NOW = new Date('2026-11-21T12:00:00Z');
const fleet = readSampleFleet(join(REPO_ROOT, 'config/environments.yaml'));
const truth = computeTruth(fleet, NOW);

function find(sloId: string, environment: string) {
  const entry = truth.slos.find(
    s => s.sloId === sloId && s.environment === environment,
  );
  if (!entry) throw new Error(`no truth for ${sloId} in ${environment}`);
  return entry;
}

function rates(sloId: string, environment: string) {
  return Object.fromEntries(
    find(sloId, environment).burnRates.flatMap(b => [
      [b.long, b.longRate],
      [b.short, b.shortRate],
    ]),
  );
}

describe('computeTruth for the sample fleet', () => {
  it('gives every sample SLO in every environment its designed state and alerts', () => {
    expect(
      truth.slos.map(s =>
        [
          s.sloId,
          s.environment,
          s.state,
          ...s.burnRates.filter(b => b.firing).map(b => `${b.long}/${b.short}`),
        ].join(' '),
      ),
    ).toEqual([
      'ledger-peer-availability workload-azure-westeurope ok',
      'ledger-peer-availability workload-aws-useast1 breached 1h/5m',
      'ledger-peer-availability workload-aws-apsoutheast1 breached',
      'ledger-peer-availability workload-gcp-europewest4 warning 1d/2h 3d/6h',
      'ledger-peer-availability workload-ibm-ussouth no-data',
      'ledger-peer-availability workload-oracle-frankfurt warning',
      'ledger-peer-availability hci-azurestack-fra01 ok',
      'ledger-peer-availability hci-vsphere-ams01 ok',
      'ledger-gateway-latency workload-azure-westeurope ok',
      'ledger-gateway-latency workload-aws-useast1 breached 6h/30m',
      'ledger-gateway-latency workload-aws-apsoutheast1 ok',
      'ledger-gateway-availability workload-azure-westeurope ok',
      'ledger-gateway-availability workload-aws-useast1 ok',
      'ledger-gateway-availability workload-aws-apsoutheast1 ok',
      'ledger-explorer-availability workload-gcp-europewest4 ok',
      'hsm-gateway-signing-latency hci-azurestack-fra01 warning',
      'ledger-orderer-requests-availability workload-aws-useast1 ok',
    ]);
  });

  it('works out occurrence SLIs as shares of the designed requests', () => {
    const healthy = find(
      'ledger-peer-availability',
      'workload-azure-westeurope',
    );
    expect(healthy.sli).toBeCloseTo(0.9999, 12);
    expect(healthy.budgetRemaining).toBeCloseTo(0.9, 9);
    expect(healthy.windowSeconds).toBe(28 * 86400);

    // 3 % errors for the last 50 minutes, 0.02 % before.
    const fast = rates('ledger-peer-availability', 'workload-aws-useast1');
    expect(fast['5m']).toBeCloseTo(30, 9);
    expect(fast['1h']).toBeCloseTo((10 * 0.0002 + 50 * 0.03) / 60 / 0.001, 9);
    expect(fast['6h']).toBeCloseTo((310 * 0.0002 + 50 * 0.03) / 360 / 0.001, 9);

    // Two hours of 50 % errors ten days ago, 0.02 % otherwise.
    expect(
      find('ledger-peer-availability', 'workload-aws-apsoutheast1')
        .budgetRemaining,
    ).toBeCloseTo(1 - (120 * 0.5 + 40200 * 0.0002) / 40320 / 0.001, 9);

    // 8 % of gateway requests over 500 ms for six hours.
    const slow = rates('ledger-gateway-latency', 'workload-aws-useast1');
    expect(slow['6h']).toBeCloseTo(8, 9);
    expect(slow['1d']).toBeCloseTo(
      (360 * 0.08 + 1080 * 0.002) / 1440 / 0.01,
      9,
    );
  });

  it('has no value for windows without two samples, and nothing for a service without series', () => {
    const gap = rates('ledger-peer-availability', 'hci-vsphere-ams01');
    expect(gap['5m']).toBeNull();
    // The 30 minutes hold the samples of their first ten.
    expect(gap['30m']).toBeCloseTo(0.2, 9);

    const absent = find('ledger-peer-availability', 'workload-ibm-ussouth');
    expect(absent.sli).toBeNull();
    expect(absent.budgetRemaining).toBeNull();
    expect(absent.burnRates.every(b => !b.longRate && !b.shortRate)).toBe(true);
    expect(absent.scenario).toBe('no series');
  });

  it('counts time slices at every minute of the window, both ends included', () => {
    const hsm = find('hsm-gateway-signing-latency', 'hci-azurestack-fra01');
    // 28 nights of 8 slow minutes each spoil 12 slices: the p99 reads the last 5 minutes.
    expect(hsm.sli).toBeCloseTo(1 - (28 * 12) / 40321, 12);
    const slices = rates('hsm-gateway-signing-latency', 'hci-azurestack-fra01');
    expect(slices['6h']).toBeCloseTo(12 / 361 / 0.01, 9);
    expect(slices['5m']).toBe(0);
  });

  it('reads a calendar window up to now only', () => {
    const month = find(
      'ledger-gateway-availability',
      'workload-aws-apsoutheast1',
    );
    // From 2026-11-01T00:00Z: 20.5 days, with two hours of 5 % errors in it.
    expect(month.windowSeconds).toBe(20.5 * 86400);
    const minutes = 20.5 * 1440;
    expect(month.budgetRemaining).toBeCloseTo(
      1 - ((minutes - 120) * 0.0001 + 120 * 0.05) / minutes / 0.0005,
      9,
    );
    const early = computeTruth(
      fleet,
      new Date('2026-12-01T00:07:00Z'),
    ).slos.find(s => s.sloId === 'ledger-gateway-availability');
    expect(early?.windowSeconds).toBe(300);
  });
});

describe('the sample SLO definitions in config/slos', () => {
  const { definitions, problems } = readSampleDefinitions(
    join(REPO_ROOT, 'config/slos'),
  );

  it('parse without problems into the SLOs the truth is about', () => {
    expect(problems).toEqual([]);
    expect(definitions.map(d => d.id).sort()).toEqual(
      SAMPLE_SLOS.map(s => s.id).sort(),
    );
    for (const slo of SAMPLE_SLOS) {
      const definition = definitions.find(d => d.id === slo.id)!;
      expect({
        id: definition.id,
        file: relative(REPO_ROOT, definition.source.file),
        entityRef: definition.entityRef,
        objective: definition.objective,
        window: definition.window,
        budgetingMethod: definition.budgetingMethod,
        slice: definition.timeSlices?.window,
        environments: definition.environments,
        alerts: definition.alerting.windows.map(
          ({ long, short, factor, severity }) => ({
            long,
            short,
            factor,
            severity,
          }),
        ),
      }).toEqual({
        id: slo.id,
        file: `config/slos/${slo.file}`,
        entityRef: `component:default/${slo.service}`,
        objective: slo.objective,
        window: slo.window,
        budgetingMethod: slo.budgetingMethod,
        slice: slo.sliceMinutes ? `${slo.sliceMinutes}m` : undefined,
        environments: slo.environments,
        alerts: slo.alertWindows,
      });
    }
  });

  it('query only the series their service has', () => {
    for (const definition of definitions) {
      const slo = SAMPLE_SLOS.find(s => s.id === definition.id)!;
      const metrics = SAMPLE_SERVICES[slo.service];
      const names = [
        ...(metrics.requests ? [`${metrics.requests.family}_total`] : []),
        ...(metrics.latency
          ? ['_bucket', '_count', '_sum'].map(
              s => `${metrics.latency!.family}${s}`,
            )
          : []),
      ];
      const queries = JSON.stringify(definition.indicator);
      const used = queries.match(/[a-z_]+_(?:total|bucket|count|sum)\b/g) ?? [];
      expect(used.length).toBeGreaterThan(0);
      for (const name of used) expect(names).toContain(name);
      expect(queries).toContain(`service=\\"${slo.service}\\"`);
    }
  });

  it('belong to components of the sample catalogue that run in the environments they name', () => {
    const catalog = readFileSync(
      join(REPO_ROOT, 'examples/entities.yaml'),
      'utf8',
    );
    const pairs = planSeries(fleet);
    const unrun: string[] = [];
    const uncollected: string[] = [];
    for (const slo of SAMPLE_SLOS) {
      expect(catalog).toContain(`  name: ${slo.service}\n`);
      const where = truth.slos.filter(s => s.sloId === slo.id);
      expect(where.length).toBeGreaterThan(0);
      for (const { environment } of where) {
        const pair = pairs.find(
          p => p.service === slo.service && p.environment === environment,
        );
        if (!pair) unrun.push(`${slo.service} in ${environment}`);
        else if (pair.scenario === ABSENT) uncollected.push(environment);
      }
    }
    expect(unrun).toEqual([]);
    // Only the designed gap in collection has no series at all.
    expect(uncollected).toEqual(['workload-ibm-ussouth']);
  });
});
