import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/frontend-plugin-api';

/** The fleet page. */
export const fleetRouteRef = createRouteRef();

/**
 * Where new environments are made: the Software Templates page, bound to
 * the scaffolder by default. Unbound, the page links to `/create`.
 */
export const createEnvironmentRouteRef = createExternalRouteRef({
  defaultTarget: 'scaffolder.root',
});
