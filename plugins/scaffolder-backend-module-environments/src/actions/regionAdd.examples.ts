import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Add a workload region on AWS with the defaults of the fleet',
    example: yaml.stringify({
      steps: [
        {
          id: 'add-region',
          action: 'environments:region:add',
          name: 'Add eu-west-1',
          input: { provider: 'aws', region: 'eu-west-1' },
        },
      ],
    }),
  },
  {
    description:
      'Add a GCP region with a name, owner, network, node pools and rollout wave',
    example: yaml.stringify({
      steps: [
        {
          id: 'add-region',
          action: 'environments:region:add',
          name: 'Add europe-west1',
          input: {
            provider: 'gcp',
            region: 'europe-west1',
            name: 'workload-gcp-belgium',
            owner: 'group:default/ledger-team',
            kubernetesVersion: '1.36',
            cidr: '10.70.0.0/16',
            wave: 2,
            nodePools: [
              { name: 'system', count: 3, vmSize: 'e2-standard-4' },
              {
                name: 'ledger',
                count: 4,
                vmSize: 'n2-highmem-8',
                min: 2,
                max: 10,
              },
            ],
          },
        },
      ],
    }),
  },
];
