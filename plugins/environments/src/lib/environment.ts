import type { Entity } from '@backstage/catalog-model';
import {
  ENVIRONMENT_ANNOTATIONS as A,
  findRegion,
  isCloudProvider,
  PROVIDER_DISPLAY_NAMES,
} from '@multicloud/plugin-environments-common';

/** A network link from one environment to another, as `name=cost` in the links annotation. */
export interface EnvironmentLink {
  to: string;
  cost?: number;
}

/** The environment annotations of an entity, parsed; absent annotations stay undefined. */
export interface EnvironmentDetails {
  name?: string;
  provider?: string;
  type?: string;
  region?: string;
  role?: string;
  /** False only when the annotation says so; a missing annotation means enabled. */
  enabled: boolean;
  kubernetesFlavour?: string;
  kubernetesVersion?: string;
  nodeCount?: number;
  networkCidr?: string;
  hciPlatform?: string;
  hciCluster?: string;
  /** Undefined when the environment has no `hci.arc` block at all. */
  arcEnabled?: boolean;
  arcResourceGroup?: string;
  arcLocation?: string;
  rolloutWave?: number;
  budgetMonthly?: number;
  currency?: string;
  costAccounts: string[];
  components: string[];
  links: EnvironmentLink[];
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map(item => item.trim())
    .filter(Boolean);
}

function number(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function bool(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  return value.trim().toLowerCase() === 'true';
}

function links(value: string | undefined): EnvironmentLink[] {
  return list(value).flatMap(pair => {
    const [to, cost] = pair.split('=', 2).map(part => part.trim());
    return to ? [{ to, cost: number(cost) }] : [];
  });
}

/** Reads the `multicloud.io/*` annotations that the catalog module writes on environment entities. */
export function readEnvironment(entity: Entity): EnvironmentDetails {
  const annotations = entity.metadata.annotations ?? {};
  const get = (key: string) => {
    const value = annotations[key]?.trim();
    return value ? value : undefined;
  };
  return {
    name: get(A.environment),
    provider: get(A.provider),
    type: get(A.type),
    region: get(A.region),
    role: get(A.role),
    enabled: bool(get(A.enabled)) ?? true,
    kubernetesFlavour: get(A.kubernetesFlavour),
    kubernetesVersion: get(A.kubernetesVersion),
    nodeCount: number(get(A.nodeCount)),
    networkCidr: get(A.networkCidr),
    hciPlatform: get(A.hciPlatform),
    hciCluster: get(A.hciCluster),
    arcEnabled: bool(get(A.arcEnabled)),
    arcResourceGroup: get(A.arcResourceGroup),
    arcLocation: get(A.arcLocation),
    rolloutWave: number(get(A.rolloutWave)),
    budgetMonthly: number(get(A.budgetMonthly)),
    currency: get(A.currency),
    costAccounts: list(get(A.costAccounts)),
    components: list(get(A.components)),
    links: links(get(A.links)),
  };
}

export function providerLabel(provider: string): string {
  return (
    (PROVIDER_DISPLAY_NAMES as Readonly<Record<string, string>>)[provider] ??
    provider
  );
}

const ROLE_LABELS: Readonly<Record<string, string>> = {
  admin: 'Admin',
  workload: 'Workload',
};

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}

const TYPE_LABELS: Readonly<Record<string, string>> = {
  cloud: 'Cloud',
  hci: 'HCI',
  hybrid: 'Hybrid',
};

export function environmentTypeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type;
}

const FLAVOUR_LABELS: Readonly<Record<string, string>> = {
  aks: 'AKS',
  eks: 'EKS',
  gke: 'GKE',
  iks: 'IKS',
  oke: 'OKE',
  'aks-hci': 'AKS on Azure Stack HCI',
  tanzu: 'Tanzu',
  openshift: 'OpenShift',
  kubeadm: 'kubeadm',
  k3s: 'k3s',
  rke2: 'RKE2',
};

export function flavourLabel(flavour: string): string {
  return FLAVOUR_LABELS[flavour] ?? flavour;
}

const HCI_PLATFORM_LABELS: Readonly<Record<string, string>> = {
  'azure-stack-hci': 'Azure Stack HCI',
  vsphere: 'VMware vSphere',
};

export function hciPlatformLabel(platform: string): string {
  return HCI_PLATFORM_LABELS[platform] ?? platform;
}

/**
 * `US East (N. Virginia) (us-east-1)` for a known cloud region, the bare id
 * for an unknown one, and `site <id>` on premises, where the region is a
 * site of the customer's own rather than a provider's region.
 */
export function regionLabel(provider: string | undefined, region: string) {
  if (provider === 'onprem') return `site ${region}`;
  const known =
    provider && isCloudProvider(provider)
      ? findRegion(provider, region)
      : undefined;
  return known ? `${known.displayName} (${region})` : region;
}

/** `$12,500 per month`; falls back to the bare figure when the currency code is not one the browser knows. */
export function budgetLabel(amount: number, currency?: string): string {
  const fractionDigits = Number.isInteger(amount) ? 0 : 2;
  if (currency) {
    try {
      return `${new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      }).format(amount)} per month`;
    } catch {
      // An unknown ISO code throws; show the code as written instead.
    }
  }
  const figure = new Intl.NumberFormat('en-US', {
    maximumFractionDigits: 2,
  }).format(amount);
  return `${figure}${currency ? ` ${currency}` : ''} per month`;
}
