import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Disable an environment; it stays in the catalog, marked disabled',
    example: yaml.stringify({
      steps: [
        {
          id: 'retire',
          action: 'environments:environment:retire',
          name: 'Disable workload-ibm-ussouth',
          input: { name: 'workload-ibm-ussouth' },
        },
      ],
    }),
  },
  {
    description:
      'Remove an environment from the file, even though others link to it',
    example: yaml.stringify({
      steps: [
        {
          id: 'retire',
          action: 'environments:environment:retire',
          name: 'Remove hci-azurestack-fra01',
          input: { name: 'hci-azurestack-fra01', mode: 'remove', force: true },
        },
      ],
    }),
  },
];
