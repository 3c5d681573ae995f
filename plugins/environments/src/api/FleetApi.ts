import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  EnvironmentStatus,
  FleetStatusResponse,
} from '@multicloud/plugin-environments-common';

/**
 * Live status of the fleet, as `@multicloud/plugin-environments-backend`
 * probes it.
 *
 * @public
 */
export interface FleetApi {
  /** Every environment of the fleet file with its last probe (`GET /fleet`). */
  getFleet(): Promise<FleetStatusResponse>;
  /** One environment by its name in the fleet file (`GET /fleet/:name`). */
  getEnvironment(name: string): Promise<EnvironmentStatus>;
}

/**
 * The {@link FleetApi}.
 *
 * @public
 */
export const fleetApiRef = createApiRef<FleetApi>().with({
  id: 'plugin.environments.fleet',
  pluginId: 'environments',
});
