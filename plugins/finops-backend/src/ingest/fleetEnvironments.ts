import type {
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  formatProblem,
  type Environment,
} from '@multicloud/plugin-environments-common';
import { EnvironmentsFileSource } from '@multicloud/plugin-environments-node';

/**
 * The environments of `environments.file` (a path or a URL read through the
 * UrlReader), read again on each call so that costs follow the fleet. A file
 * that becomes unreadable leaves its last good environments in place;
 * without a file every cost is unattributed.
 */
export function fleetEnvironments(
  config: Config,
  deps: {
    urlReader: UrlReaderService;
    logger: LoggerService;
    read?: (target: string) => Promise<string>;
  },
): () => Promise<Environment[]> {
  if (!config.has('environments.file')) {
    deps.logger.warn(
      'environments.file is not set; every cost stays unattributed',
    );
    return async () => [];
  }
  const source = EnvironmentsFileSource.fromConfig(config, deps);
  return async () => {
    const result = await source.read();
    if (!result.fatal) {
      for (const problem of result.problems) {
        deps.logger.warn(formatProblem(problem));
      }
    }
    return result.environments;
  };
}
