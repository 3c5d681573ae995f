import type { Environment } from '@multicloud/plugin-environments-common';
import {
  appliesToEnvironment,
  sliSummary,
  sloEnvironments,
} from './definition';

describe('environments of an SLO', () => {
  const fleet = [
    { name: 'admin-azure-westeurope', enabled: true },
    { name: 'workload-aws-useast1', enabled: true },
    { name: 'workload-aws-euwest1', enabled: false },
    { name: 'workload-gcp-euwest1', enabled: true },
  ] as Environment[];

  it('is every enabled environment by default', () => {
    expect(
      sloEnvironments({ environments: { kind: 'all' } }, fleet).map(
        e => e.name,
      ),
    ).toEqual([
      'admin-azure-westeurope',
      'workload-aws-useast1',
      'workload-gcp-euwest1',
    ]);
  });

  it('is the enabled environments that match a pattern', () => {
    const only = {
      environments: {
        kind: 'only' as const,
        patterns: ['workload-aws-*', 'workload-gcp-euwest1'],
      },
    };
    expect(sloEnvironments(only, fleet).map(e => e.name)).toEqual([
      'workload-aws-useast1',
      'workload-gcp-euwest1',
    ]);
    expect(appliesToEnvironment(only, 'workload-aws-euwest1')).toBe(true);
    expect(appliesToEnvironment(only, 'workload-aws')).toBe(false);
    expect(
      appliesToEnvironment(
        { environments: { kind: 'only', patterns: ['a.b'] } },
        'axb',
      ),
    ).toBe(false);
  });
});

it('summarises the queries of an indicator by role', () => {
  expect(
    sliSummary({ kind: 'ratio', form: 'good-total', good: 'g', total: 't' }),
  ).toEqual({
    kind: 'ratio',
    queries: { good: 'g', total: 't' },
  });
  expect(
    sliSummary({ kind: 'ratio', form: 'raw', rawType: 'failure', raw: 'r' }),
  ).toEqual({
    kind: 'ratio',
    queries: { errorRatio: 'r' },
  });
  expect(
    sliSummary({ kind: 'threshold', query: 'q', op: 'lt', threshold: 1 }),
  ).toEqual({
    kind: 'threshold',
    queries: { threshold: 'q' },
  });
});
