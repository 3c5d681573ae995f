import { resolve } from 'node:path';
import {
  ABSENT,
  COARSE_STEP_SECONDS,
  FINE_SPAN_MINUTES,
  HISTORY_MINUTES,
  planSeries,
} from './design';
import { PairModel } from './model';
import { openMetricsChunks } from './openmetrics';
import { readSampleFleet } from './samples';

const NOW = new Date('2026-11-21T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const fleet = readSampleFleet(
  resolve(__dirname, '../../../config/environments.yaml'),
);

function environments(...names: string[]) {
  return fleet.filter(e => names.includes(e.name));
}

function text(names: string[], aheadMinutes: number, now = NOW): string {
  return [
    ...openMetricsChunks({
      environments: environments(...names),
      now,
      aheadMinutes,
    }),
  ].join('');
}

/** Samples by series (`name{labels}`), in file order. */
function parse(input: string): Map<string, Array<[number, number]>> {
  const series = new Map<string, Array<[number, number]>>();
  for (const line of input.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(\S+\{[^}]*\}) (\S+) (\d+)$/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const samples = series.get(match[1]) ?? [];
    samples.push([Number(match[3]), Number(match[2])]);
    series.set(match[1], samples);
  }
  return series;
}

const PEER_OK =
  'grpc_server_handled_total{service="ledger-peer",environment="workload-azure-westeurope",grpc_code="OK"}';

describe('openMetricsChunks', () => {
  const westeurope = text(['workload-azure-westeurope'], 30);
  const series = parse(westeurope);

  it('writes each family once, with its type, and ends with # EOF', () => {
    const lines = westeurope.trimEnd().split('\n');
    expect(lines[0]).toBe('# TYPE grpc_server_handled counter');
    expect(lines[lines.length - 1]).toBe('# EOF');
    const types = lines.filter(l => l.startsWith('# TYPE'));
    expect(types).toEqual([
      '# TYPE grpc_server_handled counter',
      '# TYPE http_requests counter',
      '# TYPE http_request_duration_seconds histogram',
    ]);
    // The samples of a family follow its header and nothing else does.
    let family = '';
    const misplaced = lines.filter(line => {
      if (line.startsWith('# TYPE')) family = line.split(' ')[2];
      return !line.startsWith('#') && !line.startsWith(`${family}_`);
    });
    expect(misplaced).toEqual([]);
  });

  it('samples every 5 minutes for a month, then every minute until the end of the span ahead', () => {
    const times = series.get(PEER_OK)!.map(([t]) => t);
    expect(times[0]).toBe(NOW_S - HISTORY_MINUTES * 60);
    expect(times[times.length - 1]).toBe(NOW_S + 30 * 60);
    const steps = new Set(
      times.slice(1).map((t, i) => {
        const step = t - times[i];
        return `${
          t <= NOW_S - FINE_SPAN_MINUTES * 60 ? 'before' : 'after'
        } ${step}`;
      }),
    );
    expect([...steps]).toEqual([`before ${COARSE_STEP_SECONDS}`, 'after 60']);
  });

  it('counts whole requests that only ever grow, successes and failures adding up to the designed traffic', () => {
    const decreasing = [...series].filter(([, samples]) =>
      samples.some(([, v], i) => i > 0 && v < samples[i - 1][1]),
    );
    expect(decreasing).toEqual([]);
    const ok = series.get(PEER_OK)!;
    const failed = series.get(PEER_OK.replace('"OK"', '"Unavailable"'))!;
    const last = ok.length - 1;
    // Healthy westeurope: 10000 calls a minute, one of them failing.
    expect(ok[last][1] - ok[last - 1][1]).toBe(9999);
    expect(failed[last][1] - failed[last - 1][1]).toBe(1);
    expect(ok[0][1] + failed[0][1]).toBe(0);
  });

  it('writes cumulative histogram buckets whose +Inf bucket is the count', () => {
    const labels =
      'service="ledger-gateway",environment="workload-azure-westeurope"';
    const bounds = ['0.1', '0.25', '0.5', '1', '+Inf'];
    const buckets = bounds.map(
      le =>
        series.get(
          `http_request_duration_seconds_bucket{${labels},le="${le}"}`,
        )!,
    );
    const count = series.get(`http_request_duration_seconds_count{${labels}}`)!;
    const sum = series.get(`http_request_duration_seconds_sum{${labels}}`)!;
    expect(buckets[4]).toEqual(count);
    const unordered = count.filter((_, i) =>
      buckets.some((bucket, b) => b > 0 && bucket[i][1] < buckets[b - 1][i][1]),
    );
    expect(unordered).toEqual([]);
    const last = count.length - 1;
    // 10000 requests a minute, mean 60 ms: 600 s of latency a minute.
    expect(sum[last][1] - sum[last - 1][1]).toBeCloseTo(600, 6);
    expect(buckets[2][last][1] - buckets[2][last - 1][1]).toBe(9980);
  });

  it('leaves out the samples of a gap, and the series of a service that was never collected', () => {
    const gapped = parse(
      text(['hci-vsphere-ams01', 'workload-ibm-ussouth'], 30),
    );
    expect([...gapped.keys()]).toEqual([
      'grpc_server_handled_total{service="ledger-peer",environment="hci-vsphere-ams01",grpc_code="OK"}',
      'grpc_server_handled_total{service="ledger-peer",environment="hci-vsphere-ams01",grpc_code="Unavailable"}',
    ]);
    const times = [...gapped.values()][0].map(([t]) => t);
    expect(times[times.length - 1]).toBe(NOW_S - 20 * 60);
  });

  it('samples a time-slice service every minute over the whole history', () => {
    const hsm = parse(text(['hci-azurestack-fra01'], 0));
    const times = hsm
      .get(
        'hsm_sign_duration_seconds_count{service="hsm-gateway",environment="hci-azurestack-fra01"}',
      )!
      .map(([t]) => t);
    expect(times).toHaveLength(HISTORY_MINUTES + 1);
    expect(times[1] - times[0]).toBe(60);
  });

  it('gives the same text for the same fleet and now, rounded down to 5 minutes', () => {
    const a = text(['workload-aws-useast1'], 0);
    const b = text(
      ['workload-aws-useast1'],
      0,
      new Date('2026-11-21T12:04:59.999Z'),
    );
    expect(b).toBe(a);
  });
});

