import { testSlos } from '../testing/testSlos';
import {
  formatBudget,
  formatBurnRate,
  formatRatio,
  formatWindow,
  shortAgo,
} from './format';
import {
  describeStatus,
  environmentsOf,
  filterSlos,
  NO_FILTER,
  overallState,
  totals,
  worstBudget,
} from './slos';

function byName(name: string) {
  const slo = testSlos().find(s => s.name === name);
  if (!slo) throw new Error(name);
  return slo;
}

describe('format', () => {
  it('keeps a decimal on small budgets and shows overspending', () => {
    expect(formatBudget(0.82)).toBe('82%');
    expect(formatBudget(0.034)).toBe('3.4%');
    expect(formatBudget(0)).toBe('0%');
    expect(formatBudget(-0.35)).toBe('-35%');
    expect(formatBudget(undefined)).toBe('—');
  });

  it('keeps the decimals that matter in objectives', () => {
    expect(formatRatio(0.999)).toBe('99.9%');
    expect(formatRatio(0.9995)).toBe('99.95%');
    expect(formatRatio(0.99865)).toBe('99.865%');
  });

  it('writes burn rates as multiples', () => {
    expect(formatBurnRate(14.4)).toBe('14.4×');
    expect(formatBurnRate(0.25)).toBe('0.25×');
    expect(formatBurnRate(null)).toBe('no data');
  });

  it('names windows', () => {
    expect(formatWindow({ kind: 'rolling', duration: '28d' })).toBe(
      'rolling 28d',
    );
    expect(formatWindow({ kind: 'calendar', duration: '1M' })).toBe(
      'calendar 1M',
    );
  });

  it('says how long ago', () => {
    const now = new Date('2026-11-21T08:00:00Z');
    expect(shortAgo(new Date('2026-11-21T07:59:48Z'), now)).toBe('12 s ago');
    expect(shortAgo(new Date('2026-11-21T08:00:05Z'), now)).toBe('just now');
    expect(shortAgo(new Date('2026-11-21T05:00:00Z'), now)).toBe('3 h ago');
  });
});

describe('slos', () => {
  it('reads the worst verdict before the lack of one', () => {
    // Breached in AWS, a query error in GCP: breached.
    expect(overallState(byName('ledger-peer-availability').environments)).toBe(
      'breached',
    );
    // Unknown in AWS, OK elsewhere: OK, the unknown shows in its cell.
    expect(
      overallState(byName('ledger-orderer-availability').environments),
    ).toBe('ok');
    expect(
      overallState(
        byName('ledger-peer-availability').environments.filter(
          e => e.state === 'error',
        ),
      ),
    ).toBe('error');
    expect(overallState([])).toBeUndefined();
  });

  it('finds the lowest budget, skipping environments without one', () => {
    expect(worstBudget(byName('ledger-peer-availability').environments)).toBe(
      -0.35,
    );
    expect(
      worstBudget(
        byName('ledger-gateway-latency').environments.filter(
          e => e.state === 'no-data',
        ),
      ),
    ).toBeUndefined();
  });

  it('counts SLOs by state, evaluations without verdict and firing alerts', () => {
    expect(totals(testSlos())).toEqual({
      slos: 3,
      byState: { ok: 1, breached: 1, warning: 1 },
      evaluations: 8,
      withoutVerdict: 3,
      // Peer in AWS: 1h/5m, 6h/30m (page), 1d/2h, 3d/6h (ticket); gateway
      // in AWS: 1d/2h (ticket).
      firing: { page: 2, ticket: 3 },
    });
  });

  it('lists environments in the order the backend gives them', () => {
    expect(environmentsOf(testSlos())).toEqual([
      'workload-aws-useast1',
      'workload-azure-westeurope',
      'workload-gcp-europewest4',
    ]);
  });

  it('filters by component, state and environment', () => {
    const slos = testSlos();
    const names = (filter: Partial<typeof NO_FILTER>) =>
      filterSlos(slos, { ...NO_FILTER, ...filter }).map(s => s.name);

    expect(names({})).toHaveLength(3);
    expect(names({ components: ['component:default/ledger-peer'] })).toEqual([
      'ledger-peer-availability',
    ]);
    expect(names({ states: ['error', 'unknown'] })).toEqual([
      'ledger-orderer-availability',
      'ledger-peer-availability',
    ]);
    // The gateway is not evaluated in GCP.
    expect(names({ environments: ['workload-gcp-europewest4'] })).toEqual([
      'ledger-orderer-availability',
      'ledger-peer-availability',
    ]);
    // The state must hold in a picked environment.
    expect(
      names({
        states: ['breached'],
        environments: ['workload-azure-westeurope'],
      }),
    ).toEqual([]);
  });

  it('describes one SLO in one environment, reasons and burn rates included', () => {
    const peer = byName('ledger-peer-availability');
    const [aws, , gcp] = peer.environments;
    expect(describeStatus(aws, peer.objective)).toEqual([
      'Breached in workload-aws-useast1: -35% of the error budget left',
      'SLI 99.865% (objective 99.9%)',
      '1h/5m burn 18.2× / 21.5×, alert at 14.4× (page): FIRING',
      '6h/30m burn 7.9× / 9.1×, alert at 6× (page): FIRING',
      '1d/2h burn 4.1× / 5.2×, alert at 3× (ticket): FIRING',
      '3d/6h burn 1.6× / 2.2×, alert at 1× (ticket): FIRING',
    ]);
    expect(describeStatus(gcp, peer.objective)).toEqual([
      'Query error in workload-gcp-europewest4',
      'bad_data: 1:47: parse error: unexpected "}" in label matching, expected string',
    ]);
  });
});
