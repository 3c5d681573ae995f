export interface Config {
  environments?: {
    /**
     * Where environments.yaml is for the backend plugins that read it
     * outside the catalog (the Kubernetes cluster supplier, the fleet status
     * API): a local path relative to the backend's working directory, or a
     * URL read through the configured integrations.
     * @visibility backend
     */
    file?: string;
    clusters?: {
      /**
       * True when the overrides point at the Kubernetes API simulator of the
       * embedded defaults; the views say so.
       * @visibility frontend
       */
      simulated?: boolean;
      /**
       * How to reach a cluster when it differs from `api_server` in the file,
       * by environment name.
       */
      overrides?: {
        [environmentName: string]: {
          /** @visibility backend */
          url?: string;
          /** Kubernetes plugin auth provider, e.g. serviceAccount. @visibility backend */
          authProvider?: string;
          /** @visibility secret */
          serviceAccountToken?: string;
          /** @visibility backend */
          skipTLSVerify?: boolean;
          /** @visibility backend */
          skipMetricsLookup?: boolean;
          /** @visibility secret */
          caData?: string;
        };
      };
    };
  };
}
