import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import type {
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { stringifyError } from '@backstage/errors';
import {
  formatProblem,
  parseEnvironments,
  type ParseEnvironmentsResult,
} from '@multicloud/plugin-environments-common';

/** True when a target is read through the UrlReader rather than from disk. */
export function isUrlTarget(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

/**
 * Reads the text of environments.yaml from a local path (relative to the
 * working directory) or a URL read through the backend's integrations.
 */
export async function readEnvironmentsTarget(
  target: string,
  urlReader: UrlReaderService,
): Promise<string> {
  if (isUrlTarget(target)) {
    const response = await urlReader.readUrl(target);
    return (await response.buffer()).toString('utf8');
  }
  return readFile(resolvePath(target), 'utf8');
}

const FILE_KEY = 'environments.file';

/**
 * The fleet file as the backend plugins other than the catalog read it
 * (`environments.file`). Keeps the last good read: a file that becomes
 * unreadable or stops being YAML leaves the last good environments in
 * place, with the new problems alongside.
 */
export class EnvironmentsFileSource {
  static fromConfig(
    config: Config,
    deps: {
      urlReader: UrlReaderService;
      logger: LoggerService;
      read?: (target: string) => Promise<string>;
    },
  ): EnvironmentsFileSource {
    const target = config.getString(FILE_KEY);
    return new EnvironmentsFileSource(
      target,
      deps.read ?? (t => readEnvironmentsTarget(t, deps.urlReader)),
      deps.logger,
    );
  }

  #lastGood?: ParseEnvironmentsResult;

  private constructor(
    readonly target: string,
    private readonly readText: (target: string) => Promise<string>,
    private readonly logger: LoggerService,
  ) {}

  /** Reads and parses the file now. */
  async read(): Promise<ParseEnvironmentsResult> {
    let result: ParseEnvironmentsResult;
    try {
      result = parseEnvironments(await this.readText(this.target), {
        file: this.target,
      });
    } catch (error) {
      result = {
        file: this.target,
        environments: [],
        locations: {},
        skipped: [],
        fatal: true,
        problems: [
          {
            severity: 'error',
            file: this.target,
            line: 1,
            column: 1,
            path: '',
            message: `cannot be read: ${stringifyError(error)}`,
          },
        ],
      };
    }
    if (!result.fatal) {
      this.#lastGood = result;
      return result;
    }
    this.logger.warn(
      `Keeping the last good read of ${this.target}: ${result.problems
        .map(formatProblem)
        .join('; ')}`,
    );
    return this.#lastGood
      ? { ...this.#lastGood, problems: result.problems, fatal: true }
      : result;
  }
}

/**
 * How to reach one cluster when it differs from `api_server` in the file: a
 * bastion, a private endpoint, or the simulator of the embedded defaults.
 * Credentials here come from app-config, never from the file.
 */
export interface ClusterOverride {
  url?: string;
  authProvider?: string;
  serviceAccountToken?: string;
  skipTLSVerify?: boolean;
  skipMetricsLookup?: boolean;
  caData?: string;
}

/** `environments.clusters`: overrides by environment name, and whether they are simulated. */
export function readClusterSettings(config: Config): {
  overrides: Record<string, ClusterOverride>;
  simulated: boolean;
} {
  const clusters = config.getOptionalConfig('environments.clusters');
  const overrides: Record<string, ClusterOverride> = {};
  const overridesConfig = clusters?.getOptionalConfig('overrides');
  for (const name of overridesConfig?.keys() ?? []) {
    const c = overridesConfig!.getConfig(name);
    overrides[name] = {
      url: c.getOptionalString('url'),
      authProvider: c.getOptionalString('authProvider'),
      serviceAccountToken: c.getOptionalString('serviceAccountToken'),
      skipTLSVerify: c.getOptionalBoolean('skipTLSVerify'),
      skipMetricsLookup: c.getOptionalBoolean('skipMetricsLookup'),
      caData: c.getOptionalString('caData'),
    };
  }
  return {
    overrides,
    simulated: clusters?.getOptionalBoolean('simulated') ?? false,
  };
}
