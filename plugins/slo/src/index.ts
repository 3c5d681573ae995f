/**
 * SLO page and entity content of the multi-cloud fleet suite: error budgets
 * and multi-window burn rates of every SLO in every environment, as
 * `@multicloud/plugin-slo-backend` evaluates them against Prometheus.
 *
 * @packageDocumentation
 */

export { default } from './plugin';
export { SloPage } from './components/SloPage';
export { SloEntityContent } from './components/SloEntityContent';
export { SloSummaryCard } from './components/SloSummaryCard';
export {
  sloApiRef,
  SloClient,
  type SloApi,
  type SloSeriesRequest,
} from './api';
