import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type LoggerService,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { stringifyError } from '@backstage/errors';
import {
  formatProblem,
  parseEnvironments,
  type Environment,
} from '@multicloud/plugin-environments-common';
import { CostStore } from './database/CostStore';
import { ingestFocusDirectories } from './ingest/ingestFocusDirectories';
import { createRouter } from './service/router';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 5 },
};

/**
 * The environments of `environments.file`, read again at every run so that
 * charges follow the fleet. Only a local path (relative to the working
 * directory) is read for now; without a file every charge is unattributed.
 */
async function readEnvironments(
  config: Config,
  logger: LoggerService,
): Promise<Environment[]> {
  const target = config.getOptionalString('environments.file');
  if (!target) {
    logger.warn(
      'environments.file is not set; every charge stays unattributed',
    );
    return [];
  }
  if (/^https?:\/\//i.test(target)) {
    logger.warn(
      `environments.file ${target} is a URL, which FinOps does not read yet; every charge stays unattributed`,
    );
    return [];
  }
  try {
    const result = parseEnvironments(await readFile(resolve(target), 'utf8'), {
      file: target,
    });
    for (const problem of result.problems) {
      logger.warn(formatProblem(problem));
    }
    return result.environments;
  } catch (error) {
    logger.error(
      `Cannot read environments.file ${target}: ${stringifyError(
        error,
      )}; every charge stays unattributed`,
    );
    return [];
  }
}

/**
 * The FinOps backend (`/api/finops`): ingests the FOCUS exports of
 * `finops.focus.directories` into daily costs per environment and serves
 * them.
 */
export const finopsPlugin = createBackendPlugin({
  pluginId: 'finops',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init(deps) {
        const { config, logger } = deps;
        const store = await CostStore.create(await deps.database.getClient(), {
          skipMigrations: deps.database.migrations?.skip,
        });

        const focusConfig = config.getOptionalConfig('finops.focus');
        const directories =
          focusConfig?.getOptionalStringArray('directories') ?? [];
        const schedule = focusConfig?.has('schedule')
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              focusConfig.getConfig('schedule'),
            )
          : DEFAULT_SCHEDULE;

        if (directories.length === 0) {
          logger.info(
            'finops.focus.directories is not set; no FOCUS export is ingested',
          );
        } else {
          await deps.scheduler.scheduleTask({
            id: 'finops-focus:ingest',
            ...schedule,
            fn: async () => {
              const environments = await readEnvironments(config, logger);
              const { ingested, unchanged, failed } =
                await ingestFocusDirectories({
                  directories,
                  environments,
                  store,
                  logger,
                });
              logger.info(
                `FOCUS ingestion: ${ingested.length} ingested, ${unchanged.length} unchanged, ${failed.length} failed`,
              );
            },
          });
        }

        deps.httpRouter.use(
          await createRouter({ store, httpAuth: deps.httpAuth }),
        );
      },
    });
  },
});
