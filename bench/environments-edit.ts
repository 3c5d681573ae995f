/**
 * Add a region to a generated environments.yaml of 10,000 environments with
 * the scaffolder action's editor (byte-preserving splice, then validation of
 * the whole file), against a plain yaml parse + stringify round trip of the
 * same file (which would not even keep its formatting). Each variant runs in
 * its own process.
 *
 *   yarn bench environments-edit [count]
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as yamlParse, stringify as yamlStringify } from 'yaml';
import {
  adminOf,
  pickFreeNetwork,
} from '@multicloud/plugin-environments-common';
import { EnvironmentsDocument } from '@multicloud/plugin-environments-node';
import { generateFleet } from './lib/fleet';
import { measureInChild, report, timeRuns } from './lib/measure';

const [mode, variant, file] = process.argv.slice(2);

if (mode === 'child') {
  const text = readFileSync(file, 'utf8');
  const run =
    variant === 'floor'
      ? () => {
          const data = yamlParse(text);
          data.environments.push({ name: 'workload-aws-euwest1' });
          return yamlStringify(data);
        }
      : () => {
          const document = EnvironmentsDocument.parse(text, { file });
          const fleet = document.parsed.environments;
          document.addEnvironment({
            name: 'workload-aws-bench',
            role: 'workload',
            provider: 'aws',
            type: 'cloud',
            region: 'eu-west-1',
            infrastructure: {
              kubernetes: {
                provider: 'eks',
                version: adminOf(fleet)!.infrastructure!.kubernetes!.version,
                node_pools: { system: { count: 3, vm_size: 'm6i.xlarge' } },
              },
              network: {
                cidr: pickFreeNetwork(fleet, { pool: '172.16.0.0/12' })!,
              },
            },
          });
          return document.commit().text;
        };
  console.log(JSON.stringify(timeRuns(run)));
} else {
  const count = Number(mode ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'bench-edit-'));
  const path = join(dir, 'environments.yaml');
  const text = generateFleet(count);
  writeFileSync(path, text);
  const ours = measureInChild(__filename, ['child', 'ours', path]);
  const floor = measureInChild(__filename, ['child', 'floor', path]);
  report(
    `add a region to environments.yaml with ${count.toLocaleString(
      'en',
    )} environments (${(text.length / 1e6).toFixed(1)} MB), median of 5 runs`,
    { label: 'parse + add (byte-preserving) + validate', m: ours },
    { label: 'yaml parse + stringify round trip (floor)', m: floor },
  );
}
