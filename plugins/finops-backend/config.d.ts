import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  finops?: {
    /** Ingestion of FOCUS cost and usage exports. */
    focus?: {
      /**
       * Folders of FOCUS exports on the backend's disk, read recursively for
       * `.csv` and `.csv.gz` files. Relative paths are resolved against the
       * working directory of the backend.
       * @visibility backend
       */
      directories?: string[];
      /**
       * When the folders are ingested. Default every 10 minutes, starting a
       * few seconds after the backend.
       * @visibility backend
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
