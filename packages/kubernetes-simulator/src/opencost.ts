import type { ApiResponse } from './api';
import { containerResources, hashNumber, podLabels, poolsOf } from './objects';
import type { SimulatedClusterSpec, SimulatedWorkload } from './types';

/** Where OpenCost runs in a simulated cluster, as the Helm chart installs it. */
export const OPENCOST_NAMESPACE = 'opencost';
export const OPENCOST_SERVICE = 'opencost';
export const OPENCOST_PORT = 9003;

/** OpenCost's API through the API server's service proxy. */
export const OPENCOST_PROXY_PATH = `/api/v1/namespaces/${OPENCOST_NAMESPACE}/services/${OPENCOST_SERVICE}:${OPENCOST_PORT}/proxy`;

// OpenCost's default on-demand prices (its custom pricing), in USD.
const CPU_CORE_HOUR = 0.031611;
const RAM_GIB_HOUR = 0.004237;
const PV_GIB_HOUR = 0.04 / 730;
const NETWORK_GIB = 0.01;
const LOAD_BALANCER_HOUR = 0.025;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const GIB = 1024 ** 3;

const IDLE = '__idle__';
const UNALLOCATED = '__unallocated__';

/** The part of an OpenCost allocation the simulator fills in. */
interface Allocation {
  name: string;
  properties: Properties;
  window: { start: string; end: string };
  start: string;
  end: string;
  minutes: number;
  cpuCores: number;
  cpuCoreRequestAverage: number;
  cpuCoreUsageAverage: number;
  cpuCoreHours: number;
  cpuCost: number;
  cpuCostAdjustment: number;
  cpuEfficiency: number;
  gpuCount: number;
  gpuHours: number;
  gpuCost: number;
  gpuCostAdjustment: number;
  networkTransferBytes: number;
  networkReceiveBytes: number;
  networkCost: number;
  networkCostAdjustment: number;
  loadBalancerCost: number;
  loadBalancerCostAdjustment: number;
  pvBytes: number;
  pvByteHours: number;
  pvCost: number;
  pvCostAdjustment: number;
  ramBytes: number;
  ramByteRequestAverage: number;
  ramByteUsageAverage: number;
  ramByteHours: number;
  ramCost: number;
  ramCostAdjustment: number;
  ramEfficiency: number;
  externalCost: number;
  sharedCost: number;
  totalCost: number;
  totalEfficiency: number;
}

interface Properties {
  cluster?: string;
  namespace?: string;
  controller?: string;
  controllerKind?: string;
  labels?: Record<string, string>;
  namespaceLabels?: Record<string, string>;
}

const SUMMED = [
  'minutes',
  'cpuCores',
  'cpuCoreRequestAverage',
  'cpuCoreUsageAverage',
  'cpuCoreHours',
  'cpuCost',
  'cpuCostAdjustment',
  'gpuCount',
  'gpuHours',
  'gpuCost',
  'gpuCostAdjustment',
  'networkTransferBytes',
  'networkReceiveBytes',
  'networkCost',
  'networkCostAdjustment',
  'loadBalancerCost',
  'loadBalancerCostAdjustment',
  'pvBytes',
  'pvByteHours',
  'pvCost',
  'pvCostAdjustment',
  'ramBytes',
  'ramByteRequestAverage',
  'ramByteUsageAverage',
  'ramByteHours',
  'ramCost',
  'ramCostAdjustment',
  'externalCost',
  'sharedCost',
  'totalCost',
] as const;

/** OpenCost's answer to a bad request. */
function badRequest(message: string): ApiResponse {
  return { status: 400, body: { code: 400, message } };
}

/** A label name as OpenCost reports it, sanitised as Prometheus does. */
function sanitize(name: string): string {
  return name.replace(/[^a-zA-Z0-9_]/g, '_');
}

function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const round = (value: number) => Math.round(value * 100_000) / 100_000;

