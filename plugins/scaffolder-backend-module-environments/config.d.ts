export interface Config {
  environments?: {
    /**
     * Local mode of the fleet templates: the `environments:local:fetch` and
     * `environments:local:publish` actions read and write this file (a path
     * relative to the backend's working directory) instead of a pull request
     * to the infrastructure repository. For a portal on a laptop; never set
     * it in production.
     * @visibility backend
     */
    localFile?: string;
  };
}
