import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  AnomaliesResponse,
  BudgetsResponse,
  CostDimension,
  CostFilter,
  CostGranularity,
  CostMetric,
  CostSeriesResponse,
  CostSummaryResponse,
  FilesResponse,
  MoversResponse,
} from '@multicloud/plugin-finops-common';

/** A range of days, `YYYY-MM-DD`, both inclusive. */
export interface DateRange {
  from: string;
  to: string;
}

/** Query of {@link FinOpsApi.getCosts}. */
export interface CostsQuery extends DateRange {
  groupBy: CostDimension;
  granularity: CostGranularity;
  metric?: CostMetric;
  filter?: CostFilter;
}

/** Query of {@link FinOpsApi.getSummary}. */
export interface SummaryQuery {
  /** Day the month runs to; the backend defaults to the last day with data. */
  asOf?: string;
  filter?: CostFilter;
}

/** Query of {@link FinOpsApi.getAnomalies}. */
export interface AnomaliesQuery extends DateRange {
  groupBy?: CostDimension;
  filter?: CostFilter;
}

/** Query of {@link FinOpsApi.getMovers}. */
export interface MoversQuery extends DateRange {
  groupBy?: CostDimension;
  limit?: number;
}

/**
 * Costs, forecasts, budgets and ingested sources, as
 * `@multicloud/plugin-finops-backend` serves them (`/api/finops`).
 *
 * @public
 */
export interface FinOpsApi {
  /** A cost series per group (`GET /costs`). */
  getCosts(query: CostsQuery): Promise<CostSeriesResponse>;
  /** Month to date, previous period and forecasts per currency (`GET /summary`). */
  getSummary(query?: SummaryQuery): Promise<CostSummaryResponse>;
  /** Every environment against its monthly budget (`GET /budgets`). */
  getBudgets(query?: { asOf?: string }): Promise<BudgetsResponse>;
  /** Days far outside the recent pattern (`GET /anomalies`). */
  getAnomalies(query: AnomaliesQuery): Promise<AnomaliesResponse>;
  /** Largest changes against the period before (`GET /movers`). */
  getMovers(query: MoversQuery): Promise<MoversResponse>;
  /** What has been ingested and what was wrong with it (`GET /files`). */
  getFiles(): Promise<FilesResponse>;
}

/**
 * The {@link FinOpsApi}.
 *
 * @public
 */
export const finOpsApiRef = createApiRef<FinOpsApi>().with({
  id: 'plugin.finops',
  pluginId: 'finops',
});
