import { createHash } from 'node:crypto';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import type {
  Environment,
  ParseEnvironmentsResult,
} from '@multicloud/plugin-environments-common';
import {
  appliesToEnvironment,
  type SloDefinition,
  type SloProblem,
} from '@multicloud/plugin-slo-common';
import type { SloDefinitionSet } from '../sources/SloDefinitionSources';

/** An environment SLOs can be evaluated in, with its entry of the fleet file when there is one. */
export interface SloEnvironment {
  name: string;
  fleetEntry?: Environment;
}

/** What the SLOs are and where they run, as of the last read of the sources. */
export interface SloSnapshot {
  definitions: SloDefinition[];
  problems: SloProblem[];
  /** Enabled environments, in fleet order. */
  environments: SloEnvironment[];
  /** Changes whenever the definitions or the environments change. */
  version: string;
}

/**
 * Holds the SLO definitions and the environments of the fleet as last read.
 * Reads happen on a schedule (`refresh`); the first request before the first
 * read waits for it. Every replica holds its own copy, rebuilt from the
 * sources.
 */
export class SloRegistry {
  static create(deps: {
    definitions: { read(): Promise<SloDefinitionSet> };
    /** The fleet file; absent when `environments.file` is not set. */
    fleet?: { target: string; read(): Promise<ParseEnvironmentsResult> };
    /** Environments named under `slo.prometheus.environments`, used without a fleet file. */
    configuredEnvironments: string[];
    logger: LoggerService;
  }): SloRegistry {
    return new SloRegistry(deps);
  }

  #snapshot?: SloSnapshot;
  #reading?: Promise<SloSnapshot>;

  private constructor(
    private readonly deps: {
      definitions: { read(): Promise<SloDefinitionSet> };
      fleet?: { target: string; read(): Promise<ParseEnvironmentsResult> };
      configuredEnvironments: string[];
      logger: LoggerService;
    },
  ) {}

  /** The last snapshot; the first call waits for the first read. */
  async current(): Promise<SloSnapshot> {
    return this.#snapshot ?? this.refresh();
  }

  /** Reads every source again; concurrent calls share one read. */
  refresh(): Promise<SloSnapshot> {
    this.#reading ??= this.read().finally(() => {
      this.#reading = undefined;
    });
    return this.#reading;
  }

  private async read(): Promise<SloSnapshot> {
    const [set, fleet] = await Promise.all([
      this.deps.definitions.read(),
      this.readFleet(),
    ]);
    const problems = [...fleet.problems, ...set.problems];
    const version = createHash('sha256')
      .update(JSON.stringify([set.definitions, fleet.environments]))
      .digest('hex');
    const snapshot: SloSnapshot = {
      definitions: set.definitions,
      problems,
      environments: fleet.environments,
      version,
    };
    this.deps.logger.debug(
      `Read ${set.definitions.length} SLOs with ${problems.length} problems; ${fleet.environments.length} environments`,
    );
    this.#snapshot = snapshot;
    return snapshot;
  }

  private async readFleet(): Promise<{
    environments: SloEnvironment[];
    problems: SloProblem[];
  }> {
    const { fleet, configuredEnvironments } = this.deps;
    if (!fleet) {
      return {
        environments: configuredEnvironments.map(name => ({ name })),
        problems: [],
      };
    }
    let result: ParseEnvironmentsResult;
    try {
      result = await fleet.read();
    } catch (error) {
      return {
        environments: [],
        problems: [
          {
            file: fleet.target,
            severity: 'error',
            message: `the fleet file cannot be read, so no SLO is evaluated: ${stringifyError(
              error,
            )}`,
          },
        ],
      };
    }
    // Only what stops the file from being read matters here; the fleet's own
    // page reports the rest.
    const problems: SloProblem[] = result.fatal
      ? result.problems.map(p => ({
          file: p.file,
          line: p.line,
          column: p.column,
          ...(p.path ? { field: p.path } : {}),
          severity: 'warning' as const,
          message: `fleet file: ${p.message}`,
        }))
      : [];
    return {
      environments: result.environments
        .filter(e => e.enabled)
        .map(e => ({ name: e.name, fleetEntry: e })),
      problems,
    };
  }
}

/** The environments of the snapshot the SLO is evaluated in. */
export function environmentsOf(
  definition: SloDefinition,
  snapshot: Pick<SloSnapshot, 'environments'>,
): SloEnvironment[] {
  return snapshot.environments.filter(e =>
    appliesToEnvironment(definition, e.name),
  );
}
