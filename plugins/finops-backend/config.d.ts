import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

export interface Config {
  finops?: {
    /** Ingestion of FOCUS cost and usage exports. */
    focus?: {
      /**
       * Folders of FOCUS exports on the backend's disk, read recursively for
       * `.csv`, `.csv.gz` and `.parquet` files. Relative paths are resolved
       * against the working directory of the backend.
       * @visibility backend
       */
      directories?: string[];
      /**
       * FOCUS exports read through the backend's UrlReader (the hosts of
       * `integrations`, or those `backend.reading.allow` lets through): a
       * URL whose path ends in `.csv`, `.csv.gz` or `.parquet` is one file;
       * a URL with a `*` in its path is a glob (the reader's search); any
       * other URL is a folder, read as a tree for the exports in it. Each
       * file is keyed by its URL.
       * @visibility backend
       */
      locations?: string[];
      /**
       * When the folders and locations are ingested. Default every 10
       * minutes, starting a few seconds after the backend.
       * @visibility backend
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /**
     * In-cluster costs from the OpenCost of each Kubernetes environment of
     * `environments.file`, per day, namespace and workload. Without this
     * key, OpenCost is not read.
     */
    opencost?: {
      /**
       * Reach each cluster's OpenCost through its Kubernetes API server's
       * service proxy, at
       * `<api server>/api/v1/namespaces/<namespace>/services/<service>:<port>/proxy`,
       * with the URL and service account token of
       * `environments.clusters.overrides.<name>` (the ones the Kubernetes
       * plugin uses) or the `api_server` of the fleet file. Without it,
       * only clusters with a `baseUrl` are read.
       * @visibility backend
       */
      serviceProxy?: {
        /** Default `opencost`. */
        namespace?: string;
        /** Default `opencost`. */
        service?: string;
        /** Port number or name of the service; default 9003. */
        port?: number | string;
      };
      /**
       * Settings of single clusters, by environment name.
       * @visibility backend
       */
      clusters?: {
        [environment: string]: {
          /**
           * OpenCost's API reached directly (an ingress, a load balancer)
           * rather than through the API server, e.g.
           * `https://opencost.useast1.example.com`.
           * @visibility backend
           */
          baseUrl?: string;
          /**
           * Bearer token sent to `baseUrl`, or to the API server instead of
           * the override's service account token.
           * @visibility secret
           */
          token?: string;
          /**
           * ISO 4217 code of this cluster's OpenCost prices.
           * @visibility backend
           */
          currency?: string;
          /**
           * False leaves the cluster out. Default true.
           * @visibility backend
           */
          enabled?: boolean;
        };
      };
      /**
       * ISO 4217 code of the prices OpenCost is configured with (its
       * answers do not say). Default `USD`.
       * @visibility backend
       */
      currency?: string;
      /**
       * Days pulled on each run, today (UTC) included; each run replaces
       * those days and keeps the older ones. From 1 to 90, default 3.
       * @visibility backend
       */
      days?: number;
      /**
       * How long one cluster may take to answer. Default 30 seconds.
       * @visibility backend
       */
      requestTimeout?: HumanDuration | string;
      /**
       * When OpenCost is read. Default every hour, starting 10 seconds
       * after the backend.
       * @visibility backend
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
