import type {
  Environment,
  HciPlatform,
  KubernetesFlavour,
  Provider,
} from './schema';

const SELF_MANAGED: readonly KubernetesFlavour[] = [
  'openshift',
  'kubeadm',
  'k3s',
  'rke2',
];

const MANAGED_BY_PROVIDER: Record<Provider, readonly KubernetesFlavour[]> = {
  azure: ['aks'],
  aws: ['eks'],
  gcp: ['gke'],
  ibm: ['iks'],
  oracle: ['oke'],
  onprem: ['aks-hci', 'tanzu'],
};

const BY_HCI_PLATFORM: Record<HciPlatform, readonly KubernetesFlavour[]> = {
  'azure-stack-hci': ['aks-hci', ...SELF_MANAGED],
  vsphere: ['tanzu', ...SELF_MANAGED],
};

/**
 * The Kubernetes flavours that can run in an environment of this provider,
 * type and HCI platform: the provider's managed service (or the HCI
 * platform's), plus the distributions a team can install itself anywhere.
 */
export function compatibleFlavours(
  environment: Pick<Environment, 'provider' | 'type' | 'hci'>,
): readonly KubernetesFlavour[] {
  const platform = environment.hci?.platform;
  if (platform && environment.type !== 'cloud') {
    return BY_HCI_PLATFORM[platform];
  }
  if (environment.type === 'hci' && environment.provider === 'azure') {
    // Azure Stack HCI registered under the azure provider.
    return BY_HCI_PLATFORM['azure-stack-hci'];
  }
  return [...MANAGED_BY_PROVIDER[environment.provider], ...SELF_MANAGED];
}

/** The flavour a new environment gets when none is asked for. */
export function defaultFlavour(
  environment: Pick<Environment, 'provider' | 'type' | 'hci'>,
): KubernetesFlavour {
  return compatibleFlavours(environment)[0];
}
