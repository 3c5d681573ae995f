import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { FinOpsClient } from './FinOpsClient';
import { errorDetail } from '../lib/errors';

const BASE_URL = 'http://localhost:7007/api/finops';

function response(status: number, body: string, statusText = ''): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText,
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => body,
    json: async () => JSON.parse(body),
  } as Response;
}

function setup(answer: Response) {
  const discoveryApi: jest.Mocked<DiscoveryApi> = {
    getBaseUrl: jest.fn(async (_pluginId: string) => BASE_URL),
  };
  const fetchApi: jest.Mocked<FetchApi> = {
    fetch: jest.fn(
      async (_input: RequestInfo | URL, _init?: RequestInit) => answer,
    ),
  };
  return {
    client: new FinOpsClient({ discoveryApi, fetchApi }),
    discoveryApi,
    fetchApi,
  };
}

const url = (fetchApi: jest.Mocked<FetchApi>) =>
  String(fetchApi.fetch.mock.calls[0][0]);

describe('FinOpsClient', () => {
  it('asks for a cost series with its grouping, range and filters', async () => {
    const { client, discoveryApi, fetchApi } = setup(
      response(200, '{"groups":[]}'),
    );
    await client.getCosts({
      groupBy: 'serviceCategory',
      from: '2026-11-01',
      to: '2026-11-20',
      granularity: 'week',
      filter: { entity: 'component:default/ledger-peer' },
    });
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('finops');
    expect(url(fetchApi)).toBe(
      `${BASE_URL}/costs?groupBy=serviceCategory&from=2026-11-01&to=2026-11-20&granularity=week&entity=component%3Adefault%2Fledger-peer`,
    );
  });

  it('leaves out what is not set', async () => {
    const { client, fetchApi } = setup(response(200, '{}'));
    await client.getSummary();
    expect(url(fetchApi)).toBe(`${BASE_URL}/summary`);
  });

  it('reads every endpoint of the contract', async () => {
    const { client, fetchApi } = setup(response(200, '{}'));
    await client.getSummary({ filter: { environment: 'hci-vsphere-ams01' } });
    await client.getBudgets({ asOf: '2026-11-20' });
    await client.getAnomalies({
      from: '2026-11-01',
      to: '2026-11-20',
      groupBy: 'environment',
    });
    await client.getMovers({
      from: '2026-11-01',
      to: '2026-11-20',
      groupBy: 'service',
      limit: 10,
    });
    await client.getFiles();
    expect(fetchApi.fetch.mock.calls.map(call => String(call[0]))).toEqual([
      `${BASE_URL}/summary?environment=hci-vsphere-ams01`,
      `${BASE_URL}/budgets?asOf=2026-11-20`,
      `${BASE_URL}/anomalies?from=2026-11-01&to=2026-11-20&groupBy=environment`,
      `${BASE_URL}/movers?from=2026-11-01&to=2026-11-20&groupBy=service&limit=10`,
      `${BASE_URL}/files`,
    ]);
  });

  it("rejects with the server's message", async () => {
    const { client } = setup(
      response(
        400,
        JSON.stringify({
          error: {
            name: 'InputError',
            message: 'Invalid query: from must not be after to',
          },
          request: { method: 'GET', url: '/api/finops/costs' },
          response: { statusCode: 400 },
        }),
        'Bad Request',
      ),
    );
    const error = await client
      .getCosts({
        groupBy: 'environment',
        from: '2026-11-20',
        to: '2026-11-01',
        granularity: 'day',
      })
      .catch(e => e);
    expect(error.name).toBe('ResponseError');
    expect(errorDetail(error)).toBe(
      'Invalid query: from must not be after to (HTTP 400)',
    );
  });
});
