import { ResponseError } from '@backstage/errors';
import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type {
  SloSeriesResponse,
  SlosResponse,
} from '@multicloud/plugin-slo-common';
import type { SloApi, SloSeriesRequest } from './SloApi';

/**
 * Reads SLOs from `@multicloud/plugin-slo-backend` (plugin id `slo`).
 * Failed requests reject with a `ResponseError` of `@backstage/errors`,
 * whose `cause` carries the server's message.
 *
 * @public
 */
export class SloClient implements SloApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getSlos(options?: { entityRef?: string }): Promise<SlosResponse> {
    const query = new URLSearchParams();
    if (options?.entityRef) query.set('entityRef', options.entityRef);
    const response = await this.request('/slos', query, 'application/json');
    return (await response.json()) as SlosResponse;
  }

  async getSeries(
    id: string,
    request: SloSeriesRequest,
  ): Promise<SloSeriesResponse> {
    const query = new URLSearchParams({ environment: request.environment });
    if (request.range) query.set('range', request.range);
    if (request.step) query.set('step', request.step);
    const response = await this.request(
      `/slos/${encodeURIComponent(id)}/series`,
      query,
      'application/json',
    );
    return (await response.json()) as SloSeriesResponse;
  }

  async getRules(): Promise<string> {
    const response = await this.request(
      '/rules',
      new URLSearchParams(),
      'application/yaml, text/plain',
    );
    return response.text();
  }

  private async request(
    path: string,
    query: URLSearchParams,
    accept: string,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('slo');
    const search = query.toString();
    const url = `${baseUrl}${path}${search ? `?${search}` : ''}`;
    const response = await this.fetchApi.fetch(url, {
      headers: { Accept: accept },
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }
}
