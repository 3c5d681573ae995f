import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  AnomaliesResponse,
  BudgetsResponse,
  CostFilter,
  CostSeriesResponse,
  CostSummaryResponse,
  FilesResponse,
  MoversResponse,
} from '@multicloud/plugin-finops-common';
import type {
  AnomaliesQuery,
  CostsQuery,
  FinOpsApi,
  MoversQuery,
  SummaryQuery,
} from './FinOpsApi';

type Params = Record<string, string | number | undefined>;

function filterParams(filter: CostFilter | undefined): Params {
  return {
    environment: filter?.environment,
    provider: filter?.provider,
    serviceCategory: filter?.serviceCategory,
    entity: filter?.entity,
  };
}

/**
 * Reads `@multicloud/plugin-finops-backend`. A failed request rejects with
 * the `ResponseError` of `@backstage/errors`, whose `cause` carries the
 * server's message.
 *
 * @public
 */
export class FinOpsClient implements FinOpsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getCosts(query: CostsQuery): Promise<CostSeriesResponse> {
    return this.get('/costs', {
      groupBy: query.groupBy,
      from: query.from,
      to: query.to,
      granularity: query.granularity,
      metric: query.metric,
      ...filterParams(query.filter),
    });
  }

  getSummary(query: SummaryQuery = {}): Promise<CostSummaryResponse> {
    return this.get('/summary', {
      asOf: query.asOf,
      ...filterParams(query.filter),
    });
  }

  getBudgets(query: { asOf?: string } = {}): Promise<BudgetsResponse> {
    return this.get('/budgets', { asOf: query.asOf });
  }

  getAnomalies(query: AnomaliesQuery): Promise<AnomaliesResponse> {
    return this.get('/anomalies', {
      from: query.from,
      to: query.to,
      groupBy: query.groupBy,
      ...filterParams(query.filter),
    });
  }

  getMovers(query: MoversQuery): Promise<MoversResponse> {
    return this.get('/movers', {
      from: query.from,
      to: query.to,
      groupBy: query.groupBy,
      limit: query.limit,
    });
  }

  getFiles(): Promise<FilesResponse> {
    return this.get('/files', {});
  }

  private async get<T>(path: string, params: Params): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('finops');
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== '') search.set(key, String(value));
    }
    const query = search.toString();
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}${query ? `?${query}` : ''}`,
      { headers: { Accept: 'application/json' } },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
