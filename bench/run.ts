/**
 * Runs one benchmark by name, or all of them:
 *
 *   yarn bench                      every benchmark
 *   yarn bench environments-parse   one, with its own arguments after it
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const [name, ...args] = process.argv.slice(2);
const all = readdirSync(__dirname)
  .filter(f => f.endsWith('.ts') && f !== 'run.ts')
  .map(f => f.replace(/\.ts$/, ''));
const selected = name ? [name] : all;
for (const bench of selected) {
  if (!all.includes(bench)) {
    console.error(`No benchmark "${bench}"; there are: ${all.join(', ')}`);
    process.exit(2);
  }
  execFileSync(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      join(__dirname, `${bench}.ts`),
      ...args,
    ],
    { stdio: 'inherit' },
  );
}
