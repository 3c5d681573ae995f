import { cidrsOverlap, parseCidr } from './cidr';
import type {
  Environment,
  HciPlatform,
  KubernetesFlavour,
  NodePool,
  Provider,
} from './schema';

/** The enabled admin environment of a fleet, if it has one. */
export function adminOf(environments: Environment[]): Environment | undefined {
  return environments.find(e => e.role === 'admin' && e.enabled);
}

/** The minor number of a `1.30` style version; undefined for anything else. */
export function kubernetesMinor(
  version: string | undefined,
): number | undefined {
  const match = version ? /^1\.(\d+)$/.exec(version) : null;
  return match ? Number(match[1]) : undefined;
}

/** How many minor versions apart two `1.x` versions are; undefined when either is missing. */
export function minorSkew(
  a: string | undefined,
  b: string | undefined,
): number | undefined {
  const x = kubernetesMinor(a);
  const y = kubernetesMinor(b);
  return x === undefined || y === undefined ? undefined : Math.abs(x - y);
}

/** The version skew the fleet allows between a workload and the admin region. */
export const MAX_MINOR_SKEW = 1;

const MAX_NAME_LENGTH = 63;

/**
 * A name in the fleet's own style (`workload-aws-useast1`,
 * `hci-vsphere-ams01`) that no environment of `taken` has yet.
 */
export function deriveEnvironmentName(
  parts: string[],
  taken: Iterable<string>,
): string {
  const used = new Set(taken);
  const base = parts
    .map(p => p.toLowerCase().replace(/[^a-z0-9]+/g, ''))
    .filter(Boolean)
    .join('-')
    .slice(0, MAX_NAME_LENGTH)
    .replace(/-+$/, '');
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(
      0,
      MAX_NAME_LENGTH - suffix.length,
    )}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * The first block of `prefixLength` bits inside `pool` that overlaps no
 * network of the fleet, e.g. the next free /16 of 10.0.0.0/8.
 */
export function pickFreeNetwork(
  environments: Environment[],
  options: { pool?: string; prefixLength?: number } = {},
): string | undefined {
  const pool = parseCidr(options.pool ?? '10.0.0.0/8');
  const prefixLength = options.prefixLength ?? 16;
  if (!pool || pool.version !== 4) return undefined;
  const used = environments
    .map(e => e.infrastructure?.network?.cidr)
    .map(text => (text ? parseCidr(text) : undefined))
    .filter((c): c is NonNullable<typeof c> => !!c);
  const size = 1n << BigInt(32 - prefixLength);
  for (let first = pool.first; first + size - 1n <= pool.last; first += size) {
    const candidate = {
      text: '',
      version: 4 as const,
      first,
      last: first + size - 1n,
    };
    if (!used.some(u => cidrsOverlap(u, candidate))) {
      const octets = [24n, 16n, 8n, 0n].map(shift => (first >> shift) & 255n);
      return `${octets.join('.')}/${prefixLength}`;
    }
  }
  return undefined;
}

const DEFAULT_VM_SIZES: Record<Provider, string> = {
  azure: 'Standard_D4s_v5',
  aws: 'm6i.xlarge',
  gcp: 'e2-standard-4',
  ibm: 'bx2.4x16',
  oracle: 'VM.Standard.E4.Flex',
  onprem: 'Standard_A4_v2',
};

/** A system node pool that suits a new environment of this provider. */
export function defaultNodePools(
  provider: Provider,
  flavour?: KubernetesFlavour,
  platform?: HciPlatform,
): Record<string, NodePool> {
  const vmSize =
    flavour === 'tanzu' || platform === 'vsphere'
      ? 'best-effort-large'
      : DEFAULT_VM_SIZES[provider];
  return { system: { count: 3, vm_size: vmSize } };
}

/**
 * The environments that would be left dangling if `name` went away: those
 * that link to it, and every workload when it is the admin region.
 */
export function dependentsOf(
  name: string,
  environments: Environment[],
): Array<{ name: string; reason: 'link' | 'admin' }> {
  const target = environments.find(e => e.name === name);
  const result: Array<{ name: string; reason: 'link' | 'admin' }> = [];
  for (const env of environments) {
    if (env.name === name) continue;
    if (env.links?.some(l => l.to === name)) {
      result.push({ name: env.name, reason: 'link' });
    } else if (
      target?.role === 'admin' &&
      target.enabled &&
      env.role === 'workload' &&
      env.enabled
    ) {
      result.push({ name: env.name, reason: 'admin' });
    }
  }
  return result;
}