function cores(quantity: string): number {
  return quantity.endsWith('m')
    ? Number(quantity.slice(0, -1)) / 1000
    : Number(quantity);
}

function mebibytes(quantity: string): number {
  return Number(quantity.replace(/Mi$/, ''));
}

const UNITS: Record<string, number> = { m: 60_000, h: HOUR, d: DAY };

/** A duration such as `1d`, `12h` or `30m`, in ms. */
function duration(text: string): number | undefined {
  const match = /^(\d+)([mhd])$/.exec(text);
  return match ? Number(match[1]) * UNITS[match[2]] : undefined;
}

/**
 * The time range of OpenCost's `window`: a duration up to now (`7d`), a
 * keyword (`today`, `yesterday`, `week`, `month`), or a pair of RFC 3339
 * times or Unix seconds.
 */
export function parseWindow(
  text: string,
  now: number,
): { start: number; end: number } | undefined {
  const midnight = Math.floor(now / DAY) * DAY;
  const day = new Date(midnight);
  switch (text) {
    case 'today':
      return { start: midnight, end: now };
    case 'yesterday':
      return { start: midnight - DAY, end: midnight };
    case 'week':
      return { start: midnight - day.getUTCDay() * DAY, end: now };
    case 'month':
      return {
        start: Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1),
        end: now,
      };
    default:
      break;
  }
  const span = duration(text);
  if (span !== undefined) return { start: now - span, end: now };
  const pair = text.split(',');
  if (pair.length !== 2) return undefined;
  const [start, end] = pair.map(part =>
    /^\d+$/.test(part.trim())
      ? Number(part.trim()) * 1000
      : Date.parse(part.trim()),
  );
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) {
    return undefined;
  }
  return { start, end };
}

/** What a workload costs per hour, and how it is made up. */
function hourly(cluster: string, workload: SimulatedWorkload, day: number) {
  const replicas = Math.max(0, Math.floor(workload.replicas));
  const { requests } = containerResources(workload);
  const cpu = replicas * cores(requests.cpu);
  const ramBytes = (replicas * mebibytes(requests.memory) * GIB) / 1024;
  const key = [cluster, workload.namespace, workload.name];
  const pvGi = hashNumber('pv', ...key) % 3 === 0 ? 20 * replicas : 0;
  // Traffic varies from day to day, between 80% and 120% of its average.
  const traffic =
    replicas *
    (10 + (hashNumber('traffic', ...key) % 50)) *
    1024 ** 2 *
    (0.8 + (hashNumber('traffic', ...key, day) % 41) / 100);
  return {
    cpu,
    ramBytes,
    pvBytes: pvGi * GIB,
    transferBytes: traffic,
    receiveBytes: traffic * 2,
    loadBalancer: /gateway|ingress/.test(workload.name) ? 1 : 0,
  };
}

function allocation(
  name: string,
  properties: Properties,
  from: number,
  to: number,
  usage: ReturnType<typeof hourly>,
  efficiency: number,
): Allocation {
  const hours = (to - from) / HOUR;
  const cpuCost = round(usage.cpu * hours * CPU_CORE_HOUR);
  const ramCost = round((usage.ramBytes / GIB) * hours * RAM_GIB_HOUR);
  const pvCost = round((usage.pvBytes / GIB) * hours * PV_GIB_HOUR);
  const networkCost = round(
    ((usage.transferBytes * hours) / GIB) * NETWORK_GIB,
  );
  const loadBalancerCost = round(
    usage.loadBalancer * hours * LOAD_BALANCER_HOUR,
  );
  const window = { start: rfc3339(from), end: rfc3339(to) };
  return {
    name,
    properties,
    window,
    start: window.start,
    end: window.end,
    minutes: hours * 60,
    cpuCores: usage.cpu,
    cpuCoreRequestAverage: usage.cpu,
    cpuCoreUsageAverage: round(usage.cpu * efficiency),
    cpuCoreHours: round(usage.cpu * hours),
    cpuCost,
    cpuCostAdjustment: 0,
    cpuEfficiency: efficiency,
    gpuCount: 0,
    gpuHours: 0,
    gpuCost: 0,
    gpuCostAdjustment: 0,
    networkTransferBytes: Math.round(usage.transferBytes * hours),
    networkReceiveBytes: Math.round(usage.receiveBytes * hours),
    networkCost,
    networkCostAdjustment: 0,
    loadBalancerCost,
    loadBalancerCostAdjustment: 0,
    pvBytes: usage.pvBytes,
    pvByteHours: usage.pvBytes * hours,
    pvCost,
    pvCostAdjustment: 0,
    ramBytes: usage.ramBytes,
    ramByteRequestAverage: usage.ramBytes,
    ramByteUsageAverage: Math.round(usage.ramBytes * efficiency),
    ramByteHours: usage.ramBytes * hours,
    ramCost,
    ramCostAdjustment: 0,
    ramEfficiency: efficiency,
    externalCost: 0,
    sharedCost: 0,
    totalCost: round(
      cpuCost + ramCost + pvCost + networkCost + loadBalancerCost,
    ),
    totalEfficiency: efficiency,
  };
}

