import {
  findResourceType,
  RESOURCE_TYPES,
  versionInfo,
  type ClusterObjects,
  type KubeObject,
  type ResourceType,
} from './objects';
import {
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
  type FieldRequirement,
  type LabelRequirement,
} from './selectors';

/** A response of the simulated API server. */
export interface ApiResponse {
  status: number;
  /** Serialized as JSON unless `text` is set. */
  body?: unknown;
  text?: string;
}

/** A Kubernetes `Status` object, the body of every failure. */
export function statusObject(
  code: number,
  reason: string,
  message: string,
  details?: Record<string, unknown>,
) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

export function failure(
  code: number,
  reason: string,
  message: string,
  details?: Record<string, unknown>,
): ApiResponse {
  return { status: code, body: statusObject(code, reason, message, details) };
}

export const notFound = (): ApiResponse =>
  failure(
    404,
    'NotFound',
    'the server could not find the requested resource',
    {},
  );

export const unauthorized = (): ApiResponse =>
  failure(401, 'Unauthorized', 'Unauthorized');

export const internalError = (): ApiResponse =>
  failure(
    500,
    'InternalError',
    'Internal error occurred: the simulated API server is in state "error"',
    { causes: [{ message: 'simulated failure' }] },
  );

/** What the routes need to know about the cluster. */
export interface ApiContext {
  name: string;
  version: string;
  /** host:port of the API server. */
  address: string;
  objects(): ClusterObjects;
  /**
   * Answers what the service proxy
   * (`/api/v1/namespaces/{namespace}/services/{service}/proxy/{path}`)
   * passes to a service; `service` as in the URL, `[scheme:]name[:port]`.
   */
  proxy(
    namespace: string,
    service: string,
    path: string[],
    query: URLSearchParams,
  ): ApiResponse;
}

interface GroupInfo {
  name: string;
  versions: string[];
}

function groups(): GroupInfo[] {
  const byName = new Map<string, string[]>();
  for (const type of RESOURCE_TYPES) {
    if (!type.groupVersion.includes('/')) continue;
    const [group, version] = type.groupVersion.split('/');
    const versions = byName.get(group) ?? [];
    if (!versions.includes(version)) versions.push(version);
    byName.set(group, versions);
  }
  return [...byName].map(([name, versions]) => ({ name, versions }));
}

function groupObject(group: GroupInfo) {
  const versions = group.versions.map(version => ({
    groupVersion: `${group.name}/${version}`,
    version,
  }));
  return { name: group.name, versions, preferredVersion: versions[0] };
}

function resourceList(groupVersion: string) {
  const types = RESOURCE_TYPES.filter(t => t.groupVersion === groupVersion);
  const resources: Array<Record<string, unknown>> = types.map(type => ({
    name: type.plural,
    singularName: type.singular,
    namespaced: type.namespaced,
    kind: type.kind,
    verbs: ['get', 'list', 'watch'],
    ...(type.shortNames ? { shortNames: type.shortNames } : {}),
  }));
  if (groupVersion === 'v1') {
    resources.push({
      name: 'pods/log',
      singularName: '',
      namespaced: true,
      kind: 'Pod',
      verbs: ['get'],
    });
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion,
    resources,
  };
}

function groupOf(type: ResourceType): string {
  return type.groupVersion.includes('/') ? type.groupVersion.split('/')[0] : '';
}

function objectNotFound(type: ResourceType, name: string): ApiResponse {
  const group = groupOf(type);
  return failure(
    404,
    'NotFound',
    `${type.plural}${group ? `.${group}` : ''} "${name}" not found`,
    { name, ...(group ? { group } : {}), kind: type.plural },
  );
}

interface Selectors {
  labels: LabelRequirement[];
  fields: FieldRequirement[];
}

function listResponse(
  ctx: ApiContext,
  type: ResourceType,
  namespace: string | undefined,
  selectors: Selectors,
): ApiResponse {
  const objects = ctx.objects();
  const items = objects
    .list(type.groupVersion, type.plural)
    .filter(
      (object: KubeObject) =>
        (namespace === undefined || object.metadata.namespace === namespace) &&
        matchesLabels(object.metadata.labels, selectors.labels) &&
        matchesFields(object, selectors.fields),
    );
  return {
    status: 200,
    body: {
      kind: `${type.kind}List`,
      apiVersion: type.groupVersion,
      metadata: { resourceVersion: objects.resourceVersion },
      items,
    },
  };
}

function getResponse(
  ctx: ApiContext,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
): ApiResponse {
  const object = ctx
    .objects()
    .list(type.groupVersion, type.plural)
    .find(
      o =>
        o.metadata.name === name &&
        (namespace === undefined || o.metadata.namespace === namespace),
    );
  if (!object) return objectNotFound(type, name);
  return {
    status: 200,
    body: { kind: type.kind, apiVersion: type.groupVersion, ...object },
  };
}

