import type {
  EnvironmentStatus,
  FleetStatusResponse,
} from '@multicloud/plugin-environments-common';

function ago(seconds: number): string {
  return new Date(Date.now() - seconds * 1000).toISOString();
}

function environment(
  name: string,
  fields: Partial<EnvironmentStatus> & Pick<EnvironmentStatus, 'status'>,
): EnvironmentStatus {
  return {
    name,
    entityRef: `resource:default/${name}`,
    provider: 'aws',
    region: 'us-east-1',
    regionName: 'US East (N. Virginia)',
    role: 'workload',
    type: 'cloud',
    enabled: true,
    owner: 'group:default/platform',
    kubernetes: { flavour: 'eks', version: '1.36', apiServer: 'https://k8s' },
    ...fields,
  };
}

/**
 * A small fleet with one of everything: healthy, degraded, unreachable (and
 * stale), disabled, not configured, an on-premises site without coordinates,
 * a version two minors behind the admin region and a server on another minor
 * than declared.
 */
export function testFleet(): FleetStatusResponse {
  return {
    generatedAt: ago(1),
    simulated: false,
    supportedVersions: ['1.35', '1.36', '1.37'],
    adminVersion: '1.36',
    problems: [],
    environments: [
      environment('admin-azure-westeurope', {
        provider: 'azure',
        region: 'westeurope',
        regionName: 'West Europe',
        latitude: 52.37,
        longitude: 4.9,
        role: 'admin',
        rolloutWave: 0,
        kubernetes: { flavour: 'aks', version: '1.36' },
        status: {
          health: 'healthy',
          serverVersion: 'v1.36.2',
          nodes: { ready: 3, total: 3 },
          allocatable: { cpuCores: 12, memoryBytes: 48 * 1024 ** 3 },
          pods: { total: 80, notRunning: 0, failing: [] },
          deployments: { total: 20, unavailable: 0, rollingOut: 0 },
          checkedAt: ago(12),
          lastSuccessAt: ago(12),
          latencyMs: 42,
        },
      }),
      environment('workload-aws-useast1', {
        latitude: 38.13,
        longitude: -78.45,
        rolloutWave: 1,
        status: {
          health: 'degraded',
          reason: '2 of 5 nodes not ready',
          serverVersion: 'v1.35.4',
          nodes: { ready: 3, total: 5 },
          allocatable: { cpuCores: 20, memoryBytes: 80 * 1024 ** 3 },
          pods: {
            total: 120,
            notRunning: 2,
            failing: [
              {
                namespace: 'payments',
                name: 'payments-api-7d9f',
                reason: 'CrashLoopBackOff',
              },
              {
                namespace: 'payments',
                name: 'payments-worker-5c1a',
                reason: 'ImagePullBackOff',
              },
            ],
          },
          deployments: { total: 30, unavailable: 1, rollingOut: 2 },
          checkedAt: ago(5),
        },
      }),
      environment('workload-gcp-europewest4', {
        provider: 'gcp',
        region: 'europe-west4',
        regionName: 'Netherlands',
        latitude: 53.44,
        longitude: 6.84,
        rolloutWave: 2,
        kubernetes: { flavour: 'gke', version: '1.34' },
        status: {
          health: 'unreachable',
          reason: 'timed out after 5000 ms',
          checkedAt: ago(330),
          lastSuccessAt: ago(3600),
        },
      }),
      environment('workload-ibm-ussouth', {
        provider: 'ibm',
        region: 'us-south',
        regionName: 'Dallas',
        latitude: 32.78,
        longitude: -96.8,
        enabled: false,
        kubernetes: { flavour: 'iks', version: '1.36' },
        status: { health: 'disabled' },
      }),
      environment('workload-oracle-frankfurt', {
        provider: 'oracle',
        region: 'eu-frankfurt-1',
        regionName: 'Germany Central (Frankfurt)',
        latitude: 50.11,
        longitude: 8.68,
        kubernetes: { flavour: 'oke', version: '1.37' },
        status: { health: 'not-configured' },
      }),
      environment('hci-vsphere-ams01', {
        provider: 'onprem',
        region: 'ams01',
        regionName: 'site ams01',
        type: 'hci',
        kubernetes: { flavour: 'tanzu', version: '1.35' },
        status: {
          health: 'healthy',
          serverVersion: 'v1.35.1',
          nodes: { ready: 4, total: 4 },
          allocatable: { cpuCores: 16, memoryBytes: 64 * 1024 ** 3 },
          pods: { total: 40, notRunning: 0, failing: [] },
          deployments: { total: 10, unavailable: 0, rollingOut: 0 },
          checkedAt: ago(20),
        },
      }),
    ],
  };
}
