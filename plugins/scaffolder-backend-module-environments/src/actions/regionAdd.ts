import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  adminOf,
  CLOUD_PROVIDERS,
  compatibleFlavours,
  DEFAULT_KUBERNETES_VERSION,
  defaultNodePools,
  deriveEnvironmentName,
  environmentEntityRef,
  findRegion,
  isCloudProvider,
  KUBERNETES_FLAVOURS,
  type CloudProvider,
  type EnvironmentInput,
  type KubernetesFlavour,
  unknownRegionMessage,
} from '@multicloud/plugin-environments-common';
import { examples } from './regionAdd.examples';
import { DEFAULT_FLEET_FILE, openFleetFile, saveFleetFile } from './fleetFile';
import {
  checkNetwork,
  checkVersionSkew,
  nodePoolsFromInput,
  nodePoolsInputSchema,
  type NodePoolInput,
} from './shared';

/**
 * `environments:region:add`: a workload region on a public cloud, as a
 * validated edit of environments.yaml in the workspace.
 */
export function createAddRegionAction() {
  return createTemplateAction({
    id: 'environments:region:add',
    description:
      'Adds a workload region on a public cloud to environments.yaml in the workspace, keeping everything else of the file byte for byte',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        provider: z =>
          z.enum(CLOUD_PROVIDERS, {
            description: 'The cloud: azure, aws, gcp, ibm or oracle',
          }),
        region: z =>
          z.string({
            description:
              "The provider's region id, e.g. us-east-1 or westeurope",
          }),
        name: z =>
          z
            .string({
              description:
                'Environment name (a DNS label); derived as workload-<provider>-<region> when not given',
            })
            .optional(),
        description: z =>
          z.string({ description: 'What the region is for' }).optional(),
        owner: z =>
          z
            .string({
              description: 'Owner entity ref, e.g. group:default/platform-team',
            })
            .optional(),
        kubernetesFlavour: z =>
          z
            .enum(KUBERNETES_FLAVOURS, {
              description:
                "Kubernetes distribution; defaults to the cloud's managed service (aks, eks, gke, iks, oke)",
            })
            .optional(),
        kubernetesVersion: z =>
          z
            .string({
              description:
                'Kubernetes minor version such as "1.33"; defaults to the admin region\'s',
            })
            .optional(),
        nodePools: nodePoolsInputSchema,
        cidr: z =>
          z
            .string({
              description:
                'Network address space; the first free /16 of 10.0.0.0/8 when not given',
            })
            .optional(),
        wave: z =>
          z
            .number({ description: 'Rollout wave (0 = canary)' })
            .int()
            .nonnegative()
            .optional(),
        components: z =>
          z
            .array(z.string(), { description: 'Platform components it hosts' })
            .optional(),
        force: z =>
          z
            .boolean({
              description:
                'Accept more than one minor version of skew from the admin region',
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
        name: z => z.string({ description: 'Name of the new environment' }),
        entityRef: z =>
          z.string({
            description: 'Catalog entity ref the environment will have',
          }),
        diff: z =>
          z.string({ description: 'Unified diff of environments.yaml' }),
      },
    },
    async handler(ctx) {
      const input = ctx.input;
      const { path, document } = await openFleetFile(ctx, input.file);
      const fleet = document.parsed.environments;
      const provider = input.provider as CloudProvider;
      if (!isCloudProvider(provider)) {
        throw new InputError(`"${provider}" is not a public cloud`);
      }
      if (!findRegion(provider, input.region)) {
        throw new InputError(unknownRegionMessage(provider, input.region));
      }
      const name =
        input.name ??
        deriveEnvironmentName(
          ['workload', provider, input.region],
          document.names(),
        );
      const admin = adminOf(fleet);
      const flavour: KubernetesFlavour =
        input.kubernetesFlavour ??
        compatibleFlavours({ provider, type: 'cloud' })[0];
      const version =
        input.kubernetesVersion ??
        admin?.infrastructure?.kubernetes?.version ??
        DEFAULT_KUBERNETES_VERSION;
      checkVersionSkew(version, admin, input.force ?? false);
      const cidr = checkNetwork(input.cidr, fleet);

      const environment: EnvironmentInput = {
        name,
        role: 'workload',
        provider,
        type: 'cloud',
        region: input.region,
        ...(input.owner ? { owner: input.owner } : {}),
        ...(input.description ? { description: input.description } : {}),
        ...(input.components?.length ? { components: input.components } : {}),
        infrastructure: {
          kubernetes: {
            provider: flavour,
            version,
            node_pools: input.nodePools?.length
              ? nodePoolsFromInput(input.nodePools as NodePoolInput[])
              : defaultNodePools(provider, flavour),
          },
          network: { cidr },
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
