import { HumanDuration } from '@backstage/types';

export interface Config {
  environments?: {
    /** Probing of the clusters for the fleet status API. */
    status?: {
      /**
       * How often every cluster is probed in the background. Default 30 seconds.
       * @visibility backend
       */
      frequency?: HumanDuration;
      /**
       * How long one cluster may take to answer before it counts as
       * unreachable. Default 5 seconds.
       * @visibility backend
       */
      timeout?: HumanDuration;
      /**
       * How many clusters are probed at once. Default 32.
       * @visibility backend
       */
      concurrency?: number;
      /**
       * Kubernetes minors the views treat as supported, oldest first; by
       * default the ones upstream supports as of this release.
       * @visibility frontend
       */
      supportedVersions?: string[];
    };
  };
}
