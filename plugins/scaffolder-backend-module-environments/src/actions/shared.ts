import { InputError } from '@backstage/errors';
// The scaffolder hands actions the zod 3 API, whatever zod is installed.
import type { z as zImpl } from 'zod/v3';
import {
  cidrsOverlap,
  MAX_MINOR_SKEW,
  minorSkew,
  parseCidr,
  pickFreeNetwork,
  type Environment,
  type NodePool,
} from '@multicloud/plugin-environments-common';

/** A node pool as a form gives it: a list of named pools. */
export interface NodePoolInput {
  name: string;
  count: number;
  vmSize: string;
  min?: number;
  max?: number;
}

export const nodePoolsInputSchema = (z: typeof zImpl) =>
  z
    .array(
      z.object({
        name: z.string({ description: 'Pool name, e.g. system' }),
        count: z.number({ description: 'Nodes' }).int().nonnegative(),
        vmSize: z.string({ description: 'Machine size, e.g. m6i.xlarge' }),
        min: z.number().int().nonnegative().optional(),
        max: z.number().int().nonnegative().optional(),
      }),
      { description: 'Node pools; one system pool of 3 nodes when not given' },
    )
    .optional();

export function nodePoolsFromInput(
  pools: NodePoolInput[],
): Record<string, NodePool> {
  const result: Record<string, NodePool> = {};
  for (const pool of pools) {
    if (result[pool.name]) {
      throw new InputError(`node pool "${pool.name}" is given twice`);
    }
    result[pool.name] = {
      count: pool.count,
      vm_size: pool.vmSize,
      ...(pool.min !== undefined ? { min: pool.min } : {}),
      ...(pool.max !== undefined ? { max: pool.max } : {}),
    };
  }
  return result;
}

/** Refuses more than one minor version of skew from the admin region unless forced. */
export function checkVersionSkew(
  version: string,
  admin: Environment | undefined,
  force: boolean,
) {
  if (!/^1\.\d+$/.test(version)) {
    throw new InputError(
      `"${version}" is not a Kubernetes minor version such as "1.33"`,
    );
  }
  const adminVersion = admin?.infrastructure?.kubernetes?.version;
  const skew = minorSkew(version, adminVersion);
  if (skew !== undefined && skew > MAX_MINOR_SKEW && !force) {
    const minor = Number(adminVersion!.split('.')[1]);
    throw new InputError(
      `Kubernetes ${version} is ${skew} minor versions from the admin region ${
        admin!.name
      } (${adminVersion}); the fleet allows at most ${MAX_MINOR_SKEW}. Choose 1.${
        minor - 1
      }, 1.${minor} or 1.${minor + 1}, or set force to accept the skew.`,
    );
  }
}

/** The network to use: the one asked for, checked, or the first free /16 of 10.0.0.0/8. */
export function checkNetwork(
  cidr: string | undefined,
  fleet: Environment[],
): string {
  if (cidr === undefined) {
    const free = pickFreeNetwork(fleet);
    if (!free) {
      throw new InputError(
        'No free /16 is left in 10.0.0.0/8; give the network (cidr) explicitly',
      );
    }
    return free;
  }
  const wanted = parseCidr(cidr);
  if (!wanted) {
    throw new InputError(`"${cidr}" is not a CIDR block such as 10.70.0.0/16`);
  }
  for (const env of fleet) {
    const other = env.infrastructure?.network?.cidr;
    const parsed = other ? parseCidr(other) : undefined;
    if (parsed && cidrsOverlap(parsed, wanted)) {
      const free = pickFreeNetwork(fleet);
      throw new InputError(
        `${cidr} overlaps ${other} of ${env.name}${
          free ? `; ${free} is free` : ''
        }`,
      );
    }
  }
  return cidr;
}
