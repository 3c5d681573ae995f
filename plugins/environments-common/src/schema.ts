import { z } from 'zod';
import { CLOUD_PROVIDERS } from './regions';
import { parseCidr } from './cidr';

export const PROVIDERS = [...CLOUD_PROVIDERS, 'onprem'] as const;
export type Provider = (typeof PROVIDERS)[number];

export const ENVIRONMENT_ROLES = ['admin', 'workload'] as const;
export type EnvironmentRole = (typeof ENVIRONMENT_ROLES)[number];

export const ENVIRONMENT_TYPES = ['cloud', 'hci', 'hybrid'] as const;
export type EnvironmentType = (typeof ENVIRONMENT_TYPES)[number];

export const KUBERNETES_FLAVOURS = [
  'aks',
  'eks',
  'gke',
  'iks',
  'oke',
  'aks-hci',
  'tanzu',
  'openshift',
  'kubeadm',
  'k3s',
  'rke2',
] as const;
export type KubernetesFlavour = (typeof KUBERNETES_FLAVOURS)[number];

export const HCI_PLATFORMS = ['azure-stack-hci', 'vsphere'] as const;
export type HciPlatform = (typeof HCI_PLATFORMS)[number];

/** How the Kubernetes plugin authenticates to a cluster; credentials never live in the file. */
export const KUBERNETES_AUTH_PROVIDERS = [
  'serviceAccount',
  'aws',
  'azure',
  'google',
  'oidc',
] as const;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_LABEL_RULE =
  'must be a DNS label: lower-case letters, digits and "-", at most 63 characters, starting and ending with a letter or digit';

const dnsLabel = z.string().regex(DNS_LABEL, { error: DNS_LABEL_RULE });
const nonNegativeInt = z.number().int().nonnegative();
const url = z.url({ error: 'must be an absolute http(s) URL' });

const nodePoolSchema = z
  .looseObject({
    count: nonNegativeInt,
    vm_size: z.string().min(1),
    min: nonNegativeInt.optional(),
    max: nonNegativeInt.optional(),
  })
  .check(ctx => {
    const { min, max } = ctx.value;
    if (min !== undefined && max !== undefined && min > max) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['min'],
        message: `min (${min}) is greater than max (${max})`,
      });
    }
  });

const kubernetesSchema = z.looseObject({
  provider: z.enum(KUBERNETES_FLAVOURS),
  version: z.string().regex(/^1\.\d{1,3}$/, {
    error: 'must be a Kubernetes minor version such as "1.30"',
  }),
  node_pools: z.record(z.string(), nodePoolSchema).optional(),
  api_server: url.optional(),
  auth: z
    .looseObject({ provider: z.enum(KUBERNETES_AUTH_PROVIDERS) })
    .optional(),
  ca_file: z.string().min(1).optional(),
  dashboard_url: url.optional(),
  skip_tls_verify: z.boolean().optional(),
});

const networkSchema = z.looseObject({
  cidr: z.string().refine(value => parseCidr(value) !== undefined, {
    error: 'must be a CIDR block such as 10.20.0.0/16',
  }),
});

const hciSchema = z.looseObject({
  platform: z.enum(HCI_PLATFORMS),
  cluster: z.string().min(1),
  arc: z
    .looseObject({
      enabled: z.boolean().default(false),
      resource_group: z.string().min(1).optional(),
      location: z.string().min(1).optional(),
    })
    .optional(),
});

const costSchema = z.looseObject({
  budget_monthly: z.number().nonnegative().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code such as USD' })
    .optional(),
  accounts: z.array(z.string().min(1)).optional(),
});

const tagValue = z
  .union([z.string(), z.number(), z.boolean()])
  .transform(String);

/** One environment of environments.yaml; unknown keys are kept as they are. */
export const environmentSchema = z.looseObject({
  name: dnsLabel,
  role: z.enum(ENVIRONMENT_ROLES),
  provider: z.enum(PROVIDERS),
  type: z.enum(ENVIRONMENT_TYPES),
  region: z.string().min(1),
  enabled: z.boolean().default(true),
  owner: z.string().min(1).optional(),
  description: z.string().optional(),
  components: z.array(z.string().min(1)).optional(),
  tags: z.record(z.string(), tagValue).optional(),
  infrastructure: z
    .looseObject({
      kubernetes: kubernetesSchema.optional(),
      network: networkSchema.optional(),
    })
    .optional(),
  hci: hciSchema.optional(),
  cost: costSchema.optional(),
  observability: z.looseObject({ prometheus_url: url.optional() }).optional(),
  links: z
    .array(
      z.looseObject({
        to: dnsLabel,
        cost: z.number().nonnegative().optional(),
      }),
    )
    .optional(),
  rollout: z.looseObject({ wave: nonNegativeInt }).optional(),
});

/** A valid environment, with defaults applied (`enabled`). */
export type Environment = z.output<typeof environmentSchema>;
/** An environment as written in the file, before defaults. */
export type EnvironmentInput = z.input<typeof environmentSchema>;
export type NodePool = z.output<typeof nodePoolSchema>;

/**
 * Known keys per object path, for "did you mean" warnings on misspelt keys.
 * Paths use `*` for list items and map values.
 */
export const KNOWN_KEYS: Record<string, readonly string[]> = {
  '': Object.keys(environmentSchema.shape),
  infrastructure: ['kubernetes', 'network'],
  'infrastructure.kubernetes': Object.keys(kubernetesSchema.shape),
  'infrastructure.kubernetes.node_pools.*': ['count', 'vm_size', 'min', 'max'],
  'infrastructure.network': ['cidr'],
  hci: Object.keys(hciSchema.shape),
  'hci.arc': ['enabled', 'resource_group', 'location'],
  cost: Object.keys(costSchema.shape),
  observability: ['prometheus_url'],
  'links.*': ['to', 'cost'],
  rollout: ['wave'],
};
