/**
 * The sample fleet and the sample SLO definitions of the repository, read
 * with the suite's own parsers.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  formatProblem,
  parseEnvironments,
  type Environment,
} from '@multicloud/plugin-environments-common';
import {
  parseSloDocuments,
  type SloParseResult,
} from '@multicloud/plugin-slo-common';

/** A fleet file such as `config/environments.yaml`, parsed; throws when it has no usable environments. */
export function readSampleFleet(path: string): Environment[] {
  const parsed = parseEnvironments(readFileSync(path, 'utf8'), { file: path });
  if (parsed.fatal) {
    throw new Error(
      `${path} has no usable list of environments: ${parsed.problems
        .map(formatProblem)
        .join('; ')}`,
    );
  }
  return parsed.environments;
}

/** Every YAML file of a folder such as `config/slos`, resolved together as the SLO backend reads them. */
export function readSampleDefinitions(dir: string): SloParseResult {
  return parseSloDocuments(
    readdirSync(dir)
      .filter(name => /\.ya?ml$/.test(name))
      .sort()
      .map(name => ({
        file: join(dir, name),
        text: readFileSync(join(dir, name), 'utf8'),
      })),
  );
}
