import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The SLO page. */
export const sloRouteRef = createRouteRef();

/** Path of the SLO tab under an entity page, as the entity content declares it. */
export const SLO_TAB_PATH = 'slos';

/** Query parameters of the SLO tab that select one SLO in one environment. */
export const SELECTION_PARAMS = { slo: 'slo', environment: 'environment' };

/** `?slo=…&environment=…`; without an environment the tab picks the SLO's worst. */
export function selectionSearch(slo: string, environment?: string): string {
  const params = new URLSearchParams({ [SELECTION_PARAMS.slo]: slo });
  if (environment) params.set(SELECTION_PARAMS.environment, environment);
  return `?${params}`;
}
