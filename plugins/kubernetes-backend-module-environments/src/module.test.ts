import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import kubernetesBackend from '@backstage/plugin-kubernetes-backend';
import { parseEnvironments } from '@multicloud/plugin-environments-common';
import request from 'supertest';
import { environmentToCluster } from './EnvironmentsClusterSupplier';
import kubernetesModuleEnvironmentsClusterSupplier from './index';

const FLEET = `environments:
  - name: admin-azure-westus
    role: admin
    provider: azure
    type: cloud
    region: westus
    infrastructure:
      kubernetes:
        provider: aks
        version: "1.36"
        api_server: https://aks-admin.example.invalid:443
        auth: { provider: azure }
        dashboard_url: https://portal.azure.com/#aks-admin
  - name: workload-ibm-ussouth
    role: workload
    provider: ibm
    type: cloud
    region: us-south
    infrastructure:
      kubernetes:
        provider: iks
        version: "1.35"
        api_server: https://c100.us-south.example.invalid:31234
        auth: { provider: oidc, oidcTokenProvider: ibm }
  - name: hci-azurestack-fra01
    role: workload
    provider: onprem
    type: hci
    region: fra01
    hci: { platform: azure-stack-hci, cluster: hci-fra-01 }
    infrastructure:
      kubernetes:
        provider: aks-hci
        version: "1.35"
        api_server: https://aks-hci.example.invalid:6443
        ca_file: /etc/ssl/fleet/hci-fra01-ca.pem
  - name: workload-gcp-uscentral1
    role: workload
    provider: gcp
    type: cloud
    region: us-central1
    enabled: false
    infrastructure:
      kubernetes: { provider: gke, version: "1.34", api_server: https://gke.example.invalid }
  - name: workload-aws-apsoutheast1
    role: workload
    provider: aws
    type: cloud
    region: ap-southeast-1
`;

describe('environmentToCluster', () => {
  const envs = parseEnvironments(FLEET).environments;
  const byName = (name: string) => envs.find(e => e.name === name)!;

  it('names the auth method from the file and keeps credentials out of it', () => {
    expect(environmentToCluster(byName('admin-azure-westus'))).toEqual({
      name: 'admin-azure-westus',
      title: 'admin-azure-westus (West US)',
      url: 'https://aks-admin.example.invalid:443',
      authMetadata: { 'kubernetes.io/auth-provider': 'azure' },
      skipTLSVerify: false,
      skipMetricsLookup: false,
      dashboardUrl: 'https://portal.azure.com/#aks-admin',
    });
    expect(
      environmentToCluster(byName('workload-ibm-ussouth'))?.authMetadata,
    ).toEqual({
      'kubernetes.io/auth-provider': 'oidc',
      'kubernetes.io/oidc-token-provider': 'ibm',
    });
    expect(environmentToCluster(byName('hci-azurestack-fra01'))).toMatchObject({
      title: 'hci-azurestack-fra01 (site fra01)',
      caFile: '/etc/ssl/fleet/hci-fra01-ca.pem',
      authMetadata: { 'kubernetes.io/auth-provider': 'serviceAccount' },
    });
  });

  it('applies an override from app-config: where to reach it and with which credentials', () => {
    expect(
      environmentToCluster(byName('admin-azure-westus'), {
        url: 'http://127.0.0.1:41001',
        authProvider: 'serviceAccount',
        serviceAccountToken: 'simulated',
        skipMetricsLookup: true,
      }),
    ).toMatchObject({
      url: 'http://127.0.0.1:41001',
      authMetadata: {
        'kubernetes.io/auth-provider': 'serviceAccount',
        serviceAccountToken: 'simulated',
      },
      skipMetricsLookup: true,
    });
  });

  it('leaves out disabled environments and those without an API server', () => {
    expect(
      environmentToCluster(byName('workload-gcp-uscentral1')),
    ).toBeUndefined();
    expect(
      environmentToCluster(byName('workload-aws-apsoutheast1')),
    ).toBeUndefined();
  });
});

describe('kubernetesModuleEnvironmentsClusterSupplier', () => {
  it('adds the clusters of the file to the Kubernetes backend, next to configured ones', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'k8s-')), 'environments.yaml');
    writeFileSync(file, FLEET);
    const backend = await startTestBackend({
      features: [
        kubernetesBackend,
        kubernetesModuleEnvironmentsClusterSupplier,
        mockServices.rootConfig.factory({
          data: {
            environments: { file },
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'legacy-onprem',
                      url: 'https://legacy.example.invalid',
                      authProvider: 'serviceAccount',
                      serviceAccountToken: 'configured',
                    },
                    {
                      // A configured cluster of the same name wins.
                      name: 'workload-ibm-ussouth',
                      url: 'https://configured.example.invalid',
                      authProvider: 'serviceAccount',
                    },
                  ],
                },
              ],
            },
          },
        }),
      ],
    });
    const res = await request(backend.server).get('/api/kubernetes/clusters');
    expect(res.status).toBe(200);
    const clusters = res.body.items as Array<{ name: string; title?: string }>;
    expect(clusters.map(c => c.name).sort()).toEqual([
      'admin-azure-westus',
      'hci-azurestack-fra01',
      'legacy-onprem',
      'workload-ibm-ussouth',
    ]);
    await backend.stop();
  });
});
