import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** The SLO backend (`/api/slo`). */
  slo?: {
    /** Where the SLO definitions (OpenSLO v1, Sloth `prometheus/v1`) are read from. */
    definitions?: {
      /**
       * Files of SLO definitions on the backend's disk, relative to its
       * working directory.
       * @visibility backend
       */
      files?: string[];
      /**
       * Folders on the backend's disk, read recursively for `.yaml` and
       * `.yml` files, relative to its working directory.
       * @visibility backend
       */
      directories?: string[];
      /**
       * URLs of SLO definition files, read through the backend's
       * integrations (`integrations.*`, `backend.reading.allow`).
       * @visibility backend
       */
      urls?: string[];
      /**
       * Also read the locations named by catalog entities in their
       * `multicloud.io/slo-definitions` annotation. Default true.
       * @visibility backend
       */
      catalog?: boolean;
      /**
       * When the sources are read again. Default every 5 minutes, first 10
       * seconds after startup (a request before that reads them itself).
       * Every replica reads them itself.
       * @visibility backend
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /**
     * Where the series of each environment are. Without this section, each
     * enabled environment of the fleet file is asked at its
     * `observability.prometheus_url`.
     */
    prometheus?: {
      /**
       * One Prometheus (or Thanos, Mimir, any Prometheus-compatible query
       * API) for every environment. When set, it wins over the URLs of the
       * fleet file; queries are restricted to each environment by
       * `environmentLabel`.
       * @visibility backend
       */
      url?: string;
      /**
       * The label that names the environment of a series in the shared
       * Prometheus. Default `environment`.
       * @visibility backend
       */
      environmentLabel?: string;
      /**
       * Whether the `observability.prometheus_url` of each environment in the
       * fleet file is asked. Default true; set false where the file's URLs
       * are placeholders or unreachable from the portal (SLOs then say how
       * to connect a Prometheus instead of timing out).
       * @visibility backend
       */
      fleetFileUrls?: boolean;
      /**
       * Headers sent to every Prometheus without its own (a tenant header
       * of Mimir or Cortex, say).
       * @visibility secret
       */
      headers?: { [name: string]: string };
      /**
       * Bearer token sent to every Prometheus without its own.
       * @visibility secret
       */
      bearerToken?: string;
      /**
       * How long one query may take before Prometheus counts as
       * unavailable. Default 5 seconds.
       * @visibility backend
       */
      timeout?: HumanDuration;
      /**
       * Queries in flight at once per Prometheus. Default 8.
       * @visibility backend
       */
      concurrency?: number;
      /**
       * How long an evaluation is served before it is refreshed (in the
       * background; the previous one is served meanwhile). Default 60
       * seconds.
       * @visibility backend
       */
      cacheTtl?: HumanDuration;
      /**
       * Per environment, by name: its own Prometheus or credentials. Without
       * a fleet file, the environments named here are the ones SLOs are
       * evaluated in.
       */
      environments?: {
        [environmentName: string]: {
          /**
           * Prometheus of this environment; wins over `url` and the fleet file.
           * @visibility backend
           */
          url?: string;
          /**
           * Set when this Prometheus also holds other environments: the
           * label that names them.
           * @visibility backend
           */
          environmentLabel?: string;
          /** @visibility secret */
          headers?: { [name: string]: string };
          /** @visibility secret */
          bearerToken?: string;
          /** @visibility backend */
          timeout?: HumanDuration;
        };
      };
    };
  };
}