/** Properties shared by both; labels only where both agree. */
function commonProperties(a: Properties, b: Properties): Properties {
  const common: Properties = {};
  for (const key of [
    'cluster',
    'namespace',
    'controller',
    'controllerKind',
  ] as const) {
    if (a[key] !== undefined && a[key] === b[key]) common[key] = a[key];
  }
  for (const key of ['labels', 'namespaceLabels'] as const) {
    const shared = Object.entries(a[key] ?? {}).filter(
      ([name, value]) => b[key]?.[name] === value,
    );
    if (shared.length > 0) common[key] = Object.fromEntries(shared);
  }
  return common;
}

function merge(into: Allocation, other: Allocation): void {
  for (const field of SUMMED) into[field] = round(into[field] + other[field]);
  into.properties = commonProperties(into.properties, other.properties);
}

const AGGREGATES = ['cluster', 'namespace', 'controllerkind', 'controller'];

/** The key of an allocation for OpenCost's `aggregate` properties. */
function aggregateKey(properties: Properties, by: string[]): string {
  return by
    .map(property => {
      if (property.startsWith('label:')) {
        return properties.labels?.[sanitize(property.slice(6))] ?? UNALLOCATED;
      }
      switch (property.toLowerCase()) {
        case 'cluster':
          return properties.cluster ?? UNALLOCATED;
        case 'namespace':
          return properties.namespace ?? UNALLOCATED;
        case 'controllerkind':
          return properties.controllerKind ?? UNALLOCATED;
        default:
          return properties.controller
            ? `${properties.controllerKind}:${properties.controller}`
            : UNALLOCATED;
      }
    })
    .join('/');
}

/** The allocations of one set, from `from` to `to`, before aggregation. */
function setAllocations(
  spec: SimulatedClusterSpec,
  from: number,
  to: number,
  includeIdle: boolean,
): Allocation[] {
  const day = Math.floor(from / DAY);
  const allocations = (spec.workloads ?? []).map(workload => {
    const efficiency =
      0.3 + (hashNumber('efficiency', spec.name, workload.name) % 60) / 100;
    const labels = Object.fromEntries(
      Object.entries(podLabels(workload)).map(([k, v]) => [sanitize(k), v]),
    );
    return allocation(
      `${workload.namespace}/${workload.name}`,
      {
        cluster: spec.name,
        namespace: workload.namespace,
        controller: workload.name,
        controllerKind: 'deployment',
        labels,
        namespaceLabels: { kubernetes_io_metadata_name: workload.namespace },
      },
      from,
      to,
      hourly(spec.name, workload, day),
      efficiency,
    );
  });
  if (includeIdle) {
    // What the nodes cost beyond the requests of the workloads.
    const pools = poolsOf(spec);
    const capacity = pools.reduce(
      (sum, pool) => ({
        cpu: sum.cpu + pool.count * pool.cpu,
        ram: sum.ram + pool.count * pool.memoryGi * GIB,
      }),
      { cpu: 0, ram: 0 },
    );
    const used = allocations.reduce(
      (sum, a) => ({ cpu: sum.cpu + a.cpuCores, ram: sum.ram + a.ramBytes }),
      { cpu: 0, ram: 0 },
    );
    allocations.push(
      allocation(
        IDLE,
        { cluster: spec.name },
        from,
        to,
        {
          cpu: Math.max(0, capacity.cpu - used.cpu),
          ramBytes: Math.max(0, capacity.ram - used.ram),
          pvBytes: 0,
          transferBytes: 0,
          receiveBytes: 0,
          loadBalancer: 0,
        },
        0,
      ),
    );
  }
  return allocations;
}

