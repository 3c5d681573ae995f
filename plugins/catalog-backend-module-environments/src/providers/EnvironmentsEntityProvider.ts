import { resolve as resolvePath } from 'node:path';
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type LoggerService,
  type SchedulerService,
  type SchedulerServiceTaskRunner,
  type UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError, stringifyError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import type {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  formatProblem,
  parseEnvironments,
  type ParseEnvironmentsResult,
} from '@multicloud/plugin-environments-common';
import {
  isUrlTarget,
  readEnvironmentsTarget,
} from '@multicloud/plugin-environments-node';
import {
  environmentsFileToEntity,
  environmentToEntity,
  type MappingContext,
} from './mapping';

/** One configured source of environments.yaml. */
export interface EnvironmentsSource {
  id: string;
  /** A local path or a URL. */
  target: string;
  defaultOwner: string;
  system?: string;
  namespace: string;
}

/** Reads the text of a target; replaced in tests. */
export type ReadTarget = (target: string) => Promise<string>;

const DEFAULT_SCHEDULE = {
  frequency: { seconds: 30 },
  timeout: { minutes: 1 },
  initialDelay: { seconds: 1 },
};

/**
 * Imports every environment of one environments.yaml as a catalog Resource,
 * plus one Resource for the file that carries its problems.
 */
export class EnvironmentsEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private readonly logger: LoggerService;
  private readonly ctx: MappingContext;

  static fromConfig(
    config: Config,
    deps: {
      logger: LoggerService;
      scheduler: SchedulerService;
      urlReader: UrlReaderService;
      readTarget?: ReadTarget;
    },
  ): EnvironmentsEntityProvider[] {
    const sources = config.getOptionalConfig('catalog.providers.environments');
    if (!sources) return [];
    return sources.keys().map(id => {
      const sourceConfig = sources.getConfig(id);
      if (!/^[a-z0-9][a-z0-9-]*$/i.test(id)) {
        throw new InputError(
          `catalog.providers.environments.${id}: the source id must be letters, digits and "-"`,
        );
      }
      const source: EnvironmentsSource = {
        id,
        target: sourceConfig.getString('target'),
        defaultOwner:
          sourceConfig.getOptionalString('defaultOwner') ??
          'group:default/platform-team',
        system: sourceConfig.getOptionalString('system'),
        namespace: sourceConfig.getOptionalString('namespace') ?? 'default',
      };
      const schedule = sourceConfig.has('schedule')
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
            sourceConfig.getConfig('schedule'),
          )
        : DEFAULT_SCHEDULE;
      const readTarget =
        deps.readTarget ?? (t => readEnvironmentsTarget(t, deps.urlReader));
      return new EnvironmentsEntityProvider(
        source,
        deps.logger,
        deps.scheduler.createScheduledTaskRunner(schedule),
        readTarget,
      );
    });
  }

  private constructor(
    private readonly source: EnvironmentsSource,
    logger: LoggerService,
    private readonly taskRunner: SchedulerServiceTaskRunner,
    private readonly readTarget: ReadTarget,
  ) {
    this.logger = logger.child({ provider: this.getProviderName() });
    const url = isUrlTarget(source.target);
    const location = url ? source.target : resolvePath(source.target);
    this.ctx = {
      sourceId: source.id,
      locationKey: `${url ? 'url' : 'file'}:${location}`,
      viewUrl: url ? source.target : undefined,
      namespace: source.namespace,
      defaultOwner: source.defaultOwner,
      system: source.system,
    };
  }

  getProviderName(): string {
    return `environments-provider:${this.source.id}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async () => {
        try {
          await this.refresh();
        } catch (error) {
          // The next run retries; the catalog keeps what it has.
          this.logger.error(
            `Could not import environments from ${
              this.source.target
            }: ${stringifyError(error)}`,
          );
        }
      },
    });
  }

  /** Reads the file once and applies what it holds. */
  async refresh(): Promise<ParseEnvironmentsResult> {
    if (!this.connection) {
      throw new Error(`${this.getProviderName()} is not connected yet`);
    }
    const readAt = new Date();
    let text: string;
    try {
      text = await this.readTarget(this.source.target);
    } catch (error) {
      const result: ParseEnvironmentsResult = {
        file: this.source.target,
        environments: [],
        locations: {},
        skipped: [],
        fatal: true,
        problems: [
          {
            severity: 'error',
            file: this.source.target,
            line: 1,
            column: 1,
            path: '',
            message: `cannot be read: ${stringifyError(
              error,
            )}; the catalog keeps the environments of the last good read`,
          },
        ],
      };
      await this.applyFileOnly(result, readAt);
      throw error;
    }

    const result = parseEnvironments(text, { file: this.source.target });
    for (const problem of result.problems) {
      const log = problem.severity === 'error' ? 'warn' : 'info';
      this.logger[log](formatProblem(problem));
    }

    if (result.fatal) {
      // Keep the last good state: only the file entity changes, so the
      // environments stay as they were and the problem shows in the portal.
      await this.applyFileOnly(result, readAt);
      return result;
    }

    const admin = result.environments.find(
      e => e.role === 'admin' && e.enabled,
    );
    const entities: Entity[] = result.environments.map(env =>
      environmentToEntity(env, this.ctx, {
        admin,
        line: result.locations[env.name]?.line,
      }),
    );
    entities.push(
      environmentsFileToEntity(result, this.ctx, this.source.target, readAt),
    );
    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => this.deferred(entity)),
    });
    const skipped = result.skipped.length
      ? `; skipped ${result.skipped.length} with errors`
      : '';
    this.logger.info(
      `Imported ${result.environments.length} environments from ${this.source.target}${skipped}`,
    );
    return result;
  }

  private async applyFileOnly(result: ParseEnvironmentsResult, readAt: Date) {
    await this.connection!.applyMutation({
      type: 'delta',
      added: [
        this.deferred(
          environmentsFileToEntity(
            result,
            this.ctx,
            this.source.target,
            readAt,
          ),
        ),
      ],
      removed: [],
    });
  }

  private deferred(entity: Entity): DeferredEntity {
    return {
      entity,
      locationKey: this.getProviderName(),
    };
  }
}
