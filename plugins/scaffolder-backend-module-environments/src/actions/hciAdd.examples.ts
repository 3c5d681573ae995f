import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Add an Azure Stack HCI cluster onboarded to Azure Arc',
    example: yaml.stringify({
      steps: [
        {
          id: 'add-hci',
          action: 'environments:hci:add',
          name: 'Add the Munich HCI cluster',
          input: {
            platform: 'azure-stack-hci',
            site: 'muc01',
            cluster: 'hci-muc-01',
            kubernetesFlavour: 'aks-hci',
            arc: {
              enabled: true,
              resourceGroup: 'rg-arc-onprem',
              location: 'germanywestcentral',
            },
          },
        },
      ],
    }),
  },
  {
    description: 'Add a vSphere with Tanzu cluster, not onboarded to Arc',
    example: yaml.stringify({
      steps: [
        {
          id: 'add-hci',
          action: 'environments:hci:add',
          name: 'Add the Rotterdam vSphere cluster',
          input: {
            platform: 'vsphere',
            site: 'rtm01',
            cluster: 'vsan-rtm-01',
            arc: { enabled: false },
          },
        },
      ],
    }),
  },
];