/**
 * OpenCost's allocation API (`/allocation` and `/allocation/compute`) for a
 * simulated cluster: the cost of its workloads from their requests at
 * OpenCost's default prices, with traffic that varies by day, the same on
 * every run. Sets are cut by `step` (aligned to UTC days for `1d`) and end
 * at `now`; a set wholly after `now` is empty. Aggregates by `cluster`,
 * `namespace`, `controllerKind`, `controller` and `label:<name>`, combined
 * with commas.
 */
export function allocationResponse(
  spec: SimulatedClusterSpec,
  query: URLSearchParams,
  now: number,
): ApiResponse {
  const windowText = query.get('window');
  if (!windowText) return badRequest('Missing required parameter: window');
  const window = parseWindow(windowText, now);
  if (!window) return badRequest(`Invalid window parameter: ${windowText}`);
  const stepText = query.get('step');
  const step =
    stepText === null ? window.end - window.start : duration(stepText);
  if (step === undefined || step <= 0) {
    return badRequest(`Invalid step parameter: ${stepText}`);
  }
  const aggregate = (query.get('aggregate') ?? '')
    .split(',')
    .map(part => part.trim())
    .filter(part => part.length > 0);
  if (aggregate.length === 0) {
    return badRequest(
      'The simulated OpenCost needs aggregate (cluster, namespace, controllerKind, controller or label:<name>)',
    );
  }
  const unknown = aggregate.find(
    part =>
      !part.startsWith('label:') && !AGGREGATES.includes(part.toLowerCase()),
  );
  if (unknown) return badRequest(`Invalid aggregate parameter: ${unknown}`);
  const includeIdle = query.get('includeIdle') === 'true';

  const sets: Array<Record<string, Allocation>> = [];
  const first =
    stepText === null ? window.start : Math.floor(window.start / step) * step;
  for (let at = first; at < window.end; at += step) {
    const from = Math.max(at, window.start);
    const to = Math.min(at + step, window.end, now);
    const set: Record<string, Allocation> = {};
    if (to > from) {
      for (const item of setAllocations(spec, from, to, includeIdle)) {
        const key =
          item.name === IDLE ? IDLE : aggregateKey(item.properties, aggregate);
        const existing = set[key];
        if (existing) merge(existing, item);
        else set[key] = { ...item, name: key };
      }
    }
    sets.push(set);
    if (sets.length > 366) {
      return badRequest('The window holds more than 366 steps');
    }
  }
  return { status: 200, body: { code: 200, data: sets } };
}

/**
 * Answers a request that the API server's service proxy passes to the
 * OpenCost service: `path` is what follows `/proxy`. Undefined for a path
 * OpenCost does not serve.
 */
export function openCostResponse(
  spec: SimulatedClusterSpec,
  path: string[],
  query: URLSearchParams,
  now: number,
): ApiResponse | undefined {
  const route = path.join('/');
  if (route === 'healthz') return { status: 200, text: 'OK' };
  if (route === 'allocation' || route === 'allocation/compute') {
    return allocationResponse(spec, query, now);
  }
  return undefined;
}
