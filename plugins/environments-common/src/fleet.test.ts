import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  adminOf,
  defaultNodePools,
  dependentsOf,
  deriveEnvironmentName,
  minorSkew,
  pickFreeNetwork,
} from './fleet';
import { parseEnvironments } from './parse';

const sample = parseEnvironments(
  readFileSync(resolve(__dirname, '../../../config/environments.yaml'), 'utf8'),
).environments;

describe('fleet helpers', () => {
  it('finds the admin region', () => {
    expect(adminOf(sample)?.name).toBe('admin-azure-westus');
  });

  it('measures minor version skew', () => {
    expect(minorSkew('1.33', '1.31')).toBe(2);
    expect(minorSkew('1.33', undefined)).toBeUndefined();
  });

  it('derives names in the fleet style and avoids taken ones', () => {
    expect(deriveEnvironmentName(['workload', 'aws', 'eu-west-1'], [])).toBe(
      'workload-aws-euwest1',
    );
    expect(
      deriveEnvironmentName(
        ['workload', 'aws', 'us-east-1'],
        ['workload-aws-useast1'],
      ),
    ).toBe('workload-aws-useast1-2');
    expect(deriveEnvironmentName(['x'.repeat(80)], []).length).toBe(63);
  });

  it('picks the first free network of the pool', () => {
    // The sample uses 10.10, 10.20, 10.30, 10.31, 10.40, 10.41, 10.50, 10.60.
    expect(pickFreeNetwork(sample)).toBe('10.0.0.0/16');
    expect(pickFreeNetwork(sample, { pool: '10.10.0.0/15' })).toBe(
      '10.11.0.0/16',
    );
    expect(pickFreeNetwork(sample, { pool: '10.10.0.0/16' })).toBeUndefined();
  });

  it('suggests a node pool per provider', () => {
    expect(defaultNodePools('aws')).toEqual({
      system: { count: 3, vm_size: 'm6i.xlarge' },
    });
    expect(defaultNodePools('onprem', 'tanzu').system.vm_size).toBe(
      'best-effort-large',
    );
  });

  it('lists what depends on an environment', () => {
    expect(dependentsOf('hci-azurestack-fra01', sample)).toEqual([
      { name: 'workload-azure-westeurope', reason: 'link' },
      { name: 'hci-vsphere-ams01', reason: 'link' },
    ]);
    const ofAdmin = dependentsOf('admin-azure-westus', sample);
    expect(ofAdmin.map(d => d.name)).toContain('workload-ibm-ussouth');
    expect(ofAdmin.map(d => d.name)).not.toContain('workload-gcp-uscentral1');
    expect(dependentsOf('workload-ibm-ussouth', sample)).toEqual([]);
  });
});
