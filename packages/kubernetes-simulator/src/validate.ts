import {
  SIMULATED_STATES,
  type SimulatedClusterPatch,
  type SimulatedClusterSpec,
  type SimulatedNodePool,
  type SimulatedState,
  type SimulatedWorkload,
} from './types';

/** A spec or patch that the simulator cannot use; the control API answers 400 with its message. */
export class InvalidSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidSpecError';
  }
}

const PATCH_KEYS = [
  'version',
  'nodes',
  'nodesNotReady',
  'cpuPerNode',
  'memoryPerNodeGi',
  'nodePools',
  'workloads',
  'latencyMs',
  'state',
  'token',
  'opencost',
] as const;

/** Fields whose change changes the cluster's objects. */
export const OBJECT_KEYS: ReadonlyArray<keyof SimulatedClusterPatch> = [
  'version',
  'nodes',
  'nodesNotReady',
  'cpuPerNode',
  'memoryPerNodeGi',
  'nodePools',
  'workloads',
];

const REQUIRED_KEYS: ReadonlyArray<keyof SimulatedClusterPatch> = [
  'version',
  'nodes',
];

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(path: string, message: string): never {
  throw new InvalidSpecError(`${path} ${message}`);
}

function count(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    fail(
      path,
      `must be a whole number of at least 0, not ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function positive(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    fail(path, `must be a number greater than 0, not ${JSON.stringify(value)}`);
  }
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    fail(path, `must be a non-empty string, not ${JSON.stringify(value)}`);
  }
  return value;
}

function matching(value: unknown, pattern: RegExp, path: string, rule: string) {
  const result = text(value, path);
  if (!pattern.test(result)) fail(path, `"${result}" ${rule}`);
  return result;
}

function onlyKeys(
  object: Record<string, unknown>,
  keys: readonly string[],
  path: string,
) {
  for (const key of Object.keys(object)) {
    if (!keys.includes(key)) {
      fail(
        `${path}.${key}`,
        `is not a known field (known: ${keys.join(', ')})`,
      );
    }
  }
}

function workload(value: unknown, path: string): SimulatedWorkload {
  if (!isObject(value)) fail(path, 'must be an object');
  onlyKeys(
    value,
    [
      'namespace',
      'name',
      'kubernetesId',
      'replicas',
      'image',
      'failingPods',
      'rollingOut',
    ],
    path,
  );
  const result: SimulatedWorkload = {
    namespace: matching(
      value.namespace,
      DNS_LABEL,
      `${path}.namespace`,
      'must be a DNS label',
    ),
    name: matching(
      value.name,
      DNS_SUBDOMAIN,
      `${path}.name`,
      'must be a DNS name',
    ),
    replicas: count(value.replicas, `${path}.replicas`),
    image: text(value.image, `${path}.image`),
  };
  if (value.kubernetesId !== undefined) {
    result.kubernetesId = matching(
      value.kubernetesId,
      LABEL_VALUE,
      `${path}.kubernetesId`,
      'must be a label value',
    );
  }
  if (value.failingPods !== undefined) {
    result.failingPods = count(value.failingPods, `${path}.failingPods`);
    if (result.failingPods > result.replicas) {
      fail(
        `${path}.failingPods`,
        `(${result.failingPods}) is more than replicas (${result.replicas})`,
      );
    }
  }
  if (value.rollingOut !== undefined) {
    if (typeof value.rollingOut !== 'boolean') {
      fail(`${path}.rollingOut`, 'must be true or false');
    }
    result.rollingOut = value.rollingOut;
  }
  return result;
}

function nodePool(value: unknown, path: string): SimulatedNodePool {
  if (!isObject(value)) fail(path, 'must be an object');
  onlyKeys(value, ['name', 'count', 'vmSize', 'cpu', 'memoryGi'], path);
  return {
    name: text(value.name, `${path}.name`),
    count: count(value.count, `${path}.count`),
    ...(value.vmSize !== undefined
      ? { vmSize: text(value.vmSize, `${path}.vmSize`) }
      : {}),
    cpu: positive(value.cpu, `${path}.cpu`),
    memoryGi: positive(value.memoryGi, `${path}.memoryGi`),
  };
}

function list<T>(
  value: unknown,
  path: string,
  item: (v: unknown, p: string) => T,
): T[] {
  if (!Array.isArray(value)) fail(path, 'must be a list');
  return value.map((entry, i) => item(entry, `${path}[${i}]`));
}

/**
 * Checks a patch (from code, or a JSON body of the control API). A key whose
 * value is undefined or null resets an optional field to its default; the
 * result keeps such keys with the value undefined.
 */
export function validatePatch(
  input: unknown,
  path = 'patch',
): SimulatedClusterPatch {
  if (!isObject(input)) fail(path, 'must be a JSON object');
  onlyKeys(input, PATCH_KEYS, path);
  const patch: Record<string, unknown> = {};
  for (const key of PATCH_KEYS) {
    if (!(key in input)) continue;
    const value = input[key];
    const at = `${path}.${key}`;
    if (value === undefined || value === null) {
      if (REQUIRED_KEYS.includes(key)) fail(at, 'cannot be removed');
      patch[key] = undefined;
      continue;
    }
    switch (key) {
      case 'version':
        patch[key] = matching(
          value,
          /^\d+\.\d+$/,
          at,
          'must be a minor version such as "1.36"',
        );
        break;
      case 'nodes':
      case 'nodesNotReady':
        patch[key] = count(value, at);
        break;
      case 'latencyMs':
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
          fail(
            at,
            `must be a number of milliseconds of at least 0, not ${JSON.stringify(
              value,
            )}`,
          );
        }
        patch[key] = value;
        break;
      case 'cpuPerNode':
      case 'memoryPerNodeGi':
        patch[key] = positive(value, at);
        break;
      case 'nodePools':
        patch[key] = list(value, at, nodePool);
        break;
      case 'workloads': {
        const workloads = list(value, at, workload);
        const seen = new Set<string>();
        workloads.forEach((w, i) => {
          const id = `${w.namespace}/${w.name}`;
          if (seen.has(id)) fail(`${at}[${i}]`, `repeats the workload ${id}`);
          seen.add(id);
        });
        patch[key] = workloads;
        break;
      }
      case 'state':
        if (!SIMULATED_STATES.includes(value as SimulatedState)) {
          fail(
            at,
            `must be one of ${SIMULATED_STATES.join(
              ', ',
            )}, not ${JSON.stringify(value)}`,
          );
        }
        patch[key] = value;
        break;
      case 'token':
        patch[key] = text(value, at);
        break;
      case 'opencost':
        if (typeof value !== 'boolean') {
          fail(at, `must be true or false, not ${JSON.stringify(value)}`);
        }
        patch[key] = value;
        break;
      default:
        break;
    }
  }
  return patch as SimulatedClusterPatch;
}

/** Checks a whole cluster spec; returns a copy with the optional fields that were given. */
export function validateSpec(
  input: unknown,
  path = 'spec',
): SimulatedClusterSpec {
  if (!isObject(input)) fail(path, 'must be an object');
  const { name, ...rest } = input;
  const checkedName = matching(
    name,
    DNS_SUBDOMAIN,
    `${path}.name`,
    'must be a DNS name such as "workload-aws-useast1"',
  );
  const at = `${path} "${checkedName}"`;
  for (const key of REQUIRED_KEYS) {
    if (rest[key] === undefined || rest[key] === null)
      fail(`${at}.${key}`, 'is required');
  }
  const patch = validatePatch(rest, at);
  const spec: Record<string, unknown> = { name: checkedName };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) spec[key] = value;
  }
  return spec as unknown as SimulatedClusterSpec;
}

/** The spec after a validated patch. */
export function applyPatch(
  spec: SimulatedClusterSpec,
  patch: SimulatedClusterPatch,
): SimulatedClusterSpec {
  const next: Record<string, unknown> = { ...spec };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as unknown as SimulatedClusterSpec;
}
