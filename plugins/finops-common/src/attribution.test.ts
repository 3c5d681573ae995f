import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnvironments } from '@multicloud/plugin-environments-common';
import {
  attributeToEntity,
  attributeToEnvironment,
  entityRefFromKubernetesLabels,
  entityRefFromTag,
} from './attribution';
import type { CostRow } from './row';

const fleet = parseEnvironments(
  readFileSync(resolve(__dirname, '../../../config/environments.yaml'), 'utf8'),
).environments;

function row(overrides: Partial<CostRow>): CostRow {
  return {
    date: '2026-03-01',
    billedCost: 1,
    effectiveCost: 1,
    currency: 'USD',
    provider: 'aws',
    chargeCategory: 'Usage',
    tags: {},
    ...overrides,
  };
}

describe('attributeToEnvironment', () => {
  it('reads the fleet file', () => {
    expect(fleet.map(env => env.name)).toContain('workload-gcp-europewest4');
  });

  it('attributes by tag first', () => {
    expect(
      attributeToEnvironment(
        row({
          tags: { 'Env-Name': 'workload-aws-apsoutheast1' },
          subAccountId: '412345678901',
          region: 'us-east-1',
        }),
        fleet,
      ),
    ).toEqual({ environment: 'workload-aws-apsoutheast1', by: 'tag' });
  });

  it('ignores tags that name no environment', () => {
    expect(
      attributeToEnvironment(
        row({ tags: { environment: 'prod' }, subAccountId: '412345678902' }),
        fleet,
      ),
    ).toEqual({ environment: 'workload-aws-apsoutheast1', by: 'account' });
  });

  it('attributes by sub account, then billing account', () => {
    expect(
      attributeToEnvironment(
        row({
          provider: 'azure',
          subAccountId: '8C1D2E3F-4A5B-4C6D-8E7F-901A2B3C4D5E',
          region: 'westus',
        }),
        fleet,
      ),
    ).toEqual({ environment: 'workload-azure-westeurope', by: 'account' });
    expect(
      attributeToEnvironment(
        row({
          provider: 'gcp',
          billingAccountId: '01A2B3-C4D5E6-F7A8B9',
          subAccountId: 'shared-services',
        }),
        fleet,
      ),
    ).toEqual({ environment: 'workload-gcp-europewest4', by: 'account' });
  });

  it('reads an Azure subscription written as a resource path', () => {
    expect(
      attributeToEnvironment(
        row({
          provider: 'azure',
          billingAccountId: '/providers/Microsoft.Billing/billingAccounts/42',
          subAccountId: '/subscriptions/8c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
          region: 'eastus',
        }),
        fleet,
      ),
    ).toEqual({ environment: 'workload-azure-westeurope', by: 'account' });
    expect(
      attributeToEnvironment(
        row({
          provider: 'azure',
          subAccountId: '/subscriptions/00000000-0000-0000-0000-000000000000',
          region: 'eastus',
        }),
        fleet,
      ),
    ).toEqual({});
  });

  it('attributes by provider and region', () => {
    expect(
      attributeToEnvironment(
        row({ provider: 'gcp', region: 'us-central1', subAccountId: 'other' }),
        fleet,
      ),
    ).toEqual({ environment: 'workload-gcp-uscentral1', by: 'region' });
  });

  it('leaves a region shared by several environments unattributed', () => {
    const twin = { ...fleet.find(e => e.name === 'workload-aws-useast1')! };
    twin.name = 'workload-aws-useast1-b';
    twin.cost = undefined;
    const environments = [...fleet, twin];
    expect(
      attributeToEnvironment(
        row({ region: 'us-east-1', subAccountId: '999999999999' }),
        environments,
      ),
    ).toEqual({});
    expect(attributeToEnvironment(row({ region: 'eu-west-1' }), fleet)).toEqual(
      {},
    );
    expect(
      attributeToEnvironment(
        row({ provider: 'azure', region: 'us-east-1' }),
        fleet,
      ),
    ).toEqual({});
  });

  it('lets the region decide between environments sharing an account', () => {
    const envs = fleet.map(env =>
      env.provider === 'aws'
        ? { ...env, cost: { ...env.cost, accounts: ['999999999999'] } }
        : env,
    );
    expect(
      attributeToEnvironment(
        row({ billingAccountId: '999999999999', region: 'ap-southeast-1' }),
        envs,
      ),
    ).toEqual({ environment: 'workload-aws-apsoutheast1', by: 'region' });
  });
});

describe('attributeToEntity', () => {
  it('reads entity refs from tags', () => {
    expect(
      attributeToEntity(
        row({ tags: { 'backstage.io/component': 'ledger-peer' } }),
      ),
    ).toBe('component:default/ledger-peer');
    expect(
      attributeToEntity(
        row({ tags: { service: 'payments/ledger-gateway', component: '' } }),
      ),
    ).toBe('component:payments/ledger-gateway');
    expect(
      attributeToEntity(
        row({
          tags: {
            component: 'not a name',
            service: 'Component:Default/ledger-peer',
          },
        }),
      ),
    ).toBe('component:default/ledger-peer');
    expect(
      attributeToEntity(row({ tags: { 'user:component': 'ledger-peer' } })),
    ).toBe('component:default/ledger-peer');
    expect(attributeToEntity(row({ tags: { team: 'ledger' } }))).toBe(
      undefined,
    );
  });

  it('rejects values that are no entity ref', () => {
    expect(entityRefFromTag('a/b/c')).toBeUndefined();
    expect(entityRefFromTag('')).toBeUndefined();
    expect(entityRefFromTag('resource:default/ledger-db')).toBe(
      'resource:default/ledger-db',
    );
  });
});

describe('entityRefFromKubernetesLabels', () => {
  it('reads the kubernetes-id label first, then the name label', () => {
    expect(
      entityRefFromKubernetesLabels({
        'app.kubernetes.io/name': 'peer',
        'backstage.io/kubernetes-id': 'ledger-peer',
      }),
    ).toBe('component:default/ledger-peer');
    expect(
      entityRefFromKubernetesLabels({
        app_kubernetes_io_name: 'ledger-gateway',
      }),
    ).toBe('component:default/ledger-gateway');
    expect(
      entityRefFromKubernetesLabels({
        backstage_io_kubernetes_id: 'ledger-orderer',
      }),
    ).toBe('component:default/ledger-orderer');
  });

  it('falls back on the later maps, then on nothing', () => {
    expect(
      entityRefFromKubernetesLabels({ app: 'coredns' }, undefined, {
        'backstage.io/kubernetes-id': 'platform/dns',
      }),
    ).toBe('component:platform/dns');
    expect(
      entityRefFromKubernetesLabels({ 'app.kubernetes.io/name': 'a/b/c' }),
    ).toBeUndefined();
    expect(entityRefFromKubernetesLabels()).toBeUndefined();
  });
});
