import type {
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { stringifyError } from '@backstage/errors';
import type { Environment } from '@multicloud/plugin-environments-common';
import { readClusterSettings } from '@multicloud/plugin-environments-node';
import type { CostStore } from '../database/CostStore';
import { readOpenCostConfig, type OpenCostConfig } from './config';
import { ingestOpenCost, type IngestOpenCostResult } from './ingestOpenCost';
import { OpenCostClient, type HttpGet } from './OpenCostClient';
import { openCostTargets } from './targets';

/**
 * One run of ingestion of the OpenCost of every cluster of the fleet that
 * `finops.opencost` reaches.
 */
export class OpenCostIngestion {
  /** `undefined` when `finops.opencost` is not set. */
  static fromConfig(
    config: Config,
    deps: {
      store: CostStore;
      logger: LoggerService;
      environments: () => Promise<Environment[]>;
      httpGet?: HttpGet;
      now?: () => Date;
    },
  ): OpenCostIngestion | undefined {
    const openCost = readOpenCostConfig(config);
    if (!openCost) {
      return undefined;
    }
    const client = OpenCostClient.create({
      httpGet: deps.httpGet,
      timeoutMs: openCost.requestTimeoutMs,
    });
    return new OpenCostIngestion(config, openCost, client, deps);
  }

  private constructor(
    private readonly config: Config,
    private readonly openCost: OpenCostConfig,
    private readonly client: OpenCostClient,
    private readonly deps: {
      store: CostStore;
      logger: LoggerService;
      environments: () => Promise<Environment[]>;
      now?: () => Date;
    },
  ) {}

  get schedule(): SchedulerServiceTaskScheduleDefinition {
    return this.openCost.schedule;
  }

  /** Pulls every cluster; logs instead of throwing. */
  async run(): Promise<IngestOpenCostResult | undefined> {
    const { logger } = this.deps;
    try {
      const { targets, skipped } = openCostTargets(
        await this.deps.environments(),
        this.openCost,
        readClusterSettings(this.config).overrides,
      );
      for (const { environment, reason } of skipped) {
        logger.warn(`OpenCost of ${environment} is not pulled: ${reason}`);
      }
      const result = await ingestOpenCost({
        targets,
        client: this.client,
        store: this.deps.store,
        logger,
        days: this.openCost.days,
        now: this.deps.now,
      });
      logger.info(
        `OpenCost ingestion: ${result.ingested.length} ingested, ${result.unchanged.length} unchanged, ${result.failed.length} failed`,
      );
      return result;
    } catch (error) {
      logger.error(`OpenCost ingestion failed: ${stringifyError(error)}`);
      return undefined;
    }
  }
}
