import {
  filterEnvironments,
  searchEnvironments,
  sortEnvironments,
} from './FleetTable';
import { mapPoints, summarize, versionReport } from './fleet';
import { formatBytes, formatCores, serverMinor, shortAgo } from './format';
import { testFleet } from './testFleet';

describe('fleet figures', () => {
  it('counts the fleet', () => {
    const summary = summarize(testFleet().environments);
    expect(summary.total).toBe(6);
    expect(summary.byHealth).toEqual({
      healthy: 2,
      degraded: 1,
      unreachable: 1,
      pending: 0,
      disabled: 1,
      'not-configured': 1,
    });
    expect(summary.nodes).toEqual({ ready: 10, total: 12 });
    expect(summary.cpuCores).toBe(48);
    expect(summary.reporting).toBe(3);
    expect(summary.byRole).toEqual([
      { key: 'workload', label: 'Workload', count: 5 },
      { key: 'admin', label: 'Admin', count: 1 },
    ]);
  });

  it('measures version skew against the admin version', () => {
    const report = versionReport(testFleet());
    expect(report.buckets.map(b => [b.version, b.count])).toEqual([
      ['1.34', 1],
      ['1.35', 1],
      ['1.36', 3],
      ['1.37', 1],
    ]);
    expect(report.skewed.map(s => [s.env.name, s.skew])).toEqual([
      ['workload-gcp-europewest4', 2],
    ]);
    expect(report.unsupported.map(u => [u.env.name, u.why])).toEqual([
      ['workload-gcp-europewest4', 'older'],
    ]);
    expect(report.mismatched.map(m => [m.env.name, m.server])).toEqual([
      ['workload-aws-useast1', 'v1.35.4'],
    ]);
  });

  it('tells newer minors from older ones, and does without an admin', () => {
    const fleet = testFleet();
    fleet.adminVersion = undefined;
    fleet.environments[0].kubernetes!.version = '1.38';
    const report = versionReport(fleet);
    expect(report.skewed).toEqual([]);
    expect(report.unsupported.map(u => [u.version, u.why])).toEqual([
      ['1.34', 'older'],
      ['1.38', 'newer'],
    ]);
  });

  it('spreads environments of one region around it and leaves out those without coordinates', () => {
    const fleet = testFleet();
    const twin = { ...fleet.environments[1], name: 'workload-aws-useast1-b' };
    const { points, unplaced } = mapPoints([...fleet.environments, twin]);
    expect(unplaced.map(e => e.name)).toEqual(['hci-vsphere-ams01']);
    const aws = points.filter(p => p.env.provider === 'aws');
    expect(aws).toHaveLength(2);
    expect(aws[0].coordinates).toEqual(aws[1].coordinates);
    expect(aws[0].offset).not.toEqual(aws[1].offset);
  });

  it('filters, searches and sorts the table', () => {
    const envs = testFleet().environments;
    const names = (list: typeof envs) => list.map(e => e.name);
    expect(
      names(
        filterEnvironments(envs, {
          provider: [],
          role: ['workload'],
          type: [],
          health: ['unreachable', 'degraded'],
        }),
      ),
    ).toEqual(['workload-aws-useast1', 'workload-gcp-europewest4']);
    expect(names(searchEnvironments(envs, 'frankfurt'))).toEqual([
      'workload-oracle-frankfurt',
    ]);
    expect(
      names(
        sortEnvironments(envs, { column: 'health', direction: 'ascending' }),
      ),
    ).toEqual([
      'workload-gcp-europewest4',
      'workload-aws-useast1',
      'admin-azure-westeurope',
      'hci-vsphere-ams01',
      'workload-oracle-frankfurt',
      'workload-ibm-ussouth',
    ]);
    // No wave sorts last in either direction.
    const byWave = names(
      sortEnvironments(envs, { column: 'wave', direction: 'descending' }),
    );
    expect(byWave.slice(0, 3)).toEqual([
      'workload-gcp-europewest4',
      'workload-aws-useast1',
      'admin-azure-westeurope',
    ]);
  });

  it('formats figures', () => {
    const now = new Date('2026-11-21T12:00:00Z');
    const before = (s: number) => new Date(now.getTime() - s * 1000);
    expect(shortAgo(before(12), now)).toBe('12 s ago');
    expect(shortAgo(before(130), now)).toBe('2 min ago');
    expect(shortAgo(before(7200), now)).toBe('2 h ago');
    expect(shortAgo(before(-5), now)).toBe('just now');
    expect(formatCores(1)).toBe('1 core');
    expect(formatCores(15.5)).toBe('15.5 cores');
    expect(formatBytes(64 * 1024 ** 3)).toBe('64 GiB');
    expect(formatBytes(1536 * 1024 ** 2)).toBe('1.5 GiB');
    expect(serverMinor('v1.36.2-eks-1234')).toBe('1.36');
    expect(serverMinor('garbage')).toBeUndefined();
  });
});
