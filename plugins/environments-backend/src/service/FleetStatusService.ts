import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  adminOf,
  environmentEntityRef,
  findRegion,
  formatProblem,
  isCloudProvider,
  type ClusterStatus,
  type Environment,
  type EnvironmentStatus,
  type FleetStatusResponse,
  type ParseEnvironmentsResult,
} from '@multicloud/plugin-environments-common';
import type {
  ClusterOverride,
  EnvironmentsFileSource,
} from '@multicloud/plugin-environments-node';
import type { ClusterProber } from './ClusterProber';
import type { StatusStore } from './StatusStore';

export interface FleetStatusOptions {
  timeoutMs: number;
  concurrency: number;
  simulated: boolean;
  supportedVersions: string[];
  /** How long a read of the fleet file serves requests before it is read again. */
  fileTtlMs?: number;
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const e = error as {
    name?: string;
    message?: string;
    cause?: { code?: string };
  };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return `did not answer within ${timeoutMs} ms`;
  }
  if (e?.cause?.code === 'ECONNREFUSED') return 'connection refused';
  return e?.message ?? String(error);
}

/** Runs `fn` over `items`, at most `limit` at a time. */
async function forEachLimited<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from(
    { length: Math.min(limit, items.length) },
    async () => {
      while (next < items.length) {
        await fn(items[next++]);
      }
    },
  );
  await Promise.all(workers);
}

/**
 * The live state of the fleet: probes every cluster of environments.yaml in
 * the background, each with its own timeout and at most `concurrency` at a
 * time, and keeps the results in the database so that every replica answers
 * from them in one request.
 */
export class FleetStatusService {
  #file?: { result: ParseEnvironmentsResult; readAt: number };
  readonly #inFlight = new Map<string, Promise<ClusterStatus>>();

  constructor(
    private readonly deps: {
      source: EnvironmentsFileSource;
      prober: ClusterProber;
      store: StatusStore;
      overrides: Record<string, ClusterOverride>;
      logger: LoggerService;
      options: FleetStatusOptions;
    },
  ) {}

  private async readFile(): Promise<ParseEnvironmentsResult> {
    const ttl = this.deps.options.fileTtlMs ?? 10_000;
    if (!this.#file || Date.now() - this.#file.readAt > ttl) {
      this.#file = {
        result: await this.deps.source.read(),
        readAt: Date.now(),
      };
    }
    return this.#file.result;
  }

  private probeable(env: Environment): boolean {
    return (
      env.enabled &&
      !!env.infrastructure?.kubernetes &&
      !!(
        this.deps.overrides[env.name]?.url ??
        env.infrastructure.kubernetes.api_server
      )
    );
  }

  /** Probes one cluster and stores the result; concurrent asks share one probe. */
  private probe(
    name: string,
    previous?: ClusterStatus,
  ): Promise<ClusterStatus> {
    const running = this.#inFlight.get(name);
    if (running) return running;
    const { timeoutMs } = this.deps.options;
    const promise = (async () => {
      const started = Date.now();
      let status: ClusterStatus;
      try {
        status = await this.deps.prober.probe(
          name,
          AbortSignal.timeout(timeoutMs),
        );
        status.lastSuccessAt = new Date().toISOString();
      } catch (error) {
        status = {
          // What was last known stays visible, marked by its age.
          ...previous,
          health: 'unreachable',
          reason: describeFailure(error, timeoutMs),
          latencyMs: Date.now() - started,
        };
      }
      status.checkedAt = new Date().toISOString();
      await this.deps.store.put(name, status);
      return status;
    })().finally(() => this.#inFlight.delete(name));
    this.#inFlight.set(name, promise);
    return promise;
  }

  /** One background round: probes every cluster, each result stored as it arrives. */
  async refreshAll(): Promise<{ probed: number; unreachable: number }> {
    const { environments } = await this.readFile();
    const known = await this.deps.store.getAll();
    const targets = environments.filter(e => this.probeable(e));
    let unreachable = 0;
    await forEachLimited(targets, this.deps.options.concurrency, async env => {
      const status = await this.probe(env.name, known.get(env.name));
      if (status.health === 'unreachable') unreachable++;
    });
    return { probed: targets.length, unreachable };
  }

  private toStatus(
    env: Environment,
    status: ClusterStatus | undefined,
  ): EnvironmentStatus {
    const k8s = env.infrastructure?.kubernetes;
    const region = isCloudProvider(env.provider)
      ? findRegion(env.provider, env.region)
      : undefined;
    let clusterStatus: ClusterStatus;
    if (!env.enabled) {
      clusterStatus = {
        health: 'disabled',
        reason: 'enabled: false in the fleet file',
      };
    } else if (!this.probeable(env)) {
      clusterStatus = {
        health: 'not-configured',
        reason: 'no infrastructure.kubernetes.api_server in the fleet file',
      };
    } else {
      clusterStatus = status ?? { health: 'pending', reason: 'not probed yet' };
    }
    return {
      name: env.name,
      entityRef: environmentEntityRef(env.name),
      provider: env.provider,
      region: env.region,
      regionName: region?.displayName ?? `site ${env.region}`,
      ...(region
        ? { latitude: region.latitude, longitude: region.longitude }
        : {}),
      role: env.role,
      type: env.type,
      enabled: env.enabled,
      ...(env.owner ? { owner: env.owner } : {}),
      ...(env.rollout ? { rolloutWave: env.rollout.wave } : {}),
      ...(k8s
        ? {
            kubernetes: {
              flavour: k8s.provider,
              version: k8s.version,
              ...(k8s.api_server ? { apiServer: k8s.api_server } : {}),
            },
          }
        : {}),
      status: clusterStatus,
    };
  }

  /**
   * The whole fleet in one answer. Clusters never probed are probed now, so
   * a cold page shows real data; the answer waits at most a second past the
   * probe timeout, and a dead cluster never holds up the others.
   */
  async getFleet(): Promise<FleetStatusResponse> {
    const file = await this.readFile();
    const known = await this.deps.store.getAll();
    const cold = file.environments.filter(
      e => this.probeable(e) && !known.has(e.name),
    );
    if (cold.length > 0) {
      const probed = forEachLimited(
        cold,
        this.deps.options.concurrency,
        async env => {
          known.set(env.name, await this.probe(env.name));
        },
      );
      // A cold page waits for the probes at most a second past the probe
      // timeout; what is still running then shows as pending, and lands in
      // the store for the next read.
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([
        probed,
        new Promise<void>(resolve => {
          waited = setTimeout(resolve, this.deps.options.timeoutMs + 1000);
        }),
      ]);
      clearTimeout(waited);
    }
    const admin = adminOf(file.environments);
    return {
      generatedAt: new Date().toISOString(),
      simulated: this.deps.options.simulated,
      supportedVersions: this.deps.options.supportedVersions,
      ...(admin?.infrastructure?.kubernetes?.version
        ? { adminVersion: admin.infrastructure.kubernetes.version }
        : {}),
      problems: file.problems.map(formatProblem),
      environments: file.environments.map(env =>
        this.toStatus(env, known.get(env.name)),
      ),
    };
  }

  async getEnvironment(name: string): Promise<EnvironmentStatus> {
    const file = await this.readFile();
    const env = file.environments.find(e => e.name === name);
    if (!env) {
      throw new NotFoundError(
        `There is no valid environment "${name}" in ${this.deps.source.target}`,
      );
    }
    const known = await this.deps.store.get(name);
    const status =
      known ?? (this.probeable(env) ? await this.probe(name) : undefined);
    return this.toStatus(env, status);
  }
}