describe('PairModel', () => {
  it('refuses a design whose counts per minute are not whole numbers', () => {
    const [pair] = planSeries(environments('workload-gcp-europewest4')).filter(
      p => p.service === 'ledger-explorer',
    );
    expect(pair.scenario).not.toBe(ABSENT);
    expect(() =>
      PairModel.create(
        {
          ...pair,
          scenario: {
            summary: 'odd',
            requestsPerMinute: 1000,
            errorRatio: 0.0001,
          },
        },
        { aheadMinutes: 0 },
      ),
    ).toThrow(
      'the design gives 0.1 failed requests in a minute; choose rates whose counts per minute are whole numbers',
    );
  });

  it('repeats an episode that has a period, before and after now', () => {
    const [pair] = planSeries(environments('hci-azurestack-fra01')).filter(
      p => p.service === 'hsm-gateway',
    );
    const model = PairModel.create(pair, { aheadMinutes: 1440 });
    const slow = (minute: number) =>
      model.counter('requests', minute) -
      model.counter('requests', minute - 1) -
      (model.counter('bucket1', minute) - model.counter('bucket1', minute - 1));
    // Nightly: minutes -187..-180 of each day are slow (5 % over 250 ms).
    for (const day of [-20, -1, 0, 1]) {
      expect(slow(-188 + day * 1440)).toBe(12);
      expect(slow(-187 + day * 1440)).toBe(300);
      expect(slow(-180 + day * 1440)).toBe(300);
      expect(slow(-179 + day * 1440)).toBe(12);
    }
  });
});
