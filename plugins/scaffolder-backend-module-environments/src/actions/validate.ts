import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { formatProblem } from '@multicloud/plugin-environments-common';
import yaml from 'yaml';
import { DEFAULT_FLEET_FILE, openFleetFile } from './fleetFile';

/** `environments:validate`: checks environments.yaml in the workspace with the one parser. */
export function createValidateAction() {
  return createTemplateAction({
    id: 'environments:validate',
    description:
      'Validates environments.yaml in the workspace and lists every problem with line and column; fails on errors unless told not to',
    examples: [
      {
        description: 'Fail the task when the fleet file has errors',
        example: yaml.stringify({
          steps: [
            {
              id: 'validate',
              action: 'environments:validate',
              name: 'Validate',
            },
          ],
        }),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: {
        file: z =>
          z
            .string({
              description: `Path of environments.yaml in the workspace (default ${DEFAULT_FLEET_FILE})`,
            })
            .optional(),
        failOnError: z =>
          z
            .boolean({
              description: 'Fail the step when there are errors (default true)',
            })
            .optional(),
      },
      output: {
        valid: z => z.boolean(),
        environments: z => z.number({ description: 'Valid environments' }),
        errors: z => z.number(),
        warnings: z => z.number(),
        problems: z =>
          z.array(z.string(), {
            description: 'file:line:column field: message',
          }),
      },
    },
    async handler(ctx) {
      const { document } = await openFleetFile(ctx, ctx.input.file);
      const { problems, environments } = document.parsed;
      const lines = problems.map(formatProblem);
      const errors = problems.filter(p => p.severity === 'error').length;
      for (const line of lines) ctx.logger.info(line);
      ctx.output('valid', errors === 0);
      ctx.output('environments', environments.length);
      ctx.output('errors', errors);
      ctx.output('warnings', problems.length - errors);
      ctx.output('problems', lines);
      if (errors > 0 && ctx.input.failOnError !== false) {
        throw new InputError(
          `${document.file} has ${errors} error${
            errors === 1 ? '' : 's'
          }:\n${lines.join('\n')}`,
        );
      }
    },
  });
}
