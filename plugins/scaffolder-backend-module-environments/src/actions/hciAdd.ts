import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  adminOf,
  compatibleFlavours,
  DEFAULT_KUBERNETES_VERSION,
  defaultNodePools,
  deriveEnvironmentName,
  environmentEntityRef,
  findRegion,
  HCI_PLATFORMS,
  KUBERNETES_FLAVOURS,
  unknownRegionMessage,
  type EnvironmentInput,
  type HciPlatform,
  type KubernetesFlavour,
} from '@multicloud/plugin-environments-common';
import { examples } from './hciAdd.examples';
import { DEFAULT_FLEET_FILE, openFleetFile, saveFleetFile } from './fleetFile';
import {
  checkNetwork,
  checkVersionSkew,
  nodePoolsFromInput,
  nodePoolsInputSchema,
  type NodePoolInput,
} from './shared';

/**
 * `environments:hci:add`: an on-premises hyper-converged cluster (Azure
 * Stack HCI or vSphere), optionally onboarded to Azure Arc.
 */
export function createAddHciClusterAction() {
  return createTemplateAction({
    id: 'environments:hci:add',
    description:
      'Adds an on-premises HCI cluster (Azure Stack HCI or vSphere, with its Azure Arc onboarding) to environments.yaml in the workspace',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        platform: z =>
          z.enum(HCI_PLATFORMS, {
            description: 'azure-stack-hci or vsphere',
          }),
        site: z =>
          z.string({
            description:
              'Site id of the data centre, a DNS label such as fra01',
          }),
        cluster: z =>
          z.string({ description: 'Name of the HCI cluster at the site' }),
        name: z =>
          z
            .string({
              description:
                'Environment name; derived as hci-<platform>-<site> when not given',
            })
            .optional(),
        description: z => z.string().optional(),
        owner: z => z.string({ description: 'Owner entity ref' }).optional(),
        kubernetesFlavour: z =>
          z
            .enum(KUBERNETES_FLAVOURS, {
              description:
                'aks-hci on Azure Stack HCI, tanzu on vSphere (default), or kubeadm, k3s, rke2, openshift',
            })
            .optional(),
        kubernetesVersion: z =>
          z
            .string({
              description:
                "Kubernetes minor version; defaults to the admin region's",
            })
            .optional(),
        apiServer: z =>
          z
            .string({ description: 'URL of the Kubernetes API server' })
            .optional(),
        nodePools: nodePoolsInputSchema,
        cidr: z =>
          z
            .string({
              description: 'Network address space; a free /16 when not given',
            })
            .optional(),
        arc: z =>
          z
            .object(
              {
                enabled: z.boolean(),
                resourceGroup: z.string().optional(),
                location: z.string().optional(),
              },
              { description: 'Azure Arc onboarding' },
            )
            .optional(),
        wave: z => z.number().int().nonnegative().optional(),
        force: z =>
          z
            .boolean({
              description: 'Accept more than one minor version of skew',
            })
            .optional(),
        file: z =>
          z
            .string({
              description: `Path of environments.yaml in the workspace (default ${DEFAULT_FLEET_FILE})`,
            })
            .optional(),
      },
      output: {
        name: z => z.string(),
        entityRef: z => z.string(),
        diff: z => z.string(),
      },
    },
    async handler(ctx) {
      const input = ctx.input;
      const { path, document } = await openFleetFile(ctx, input.file);
      const fleet = document.parsed.environments;
      const platform = input.platform as HciPlatform;
      if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(input.site)) {
        throw new InputError(
          `"${input.site}" is not a site id: use lower-case letters, digits and "-", such as fra01`,
        );
      }
      const allowed = compatibleFlavours({
        provider: 'onprem',
        type: 'hci',
        hci: { platform, cluster: input.cluster },
      });
      const flavour: KubernetesFlavour = input.kubernetesFlavour ?? allowed[0];
      if (!allowed.includes(flavour)) {
        throw new InputError(
          `"${flavour}" does not run on ${platform}; use one of ${allowed.join(
            ', ',
          )}`,
        );
      }
      const arc = input.arc;
      if (arc?.enabled && !arc.location) {
        throw new InputError(
          'Azure Arc onboarding needs the Azure region to register in (arc.location), e.g. westeurope',
        );
      }
      if (arc?.location && !findRegion('azure', arc.location)) {
        throw new InputError(
          unknownRegionMessage('azure', arc.location, 'an Azure region'),
        );
      }
      const admin = adminOf(fleet);
      const version =
        input.kubernetesVersion ??
        admin?.infrastructure?.kubernetes?.version ??
        DEFAULT_KUBERNETES_VERSION;
      checkVersionSkew(version, admin, input.force ?? false);
      const cidr = checkNetwork(input.cidr, fleet);
      const name =
        input.name ??
        deriveEnvironmentName(
          [
            'hci',
            platform === 'vsphere' ? 'vsphere' : 'azurestack',
            input.site,
          ],
          document.names(),
        );

      const environment: EnvironmentInput = {
        name,
        role: 'workload',
        provider: 'onprem',
        type: 'hci',
        region: input.site,
        ...(input.owner ? { owner: input.owner } : {}),
        ...(input.description ? { description: input.description } : {}),
        infrastructure: {
          kubernetes: {
            provider: flavour,
            version,
            ...(input.apiServer ? { api_server: input.apiServer } : {}),
            node_pools: input.nodePools?.length
              ? nodePoolsFromInput(input.nodePools as NodePoolInput[])
              : defaultNodePools('onprem', flavour, platform),
          },
          network: { cidr },
        },
        hci: {
          platform,
          cluster: input.cluster,
          ...(arc
            ? {
                arc: {
                  enabled: arc.enabled,
                  ...(arc.resourceGroup
                    ? { resource_group: arc.resourceGroup }
                    : {}),
                  ...(arc.location ? { location: arc.location } : {}),
                },
              }
            : {}),
        },
        ...(input.wave !== undefined ? { rollout: { wave: input.wave } } : {}),
      };
      document.addEnvironment(environment);
      const { diff } = await saveFleetFile(ctx, path, document);

      ctx.output('name', name);
      ctx.output('entityRef', environmentEntityRef(name));
      ctx.output('diff', diff);
    },
  });
}
