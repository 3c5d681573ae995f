import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * Sources of environments.yaml, by id. Each source becomes one entity
       * provider named `environments-provider:<id>`.
       */
      environments?: {
        [sourceId: string]: {
          /**
           * Where the file is: a local path (relative to the backend's working
           * directory) or a URL read through the configured integrations, such
           * as a file in a Git host.
           * @visibility backend
           */
          target: string;
          /**
           * Owner of environments that do not name one, as an entity ref.
           * @visibility backend
           */
          defaultOwner?: string;
          /**
           * System the environment entities belong to, as an entity ref.
           * @visibility backend
           */
          system?: string;
          /**
           * Catalog namespace of the entities. Defaults to `default`.
           * @visibility backend
           */
          namespace?: string;
          /**
           * How often to read the file. Defaults to every 30 seconds, with a
           * timeout of 1 minute.
           * @visibility backend
           */
          schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        };
      };
    };
  };
}
