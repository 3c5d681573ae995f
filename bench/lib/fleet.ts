import {
  CLOUD_PROVIDERS,
  compatibleFlavours,
  regionsOf,
  type CloudProvider,
} from '@multicloud/plugin-environments-common';

/**
 * A valid environments.yaml of `count` environments in the form teams write
 * it (comments, flow maps, quoted versions): one admin, the rest workloads
 * spread over every cloud region and a few on-premises sites.
 */
export function generateFleet(count: number): string {
  const lines = ['# Generated fleet for benchmarks', 'environments:'];
  for (let i = 0; i < count; i++) {
    const onprem = i % 10 === 9;
    const provider: CloudProvider | 'onprem' = onprem
      ? 'onprem'
      : CLOUD_PROVIDERS[i % CLOUD_PROVIDERS.length];
    const regions = provider === 'onprem' ? [] : regionsOf(provider);
    const region = onprem
      ? `site${i}`
      : regions[Math.floor(i / CLOUD_PROVIDERS.length) % regions.length].id;
    const type = onprem ? 'hci' : 'cloud';
    const hci = onprem
      ? { platform: i % 20 === 9 ? 'vsphere' : 'azure-stack-hci' }
      : undefined;
    const flavour = compatibleFlavours({
      provider,
      type,
      hci: hci
        ? { platform: hci.platform as 'vsphere', cluster: `c${i}` }
        : undefined,
    })[0];
    const name = i === 0 ? 'admin-0' : `env-${i}-${provider}`;
    lines.push(
      `  # environment ${i}`,
      `  - name: ${name}`,
      `    role: ${i === 0 ? 'admin' : 'workload'}`,
      `    provider: ${provider}`,
      `    type: ${type}`,
      `    region: ${region}`,
      `    owner: group:default/team-${i % 50}`,
      `    components: [ledger-peer, monitoring]`,
      `    tags: { cost-center: "${4700 + (i % 30)}", env: prod }`,
      '    infrastructure:',
      '      kubernetes:',
      `        provider: ${flavour}`,
      `        version: "1.${30 + (i % 3)}"`,
      `        api_server: https://k8s-${i}.fleet.example.internal:6443`,
      '        node_pools:',
      '          system:',
      '            count: 3',
      '            vm_size: "standard-4"',
      `      network: { cidr: 10.${Math.floor(i / 256) % 256}.${
        i % 256
      }.0/24 }`,
      '    cost:',
      `      budget_monthly: ${1000 + (i % 17) * 250}`,
      '      currency: USD',
      `      accounts: ["acct-${i}"]`,
      ...(hci
        ? [
            '    hci:',
            `      platform: ${hci.platform}`,
            `      cluster: cluster-${i}`,
            '      arc: { enabled: true, resource_group: rg-arc, location: westeurope }',
          ]
        : []),
      '    rollout:',
      `      wave: ${i % 4}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
