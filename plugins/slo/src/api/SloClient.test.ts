import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { SloClient } from './SloClient';
import { errorMessage } from './errors';

const BASE_URL = 'http://localhost:7007/api/slo';

function response(
  status: number,
  body: string,
  options: { statusText?: string; contentType?: string } = {},
): Response {
  return new Response(body, {
    status,
    statusText: options.statusText ?? '',
    headers: { 'content-type': options.contentType ?? 'application/json' },
  });
}

function setup(answer: Response | { fail: Error }) {
  const discoveryApi: jest.Mocked<DiscoveryApi> = {
    getBaseUrl: jest.fn(async (_pluginId: string) => BASE_URL),
  };
  const fetchApi: jest.Mocked<FetchApi> = {
    fetch: jest.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
      if ('fail' in answer) throw answer.fail;
      return answer;
    }),
  };
  return {
    client: new SloClient({ discoveryApi, fetchApi }),
    discoveryApi,
    fetchApi,
  };
}

describe('SloClient', () => {
  it('reads every SLO from the slo backend', async () => {
    const body = { slos: [], problems: [] };
    const { client, discoveryApi, fetchApi } = setup(
      response(200, JSON.stringify(body)),
    );

    await expect(client.getSlos()).resolves.toEqual(body);
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('slo');
    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `${BASE_URL}/slos`,
      expect.objectContaining({
        headers: { Accept: 'application/json' },
      }),
    );
  });

  it("reads one entity's SLOs", async () => {
    const { client, fetchApi } = setup(
      response(200, '{"slos":[],"problems":[]}'),
    );

    await client.getSlos({ entityRef: 'component:default/ledger-peer' });
    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `${BASE_URL}/slos?entityRef=component%3Adefault%2Fledger-peer`,
      expect.anything(),
    );
  });

  it('reads the series of one SLO in one environment, with its id escaped', async () => {
    const { client, fetchApi } = setup(response(200, '{"id":"a b"}'));

    await expect(
      client.getSeries('a b/c', {
        environment: 'workload-aws-useast1',
        range: '7d',
        step: '1h',
      }),
    ).resolves.toEqual({ id: 'a b' });
    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `${BASE_URL}/slos/a%20b%2Fc/series?environment=workload-aws-useast1&range=7d&step=1h`,
      expect.anything(),
    );
  });

  it('leaves range and step to the backend when not given', async () => {
    const { client, fetchApi } = setup(response(200, '{}'));

    await client.getSeries('peer', { environment: 'hci-vsphere-ams01' });
    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `${BASE_URL}/slos/peer/series?environment=hci-vsphere-ams01`,
      expect.anything(),
    );
  });

  it('reads the Prometheus rules as text', async () => {
    const yaml = 'groups:\n  - name: slo-ledger-peer-availability\n';
    const { client, fetchApi } = setup(
      response(200, yaml, { contentType: 'application/yaml' }),
    );

    await expect(client.getRules()).resolves.toBe(yaml);
    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `${BASE_URL}/rules`,
      expect.objectContaining({
        headers: { Accept: 'application/yaml, text/plain' },
      }),
    );
  });

  it("turns an error answer into an error that carries the server's message", async () => {
    const { client } = setup(
      response(
        404,
        JSON.stringify({
          error: { name: 'NotFoundError', message: "No SLO 'nope'" },
          request: { method: 'GET', url: '/api/slo/slos/nope/series' },
          response: { statusCode: 404 },
        }),
        { statusText: 'Not Found' },
      ),
    );

    const error = await client
      .getSeries('nope', { environment: 'x' })
      .catch(e => e);
    expect(error.name).toBe('ResponseError');
    expect(error.statusCode).toBe(404);
    expect(errorMessage(error)).toBe("No SLO 'nope'");
  });

  it('keeps a long proxy page off the screen', async () => {
    const { client } = setup(
      response(502, `<html>${'x'.repeat(1000)}</html>`, {
        statusText: 'Bad Gateway',
        contentType: 'text/html',
      }),
    );

    const error = await client.getSlos().catch(e => e);
    expect(errorMessage(error).length).toBeLessThanOrEqual(300);
    expect(errorMessage(error)).toMatch(
      /^Request failed with status 502 Bad Gateway/,
    );
  });

  it('passes network errors on', async () => {
    const { client } = setup({ fail: new TypeError('Failed to fetch') });

    await expect(client.getSlos()).rejects.toThrow('Failed to fetch');
  });
});