function podLogResponse(
  ctx: ApiContext,
  namespace: string,
  name: string,
  query: URLSearchParams,
): ApiResponse {
  const type = findResourceType('v1', 'pods')!;
  const pod = ctx
    .objects()
    .list('v1', 'pods')
    .find(o => o.metadata.name === name && o.metadata.namespace === namespace);
  if (!pod) return objectNotFound(type, name);
  const containers = (pod.spec as { containers: Array<{ name: string }> })
    .containers;
  const container = query.get('container') ?? containers[0].name;
  if (!containers.some(c => c.name === container)) {
    return failure(
      400,
      'BadRequest',
      `container ${container} is not valid for pod ${name}`,
    );
  }
  const log = ctx.objects().podLog(namespace, name);
  if (log === undefined) {
    return failure(
      400,
      'BadRequest',
      `container "${container}" in pod "${name}" is waiting to start: ContainerCreating`,
    );
  }
  return { status: 200, text: log };
}

/** Lists, gets and logs under `/api/v1` or `/apis/{group}/{version}`. */
function resourceRoute(
  ctx: ApiContext,
  groupVersion: string,
  rest: string[],
  query: URLSearchParams,
): ApiResponse {
  let selectors: Selectors;
  try {
    selectors = {
      labels: parseLabelSelector(query.get('labelSelector') ?? ''),
      fields: parseFieldSelector(query.get('fieldSelector') ?? ''),
    };
  } catch (error) {
    if (error instanceof SelectorError) {
      return failure(400, 'BadRequest', error.message);
    }
    throw error;
  }

  if (rest.length >= 3 && rest[0] === 'namespaces') {
    const [, namespace, plural, name, subresource, ...more] = rest;
    const type = findResourceType(groupVersion, plural);
    if (!type || !type.namespaced || more.length > 0) return notFound();
    if (name === undefined) {
      return listResponse(ctx, type, namespace, selectors);
    }
    if (subresource === undefined) {
      return getResponse(ctx, type, namespace, name);
    }
    if (subresource === 'log' && type.plural === 'pods') {
      return podLogResponse(ctx, namespace, name, query);
    }
    return notFound();
  }

  const [plural, name, ...more] = rest;
  const type = findResourceType(groupVersion, plural);
  if (!type || more.length > 0) return notFound();
  if (name === undefined) return listResponse(ctx, type, undefined, selectors);
  if (type.namespaced) return notFound();
  return getResponse(ctx, type, undefined, name);
}

/** Answers one GET of the simulated API server. */
export function handleApiRequest(ctx: ApiContext, url: URL): ApiResponse {
  let segments: string[];
  try {
    segments = url.pathname
      .split('/')
      .filter(s => s.length > 0)
      .map(s => decodeURIComponent(s));
  } catch {
    return notFound();
  }
  const [root, group, version, ...rest] = segments;

  if (
    root === 'api' &&
    group === 'v1' &&
    version === 'namespaces' &&
    rest[1] === 'services' &&
    rest[3] === 'proxy'
  ) {
    return ctx.proxy(rest[0], rest[2], rest.slice(4), url.searchParams);
  }

  if (segments.length === 0) {
    return {
      status: 200,
      body: {
        paths: [
          '/api',
          '/api/v1',
          '/apis',
          ...groups().flatMap(g => [
            `/apis/${g.name}`,
            ...g.versions.map(v => `/apis/${g.name}/${v}`),
          ]),
          '/healthz',
          '/livez',
          '/readyz',
          '/version',
        ],
      },
    };
  }
  if (segments.length === 1 && ['healthz', 'livez', 'readyz'].includes(root)) {
    return { status: 200, text: 'ok' };
  }
  if (root === 'version' && segments.length === 1) {
    return { status: 200, body: versionInfo(ctx.name, ctx.version) };
  }
  if (root === 'api') {
    // here `group` is the version: /api/v1/...
    if (segments.length === 1) {
      return {
        status: 200,
        body: {
          kind: 'APIVersions',
          versions: ['v1'],
          serverAddressByClientCIDRs: [
            { clientCIDR: '0.0.0.0/0', serverAddress: ctx.address },
          ],
        },
      };
    }
    if (group !== 'v1') return notFound();
    if (segments.length === 2) return { status: 200, body: resourceList('v1') };
    return resourceRoute(ctx, 'v1', segments.slice(2), url.searchParams);
  }
  if (root === 'apis') {
    const known = groups();
    if (segments.length === 1) {
      return {
        status: 200,
        body: {
          kind: 'APIGroupList',
          apiVersion: 'v1',
          groups: known.map(groupObject),
        },
      };
    }
    const info = known.find(g => g.name === group);
    if (!info) return notFound();
    if (segments.length === 2) {
      return {
        status: 200,
        body: { kind: 'APIGroup', apiVersion: 'v1', ...groupObject(info) },
      };
    }
    if (!info.versions.includes(version)) return notFound();
    const groupVersion = `${group}/${version}`;
    if (segments.length === 3) {
      return { status: 200, body: resourceList(groupVersion) };
    }
    return resourceRoute(ctx, groupVersion, rest, url.searchParams);
  }
  return notFound();
}
