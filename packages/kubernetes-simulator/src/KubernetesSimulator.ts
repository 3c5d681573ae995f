import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  failure,
  handleApiRequest,
  internalError,
  unauthorized,
  type ApiResponse,
} from './api';
import {
  buildClusterObjects,
  DEFAULT_CPU_PER_NODE,
  DEFAULT_MEMORY_PER_NODE_GI,
  gitVersionOf,
  type ClusterObjects,
} from './objects';
import {
  OPENCOST_NAMESPACE,
  OPENCOST_PORT,
  OPENCOST_SERVICE,
  openCostResponse,
} from './opencost';
import type {
  SimulatedClusterPatch,
  SimulatedClusterSpec,
  SimulatedClusterStatus,
  SimulatedState,
} from './types';
import {
  applyPatch,
  InvalidSpecError,
  OBJECT_KEYS,
  validatePatch,
  validateSpec,
} from './validate';

const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 1024 * 1024;

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, HOST, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** An HTTP server on loopback whose connections can all be cut at once. */
class Listener {
  private server?: http.Server;
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly handler: (
      req: http.IncomingMessage,
      res: http.ServerResponse,
    ) => void,
  ) {}

  get listening(): boolean {
    return this.server !== undefined;
  }

  /** Listens on `port` (0: any free port) and returns the port. */
  async open(port: number): Promise<number> {
    const server = http.createServer(this.handler);
    server.on('connection', socket => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    const actual = await listen(server, port);
    this.server = server;
    return actual;
  }

  /** Stops listening and destroys every open connection. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise<void>(resolve => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await closed;
  }
}

function send(res: http.ServerResponse, method: string, response: ApiResponse) {
  if (res.writableEnded || res.destroyed) return;
  const isText = response.text !== undefined;
  const payload = isText
    ? response.text!
    : `${JSON.stringify(response.body ?? {})}\n`;
  res.writeHead(response.status, {
    'content-type': isText ? 'text/plain' : 'application/json',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-cache, private',
  });
  res.end(method === 'HEAD' ? undefined : payload);
}

/** One simulated API server. */
class SimulatedCluster {
  private readonly listener: Listener;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly hung = new Set<http.ServerResponse>();
  private revision = 0;
  private cache?: ClusterObjects;
  private queue: Promise<void> = Promise.resolve();
  port = 0;

  constructor(
    public spec: SimulatedClusterSpec,
    private readonly epoch: number,
    private readonly clock: () => number,
  ) {
    this.listener = new Listener((req, res) => this.onRequest(req, res));
  }

  get state(): SimulatedState {
    return this.spec.state ?? 'up';
  }

  get url(): string {
    return `http://${HOST}:${this.port}`;
  }

  /** Takes a port; every cluster holds one before any 'down' cluster lets its go (see `settle`). */
  async start(): Promise<void> {
    this.port = await this.listener.open(0);
  }

  /**
   * A cluster that starts 'down' gives its port back and refuses
   * connections on it. Only once every cluster has its own port: a port
   * given back earlier could be handed to the next cluster, and the 'down'
   * cluster's URL would then reach a healthy one.
   */
  async settle(): Promise<void> {
    if (this.state === 'down') await this.listener.close();
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.hung.clear();
    await this.listener.close();
  }

  /** Applies a validated patch, one update at a time. */
  update(patch: SimulatedClusterPatch): Promise<void> {
    const run = this.queue.then(() => this.apply(patch));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async apply(patch: SimulatedClusterPatch): Promise<void> {
    const before = this.state;
    this.spec = applyPatch(this.spec, patch);
    if (OBJECT_KEYS.some(key => key in patch)) {
      this.revision++;
      this.cache = undefined;
    }
    const after = this.state;
    if (before === after) return;
    if (before === 'hang') {
      // Requests held while hanging end like a restarted API server: reset.
      for (const res of this.hung) res.socket?.destroy();
      this.hung.clear();
    }
    if (after === 'down') {
      await this.listener.close();
    } else if (!this.listener.listening) {
      try {
        await this.listener.open(this.port);
      } catch (error) {
        // The port was taken while the cluster was down: it stays down.
        this.spec = { ...this.spec, state: 'down' };
        throw error;
      }
    }
  }

  status(): SimulatedClusterStatus {
    const { spec } = this;
    return {
      name: spec.name,
      url: this.url,
      state: this.state,
      latencyMs: spec.latencyMs ?? 0,
      version: spec.version,
      gitVersion: gitVersionOf(spec.name, spec.version),
      nodes: spec.nodes,
      nodesNotReady: spec.nodesNotReady ?? 0,
      cpuPerNode: spec.cpuPerNode ?? DEFAULT_CPU_PER_NODE,
      memoryPerNodeGi: spec.memoryPerNodeGi ?? DEFAULT_MEMORY_PER_NODE_GI,
      tokenRequired: spec.token !== undefined,
      opencost: spec.opencost !== false,
      workloads: spec.workloads ?? [],
    };
  }

  private objects(): ClusterObjects {
    if (!this.cache) {
      this.cache = buildClusterObjects(this.spec, this.epoch, this.revision);
    }
    return this.cache;
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
    const arrived = performance.now();
    const state = this.state;
    req.resume();
    if (state === 'hang') {
      this.hung.add(res);
      res.once('close', () => this.hung.delete(res));
      return;
    }
    const latency = this.spec.latencyMs ?? 0;
    const answer = () => {
      try {
        send(res, req.method ?? 'GET', this.respond(req, state));
      } catch (error) {
        send(
          res,
          req.method ?? 'GET',
          failure(500, 'InternalError', `Internal error occurred: ${error}`),
        );
      }
    };
    if (latency <= 0) {
      answer();
      return;
    }
    const wait = (ms: number) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        const left = arrived + latency - performance.now();
        if (left > 0) wait(Math.ceil(left));
        else answer();
      }, ms);
      this.timers.add(timer);
    };
    wait(latency);
  }

  private respond(
    req: http.IncomingMessage,
    state: SimulatedState,
  ): ApiResponse {
    if (state === 'error') return internalError();
    if (state === 'unauthorized') return unauthorized();
    const { token } = this.spec;
    if (token !== undefined) {
      const header = req.headers.authorization ?? '';
      const match = /^Bearer\s+(.+)$/i.exec(header);
      if (!match || match[1].trim() !== token) return unauthorized();
    }
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      return failure(
        405,
        'MethodNotAllowed',
        `the simulated API server is read-only; ${method} is not supported`,
      );
    }
    const url = new URL(req.url ?? '/', this.url);
    return handleApiRequest(
      {
        name: this.spec.name,
        version: this.spec.version,
        address: `${HOST}:${this.port}`,
        objects: () => this.objects(),
        proxy: (namespace, service, path, query) =>
          this.proxy(namespace, service, path, query),
      },
      url,
    );
  }

  /**
   * The service proxy reaches OpenCost (`opencost/opencost:9003`) unless the
   * spec says it is not installed; other services have no endpoints here.
   */
  private proxy(
    namespace: string,
    service: string,
    path: string[],
    query: URLSearchParams,
  ): ApiResponse {
    const [, name = service, port] =
      /^(?:https?:)?([^:]*)(?::(.*))?$/.exec(service) ?? [];
    const isOpenCost =
      namespace === OPENCOST_NAMESPACE &&
      name === OPENCOST_SERVICE &&
      (port === undefined || port === String(OPENCOST_PORT));
    if (isOpenCost && this.spec.opencost !== false) {
      return (
        openCostResponse(this.spec, path, query, this.clock()) ?? {
          status: 404,
          text: '404 page not found\n',
        }
      );
    }
    const known = this.objects()
      .list('v1', 'services')
      .some(
        o => o.metadata.namespace === namespace && o.metadata.name === name,
      );
    if (known) {
      return failure(
        503,
        'ServiceUnavailable',
        `no endpoints available for service "${name}"`,
      );
    }
    return failure(404, 'NotFound', `services "${name}" not found`, {
      name,
      kind: 'services',
    });
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new InvalidSpecError('the body is larger than 1 MiB'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  if (res.writableEnded || res.destroyed) return;
  const payload = `${JSON.stringify(body, null, 2)}\n`;
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

/**
 * Simulated Kubernetes API servers on 127.0.0.1, one port per cluster, with
 * a control API on its own port to change them at run time.
 */
export class KubernetesSimulator {
  private stopped = false;

  private constructor(
    private readonly clusters: Map<string, SimulatedCluster>,
    private readonly control: Listener,
    /** Base URL of the control API, e.g. http://127.0.0.1:7099 */
    readonly controlUrl: string,
  ) {}

  /**
   * Starts one API server per spec (on free ports) and the control API (on
   * `controlPort`, default any free port).
   */
  static async start(
    specs: SimulatedClusterSpec[],
    options: {
      controlPort?: number;
      /** The time OpenCost's allocations end at, in ms; default the real time. */
      clock?: () => number;
    } = {},
  ): Promise<KubernetesSimulator> {
    const checked = specs.map((spec, i) => validateSpec(spec, `specs[${i}]`));
    const names = new Set<string>();
    for (const spec of checked) {
      if (names.has(spec.name)) {
        throw new InvalidSpecError(
          `the cluster name "${spec.name}" is used twice`,
        );
      }
      names.add(spec.name);
    }
    const epoch = Math.floor(Date.now() / 1000) * 1000;
    const clusters = new Map<string, SimulatedCluster>();
    let simulator: KubernetesSimulator | undefined;
    const control = new Listener((req, res) => {
      if (simulator) simulator.onControlRequest(req, res);
      else sendJson(res, 503, { error: 'starting' });
    });
    try {
      for (const spec of checked) {
        const cluster = new SimulatedCluster(
          spec,
          epoch,
          options.clock ?? Date.now,
        );
        clusters.set(spec.name, cluster);
        await cluster.start();
      }
      for (const cluster of clusters.values()) await cluster.settle();
      const port = await control.open(options.controlPort ?? 0);
      simulator = new KubernetesSimulator(
        clusters,
        control,
        `http://${HOST}:${port}`,
      );
      return simulator;
    } catch (error) {
      await control.close();
      await Promise.all([...clusters.values()].map(c => c.stop()));
      throw error;
    }
  }

  /** Base URL of one cluster's API server, e.g. http://127.0.0.1:41234 */
  url(name: string): string {
    return this.cluster(name).url;
  }

  names(): string[] {
    return [...this.clusters.keys()];
  }

  /** What the control API shows for a cluster. */
  status(name: string): SimulatedClusterStatus {
    return this.cluster(name).status();
  }

  /**
   * Changes a cluster at run time. 'down' closes its listener (connection
   * refused) and 'up' listens again on the same port; 'hang' keeps sockets
   * open without answering (leaving 'hang' resets them). A field set to
   * undefined goes back to its default. Rejects with an InvalidSpecError for
   * an invalid patch, and for an unknown name.
   */
  async update(name: string, patch: SimulatedClusterPatch): Promise<void> {
    if (this.stopped) throw new Error('the simulator has stopped');
    const cluster = this.clusters.get(name);
    if (!cluster) throw new InvalidSpecError(`there is no cluster "${name}"`);
    await cluster.update(validatePatch(patch));
  }

  /** Closes every port and connection. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.control.close();
    await Promise.all([...this.clusters.values()].map(c => c.stop()));
  }

  private cluster(name: string): SimulatedCluster {
    const cluster = this.clusters.get(name);
    if (!cluster) throw new Error(`there is no simulated cluster "${name}"`);
    return cluster;
  }

  private async onControlRequest(
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) {
    const url = new URL(req.url ?? '/', this.controlUrl);
    const segments = url.pathname.split('/').filter(s => s.length > 0);
    const method = req.method ?? 'GET';
    try {
      if (segments.length <= 1 && (segments[0] ?? 'clusters') === 'clusters') {
        req.resume();
        if (method !== 'GET') {
          sendJson(res, 405, { error: `${method} is not supported; use GET` });
          return;
        }
        sendJson(res, 200, {
          clusters: [...this.clusters.values()].map(c => {
            const { workloads, ...summary } = c.status();
            return { ...summary, workloads: workloads.length };
          }),
          usage: `POST ${this.controlUrl}/clusters/<name> with a JSON patch such as {"state":"down"}, {"state":"up"}, {"latencyMs":2000}`,
        });
        return;
      }
      if (segments.length === 2 && segments[0] === 'clusters') {
        const name = decodeURIComponent(segments[1]);
        const cluster = this.clusters.get(name);
        if (method !== 'GET' && method !== 'POST') {
          req.resume();
          sendJson(res, 405, {
            error: `${method} is not supported; use GET or POST`,
          });
          return;
        }
        if (!cluster) {
          req.resume();
          sendJson(res, 404, { error: `there is no cluster "${name}"` });
          return;
        }
        if (method === 'GET') {
          req.resume();
          sendJson(res, 200, cluster.status());
          return;
        }
        const text = await readBody(req);
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          sendJson(res, 400, { error: 'the body is not JSON' });
          return;
        }
        await this.update(name, validatePatch(body, 'body'));
        sendJson(res, 200, cluster.status());
        return;
      }
      req.resume();
      sendJson(res, 404, {
        error: `no route ${method} ${url.pathname}; try GET /clusters`,
      });
    } catch (error) {
      if (error instanceof InvalidSpecError) {
        sendJson(res, 400, { error: error.message });
      } else {
        sendJson(res, 500, { error: String(error) });
      }
    }
  }
}
