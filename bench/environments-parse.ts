/**
 * Parse, validate and map a generated environments.yaml of 10,000
 * environments into catalog entities, against `yaml.parse` of the same file
 * alone (the floor). Each variant runs in its own process.
 *
 *   yarn bench environments-parse [count]
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as yamlParse } from 'yaml';
import { parseEnvironments } from '@multicloud/plugin-environments-common';
import { environmentToEntity } from '../plugins/catalog-backend-module-environments/src/providers/mapping';
import { generateFleet } from './lib/fleet';
import { measureInChild, report, timeRuns } from './lib/measure';

const [mode, variant, file] = process.argv.slice(2);

if (mode === 'child') {
  const text = readFileSync(file, 'utf8');
  const ctx = {
    sourceId: 'bench',
    locationKey: `file:${file}`,
    namespace: 'default',
    defaultOwner: 'group:default/platform-team',
    system: 'system:default/multicloud-fleet',
  };
  const run =
    variant === 'floor'
      ? () => yamlParse(text)
      : () => {
          const result = parseEnvironments(text, { file });
          if (result.problems.some(p => p.severity === 'error')) {
            throw new Error(
              `generated fleet has errors: ${result.problems[0].message}`,
            );
          }
          const admin = result.environments[0];
          return result.environments.map(env =>
            environmentToEntity(env, ctx, {
              admin,
              line: result.locations[env.name].line,
            }),
          );
        };
  console.log(JSON.stringify(timeRuns(run)));
} else {
  const count = Number(mode ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'bench-environments-'));
  const path = join(dir, 'environments.yaml');
  const text = generateFleet(count);
  writeFileSync(path, text);
  const ours = measureInChild(__filename, ['child', 'ours', path]);
  const floor = measureInChild(__filename, ['child', 'floor', path]);
  report(
    `environments.yaml with ${count.toLocaleString('en')} environments (${(
      text.length / 1e6
    ).toFixed(1)} MB), median of 5 runs`,
    { label: 'parse + validate + map to entities', m: ours },
    { label: 'yaml.parse alone (floor)', m: floor },
  );
}
