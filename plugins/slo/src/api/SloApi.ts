import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  SloSeriesResponse,
  SlosResponse,
} from '@multicloud/plugin-slo-common';

/**
 * What to chart of one SLO in one environment.
 *
 * @public
 */
export interface SloSeriesRequest {
  /** Environment name, as in the SLO's status. */
  environment: string;
  /** How far back, as a Prometheus duration (`6h`, `7d`); the backend's default when absent. */
  range?: string;
  /** Resolution, as a Prometheus duration; the backend picks one to fit the range when absent. */
  step?: string;
}

/**
 * SLOs as `@multicloud/plugin-slo-backend` evaluates them.
 *
 * @public
 */
export interface SloApi {
  /** Every SLO, or those of one catalog entity (`GET /slos[?entityRef]`). */
  getSlos(options?: { entityRef?: string }): Promise<SlosResponse>;
  /** Time series of one SLO in one environment (`GET /slos/:id/series`). */
  getSeries(id: string, request: SloSeriesRequest): Promise<SloSeriesResponse>;
  /** Recording and alerting rules for Prometheus, as YAML (`GET /rules`). */
  getRules(): Promise<string>;
}

/**
 * The {@link SloApi}.
 *
 * @public
 */
export const sloApiRef = createApiRef<SloApi>().with({
  id: 'plugin.slo',
  pluginId: 'slo',
});
