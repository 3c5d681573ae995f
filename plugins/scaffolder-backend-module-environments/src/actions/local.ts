import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { ConflictError, NotAllowedError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { DEFAULT_FLEET_FILE } from './fleetFile';

const LOCAL_FILE_KEY = 'environments.localFile';

function sha256(text: string) {
  return createHash('sha256').update(text).digest('hex');
}

function localFile(config: Config): string {
  const file = config.getOptionalString(LOCAL_FILE_KEY);
  if (!file) {
    throw new NotAllowedError(
      `Local mode is off on this portal (${LOCAL_FILE_KEY} is not set): choose "pull request" to propose the change to the infrastructure repository`,
    );
  }
  return resolve(file);
}

/**
 * `environments:local:fetch`: copies the portal's own environments.yaml
 * into the workspace. For a portal that runs on its embedded defaults, where
 * there is no infrastructure repository to fetch from.
 */
export function createLocalFetchAction(options: { config: Config }) {
  return createTemplateAction({
    id: 'environments:local:fetch',
    description: `Copies the portal's own environments.yaml (${LOCAL_FILE_KEY}) into the workspace; only when local mode is configured`,
    supportsDryRun: true,
    examples: [
      {
        description: 'Fetch the local fleet file',
        example: yaml.stringify({
          steps: [
            {
              id: 'fetch-local',
              action: 'environments:local:fetch',
              name: 'Fetch',
            },
          ],
        }),
      },
    ],
    schema: {
      input: {
        targetPath: z =>
          z
            .string({
              description: `Where to put it in the workspace (default ${DEFAULT_FLEET_FILE})`,
            })
            .optional(),
      },
      output: {
        hash: z =>
          z.string({
            description: 'SHA-256 of what was fetched, for the publish step',
          }),
      },
    },
    async handler(ctx) {
      const source = localFile(options.config);
      const text = await readFile(source, 'utf8');
      const target = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.targetPath ?? DEFAULT_FLEET_FILE,
      );
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text, 'utf8');
      ctx.logger.info(`Fetched ${source}`);
      ctx.output('hash', sha256(text));
    },
  });
}

/**
 * `environments:local:publish`: writes the edited environments.yaml back to
 * the portal's own file, which the catalog reads, so the change shows in the
 * catalog at its next read. Refuses when the file changed since the fetch.
 */
export function createLocalPublishAction(options: { config: Config }) {
  return createTemplateAction({
    id: 'environments:local:publish',
    description: `Writes environments.yaml from the workspace back to the portal's own file (${LOCAL_FILE_KEY}); only when local mode is configured`,
    supportsDryRun: true,
    examples: [
      {
        description: 'Publish the edited file locally',
        example: yaml.stringify({
          steps: [
            {
              id: 'publish-local',
              action: 'environments:local:publish',
              name: 'Publish',
              input: {
                expectedHash: "${{ steps['fetch-local'].output.hash }}",
              },
            },
          ],
        }),
      },
    ],
    schema: {
      input: {
        sourcePath: z =>
          z
            .string({
              description: `The file in the workspace (default ${DEFAULT_FLEET_FILE})`,
            })
            .optional(),
        expectedHash: z =>
          z
            .string({ description: 'The hash the fetch step output' })
            .optional(),
      },
      output: {
        path: z => z.string({ description: 'The file that was written' }),
      },
    },
    async handler(ctx) {
      const target = localFile(options.config);
      const source = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.sourcePath ?? DEFAULT_FLEET_FILE,
      );
      const text = await readFile(source, 'utf8');
      const current = await readFile(target, 'utf8');
      if (
        ctx.input.expectedHash &&
        sha256(current) !== ctx.input.expectedHash
      ) {
        throw new ConflictError(
          `${target} changed since this task read it; run the template again so the change applies to the current file`,
        );
      }
      ctx.output('path', target);
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would write ${target}`);
        return;
      }
      await writeFile(target, text, 'utf8');
      ctx.logger.info(
        `Wrote ${target}; the catalog shows the change at its next read`,
      );
    },
  });
}
