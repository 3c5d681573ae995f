import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { ENVIRONMENT_ANNOTATIONS } from '@multicloud/plugin-environments-common';
import type { CostFilter } from '@multicloud/plugin-finops-common';

/** The environment an entity stands for: its name in environments.yaml. */
export function environmentOf(entity: Entity): string | undefined {
  if (entity.kind.toLocaleLowerCase('en-US') !== 'resource') return undefined;
  const name =
    entity.metadata.annotations?.[ENVIRONMENT_ANNOTATIONS.environment]?.trim();
  return name ? name : undefined;
}

/**
 * Environment entities: Resources with the environment annotation, as the
 * catalog module writes them (`kubernetes-cluster`, or `environment` for
 * one without Kubernetes). A function, not a predicate: predicate paths
 * split on dots, and `multicloud.io/environment` has one.
 */
export function isEnvironmentEntity(entity: Entity): boolean {
  return environmentOf(entity) !== undefined;
}

export function isComponentEntity(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'component';
}

/** Entities that have costs of their own: environments and components. */
export function hasCosts(entity: Entity): boolean {
  return isEnvironmentEntity(entity) || isComponentEntity(entity);
}

/** The cost filter of an entity: its environment, or its ref for a component. */
export function costFilterOf(entity: Entity): CostFilter {
  const environment = environmentOf(entity);
  return environment ? { environment } : { entity: stringifyEntityRef(entity) };
}
