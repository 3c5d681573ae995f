import type { Entity } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';

/** The path of an entity's Costs tab, when the catalog's entity route is bound. */
export function useCostsTabPath(entity: Entity): string | undefined {
  const entityRoute = useRouteRef(entityRouteRef);
  return entityRoute
    ? `${entityRoute(entityRouteParams(entity))}/costs`
    : undefined;
}
