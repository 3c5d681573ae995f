import {
  kubernetesMinor,
  MAX_MINOR_SKEW,
  SUPPORTED_KUBERNETES_MINORS,
  type ClusterHealth,
  type EnvironmentStatus,
  type FleetStatusResponse,
} from '@multicloud/plugin-environments-common';
import {
  environmentTypeLabel,
  providerLabel,
  roleLabel,
} from '../../lib/environment';
import { HEALTH_ORDER } from './health';
import { serverMinor } from './format';

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

export interface FleetSummary {
  total: number;
  byHealth: Record<ClusterHealth, number>;
  byProvider: CountRow[];
  byRole: CountRow[];
  byType: CountRow[];
  /** Summed over the environments whose probe counted nodes. */
  nodes: { ready: number; total: number };
  cpuCores: number;
  memoryBytes: number;
  /** How many environments the node and capacity figures come from. */
  reporting: number;
}

function countBy(
  environments: readonly EnvironmentStatus[],
  keyOf: (env: EnvironmentStatus) => string,
  labelOf: (key: string) => string,
): CountRow[] {
  const counts = new Map<string, number>();
  for (const env of environments) {
    const key = keyOf(env);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([key, count]) => ({ key, label: labelOf(key), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

export function summarize(
  environments: readonly EnvironmentStatus[],
): FleetSummary {
  const byHealth = Object.fromEntries(HEALTH_ORDER.map(h => [h, 0])) as Record<
    ClusterHealth,
    number
  >;
  const nodes = { ready: 0, total: 0 };
  let cpuCores = 0;
  let memoryBytes = 0;
  let reporting = 0;
  for (const env of environments) {
    const health = env.status.health;
    byHealth[health] = (byHealth[health] ?? 0) + 1;
    const { nodes: n, allocatable } = env.status;
    if (n || allocatable) reporting += 1;
    if (n) {
      nodes.ready += n.ready;
      nodes.total += n.total;
    }
    if (allocatable) {
      cpuCores += allocatable.cpuCores;
      memoryBytes += allocatable.memoryBytes;
    }
  }
  return {
    total: environments.length,
    byHealth,
    byProvider: countBy(environments, e => e.provider, providerLabel),
    byRole: countBy(environments, e => e.role, roleLabel),
    byType: countBy(environments, e => e.type, environmentTypeLabel),
    nodes,
    cpuCores,
    memoryBytes,
    reporting,
  };
}

/** `1.36` for `1.36`, `v1.36` or `1.36.2`; undefined for anything else. */
export function normalizeMinor(
  version: string | undefined,
): string | undefined {
  const minor = serverMinor(version);
  return minor && kubernetesMinor(minor) !== undefined ? minor : undefined;
}

export interface VersionBucket {
  version: string;
  count: number;
  supported: boolean;
  admin: boolean;
  environments: string[];
}

export interface SkewedEnvironment {
  env: EnvironmentStatus;
  version: string;
  skew: number;
}

export interface UnsupportedEnvironment {
  env: EnvironmentStatus;
  version: string;
  /** Older than every supported minor, newer than all of them, or a gap between them. */
  why: 'older' | 'newer' | 'gap';
}

export interface MismatchedEnvironment {
  env: EnvironmentStatus;
  declared: string;
  server: string;
}

export interface VersionReport {
  buckets: VersionBucket[];
  supported: string[];
  adminVersion?: string;
  /** Environments that declare no (readable) Kubernetes version. */
  undeclared: EnvironmentStatus[];
  skewed: SkewedEnvironment[];
  unsupported: UnsupportedEnvironment[];
  mismatched: MismatchedEnvironment[];
}

function byMinor(a: string, b: string): number {
  return (kubernetesMinor(a) ?? 0) - (kubernetesMinor(b) ?? 0);
}

/**
 * How far the fleet's declared Kubernetes versions are from the admin
 * region's and from what upstream supports, and where the API server runs
 * something other than what the file declares.
 */
export function versionReport(fleet: FleetStatusResponse): VersionReport {
  const supported = (
    fleet.supportedVersions.length > 0
      ? fleet.supportedVersions
      : [...SUPPORTED_KUBERNETES_MINORS]
  )
    .map(normalizeMinor)
    .filter((v): v is string => !!v)
    .sort(byMinor);
  const adminVersion = normalizeMinor(fleet.adminVersion);
  const oldest = kubernetesMinor(supported[0]);
  const newest = kubernetesMinor(supported[supported.length - 1]);

  const buckets = new Map<string, VersionBucket>();
  const bucket = (version: string) => {
    let b = buckets.get(version);
    if (!b) {
      b = {
        version,
        count: 0,
        supported: supported.includes(version),
        admin: version === adminVersion,
        environments: [],
      };
      buckets.set(version, b);
    }
    return b;
  };
  supported.forEach(bucket);
  if (adminVersion) bucket(adminVersion);

  const undeclared: EnvironmentStatus[] = [];
  const skewed: SkewedEnvironment[] = [];
  const unsupported: UnsupportedEnvironment[] = [];
  const mismatched: MismatchedEnvironment[] = [];

  for (const env of fleet.environments) {
    const declared = env.kubernetes?.version;
    const version = normalizeMinor(declared);
    if (!version) {
      if (env.kubernetes) undeclared.push(env);
      continue;
    }
    const b = bucket(version);
    b.count += 1;
    b.environments.push(env.name);

    const minor = kubernetesMinor(version)!;
    if (adminVersion) {
      const skew = Math.abs(minor - kubernetesMinor(adminVersion)!);
      if (skew > MAX_MINOR_SKEW) skewed.push({ env, version, skew });
    }
    if (supported.length > 0 && !supported.includes(version)) {
      let why: UnsupportedEnvironment['why'] = 'gap';
      if (oldest !== undefined && minor < oldest) why = 'older';
      else if (newest !== undefined && minor > newest) why = 'newer';
      unsupported.push({ env, version, why });
    }
    const running = serverMinor(env.status.serverVersion);
    if (running && env.status.serverVersion && running !== version) {
      mismatched.push({
        env,
        declared: version,
        server: env.status.serverVersion,
      });
    }
  }

  return {
    buckets: [...buckets.values()].sort((a, b) =>
      byMinor(a.version, b.version),
    ),
    supported,
    adminVersion,
    undeclared,
    skewed: skewed.sort(
      (a, b) => b.skew - a.skew || a.env.name.localeCompare(b.env.name),
    ),
    unsupported: unsupported.sort(
      (a, b) =>
        byMinor(a.version, b.version) || a.env.name.localeCompare(b.env.name),
    ),
    mismatched,
  };
}

export interface MapPoint {
  env: EnvironmentStatus;
  coordinates: [number, number];
  /** Offset in map units, so that environments of one region do not hide each other. */
  offset: [number, number];
}

/** Markers for the environments with coordinates, and the rest. */
export function mapPoints(environments: readonly EnvironmentStatus[]): {
  points: MapPoint[];
  unplaced: EnvironmentStatus[];
} {
  const groups = new Map<string, EnvironmentStatus[]>();
  const unplaced: EnvironmentStatus[] = [];
  for (const env of environments) {
    const { latitude, longitude } = env;
    if (
      typeof latitude !== 'number' ||
      typeof longitude !== 'number' ||
      !Number.isFinite(latitude) ||
      !Number.isFinite(longitude)
    ) {
      unplaced.push(env);
      continue;
    }
    const key = `${latitude.toFixed(2)},${longitude.toFixed(2)}`;
    const group = groups.get(key) ?? [];
    group.push(env);
    groups.set(key, group);
  }
  const points: MapPoint[] = [];
  for (const group of groups.values()) {
    group.forEach((env, i) => {
      const radius = group.length > 1 ? 7 : 0;
      const angle = (2 * Math.PI * i) / group.length - Math.PI / 2;
      points.push({
        env,
        coordinates: [env.longitude!, env.latitude!],
        offset: [radius * Math.cos(angle), radius * Math.sin(angle)],
      });
    });
  }
  return { points, unplaced };
}
