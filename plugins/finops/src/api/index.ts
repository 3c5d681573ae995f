export {
  finOpsApiRef,
  type AnomaliesQuery,
  type CostsQuery,
  type DateRange,
  type FinOpsApi,
  type MoversQuery,
  type SummaryQuery,
} from './FinOpsApi';
export { FinOpsClient } from './FinOpsClient';
export { useLoad, type Loaded } from './useLoad';
