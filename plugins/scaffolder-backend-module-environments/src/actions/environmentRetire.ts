import { ConflictError, NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  dependentsOf,
  environmentEntityRef,
} from '@multicloud/plugin-environments-common';
import { examples } from './environmentRetire.examples';
import { DEFAULT_FLEET_FILE, openFleetFile, saveFleetFile } from './fleetFile';

/**
 * `environments:environment:retire`: disables or removes one environment,
 * refusing (unless forced) to strand the environments that depend on it.
 */
export function createRetireEnvironmentAction() {
  return createTemplateAction({
    id: 'environments:environment:retire',
    description:
      'Disables or removes an environment of environments.yaml in the workspace; refuses to retire the admin region or an environment others depend on unless forced',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z => z.string({ description: 'Name of the environment' }),
        mode: z =>
          z
            .enum(['disable', 'remove'], {
              description:
                'disable keeps it in the file and the catalog, marked disabled (default); remove deletes it',
            })
            .optional(),
        force: z =>
          z
            .boolean({
              description:
                'Retire it even though it is the admin region or others depend on it',
            })
            .optional(),
        file: z =>
          z
            .string({
              description: `Path of environments.yaml in the workspace (default ${DEFAULT_FLEET_FILE})`,
            })
            .optional(),
      },
      output: {
        name: z => z.string(),
        entityRef: z => z.string(),
        diff: z => z.string(),
      },
    },
    async handler(ctx) {
      const { name, force = false } = ctx.input;
      const mode = ctx.input.mode ?? 'disable';
      const { path, document } = await openFleetFile(ctx, ctx.input.file);
      const fleet = document.parsed.environments;
      const environment = fleet.find(e => e.name === name);
      if (!environment) {
        throw new NotFoundError(
          document.names().includes(name)
            ? `${name} is not a valid environment of ${document.file}; fix its errors first`
            : `There is no environment "${name}" in ${document.file}`,
        );
      }
      if (mode === 'disable' && !environment.enabled) {
        throw new ConflictError(`${name} is already disabled`);
      }

      if (!force) {
        const isAdmin = environment.role === 'admin' && environment.enabled;
        const dependents = dependentsOf(name, fleet);
        if (isAdmin) {
          throw new ConflictError(
            `${name} is the admin region of the fleet: ${
              dependents.filter(d => d.reason === 'admin').length
            } workload environments depend on it. Make another environment the admin first, or set force.`,
          );
        }
        const linked = dependents.filter(d => d.reason === 'link');
        if (linked.length > 0) {
          throw new ConflictError(
            `${linked.map(d => d.name).join(', ')} ${
              linked.length === 1 ? 'links' : 'link'
            } to ${name}. Remove ${
              linked.length === 1 ? 'that link' : 'those links'
            } first, or set force.`,
          );
        }
      }

      if (mode === 'remove') {
        document.removeEnvironment(name);
      } else {
        document.setEnabled(name, false);
      }
      const { diff } = await saveFleetFile(ctx, path, document);
      ctx.output('name', name);
      ctx.output('entityRef', environmentEntityRef(name));
      ctx.output('diff', diff);
    },
  });
}
