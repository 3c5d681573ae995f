/**
 * Costs frontend of the multi-cloud fleet suite: the Costs page (month to
 * date, forecasts, budgets, breakdowns, movers, anomalies, ingested
 * sources), cost cards for environments and components, and a Costs tab on
 * both.
 *
 * @packageDocumentation
 */

export { default } from './plugin';
export { CostsPage } from './components/CostsPage';
export { EnvironmentCostCard } from './components/EnvironmentCostCard';
export { ComponentCostCard } from './components/ComponentCostCard';
export { EntityCostsContent } from './components/EntityCostsContent';
export {
  finOpsApiRef,
  FinOpsClient,
  type AnomaliesQuery,
  type CostsQuery,
  type DateRange,
  type FinOpsApi,
  type MoversQuery,
  type SummaryQuery,
} from './api';
