import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type LoggerService,
  type SchedulerServiceTaskScheduleDefinition,
  type UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { stringifyError } from '@backstage/errors';
import type { Environment } from '@multicloud/plugin-environments-common';
import type { CostStore } from '../database/CostStore';
import {
  ingestFocusDirectories,
  type IngestFocusDirectoriesResult,
} from './ingestFocusDirectories';
import { ingestFocusLocations } from './ingestFocusLocations';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 5 },
};

/**
 * One run of ingestion of the FOCUS exports of `finops.focus`: the folders
 * of `directories` on the backend's disk, then the URLs of `locations`.
 */
export class FocusIngestion {
  /** `undefined` when `finops.focus` names no folder and no location. */
  static fromConfig(
    config: Config,
    deps: {
      store: CostStore;
      urlReader: UrlReaderService;
      logger: LoggerService;
      environments: () => Promise<Environment[]>;
    },
  ): FocusIngestion | undefined {
    const focus = config.getOptionalConfig('finops.focus');
    const directories = focus?.getOptionalStringArray('directories') ?? [];
    const locations = focus?.getOptionalStringArray('locations') ?? [];
    if (directories.length === 0 && locations.length === 0) {
      return undefined;
    }
    const schedule = focus?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          focus.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE;
    return new FocusIngestion(directories, locations, schedule, deps);
  }

  /** ETags of the locations, so that unchanged ones are not downloaded. */
  readonly #etags = new Map<string, string>();

  private constructor(
    private readonly directories: string[],
    private readonly locations: string[],
    readonly schedule: SchedulerServiceTaskScheduleDefinition,
    private readonly deps: {
      store: CostStore;
      urlReader: UrlReaderService;
      logger: LoggerService;
      environments: () => Promise<Environment[]>;
    },
  ) {}

  /** Ingests every folder and location; logs instead of throwing. */
  async run(): Promise<IngestFocusDirectoriesResult | undefined> {
    const { store, urlReader, logger } = this.deps;
    try {
      const environments = await this.deps.environments();
      const local = await ingestFocusDirectories({
        directories: this.directories,
        environments,
        store,
        logger,
      });
      const remote = await ingestFocusLocations({
        locations: this.locations,
        urlReader,
        environments,
        store,
        logger,
        etags: this.#etags,
      });
      const result: IngestFocusDirectoriesResult = {
        ingested: [...local.ingested, ...remote.ingested],
        unchanged: [...local.unchanged, ...remote.unchanged],
        failed: [...local.failed, ...remote.failed],
      };
      logger.info(
        `FOCUS ingestion: ${result.ingested.length} ingested, ${result.unchanged.length} unchanged, ${result.failed.length} failed`,
      );
      return result;
    } catch (error) {
      logger.error(`FOCUS ingestion failed: ${stringifyError(error)}`);
      return undefined;
    }
  }
}
