import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { FleetClient, FleetResponseError } from './FleetClient';

const BASE_URL = 'http://localhost:7007/api/environments';

function response(status: number, body: string, statusText = ''): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText,
    text: async () => body,
    json: async () => JSON.parse(body),
  } as Response;
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
    client: new FleetClient({ discoveryApi, fetchApi }),
    discoveryApi,
    fetchApi,
  };
}

describe('FleetClient', () => {
  it('reads the fleet from the environments backend', async () => {
    const fleet = {
      generatedAt: '2026-11-21T08:00:00Z',
      simulated: true,
      supportedVersions: ['1.35', '1.36', '1.37'],
      problems: [],
      environments: [],
    };
    const { client, discoveryApi, fetchApi } = setup(
      response(200, JSON.stringify(fleet)),
    );

    await expect(client.getFleet()).resolves.toEqual(fleet);
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('environments');
    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `${BASE_URL}/fleet`,
      expect.anything(),
    );
  });

  it('reads one environment, with its name escaped', async () => {
    const { client, fetchApi } = setup(response(200, '{"name":"a b"}'));

    await expect(client.getEnvironment('a b/c')).resolves.toEqual({
      name: 'a b',
    });
    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `${BASE_URL}/fleet/a%20b%2Fc`,
      expect.anything(),
    );
  });

  it("turns an error answer into an error with the server's message", async () => {
    const { client } = setup(
      response(
        404,
        JSON.stringify({
          error: {
            name: 'NotFoundError',
            message: "No environment 'nope' in the fleet file",
          },
          request: { method: 'GET', url: '/api/environments/fleet/nope' },
          response: { statusCode: 404 },
        }),
        'Not Found',
      ),
    );

    const error = await client.getEnvironment('nope').catch(e => e);
    expect(error).toBeInstanceOf(FleetResponseError);
    expect(error.name).toBe('ResponseError');
    expect(error.message).toBe("No environment 'nope' in the fleet file");
    expect(error.status).toBe(404);
    expect(error.url).toBe(`${BASE_URL}/fleet/nope`);
  });

  it('falls back to the status line when the body says nothing', async () => {
    const { client } = setup(
      response(502, '<html><body>Bad gateway</body></html>', 'Bad Gateway'),
    );

    await expect(client.getFleet()).rejects.toThrow(
      'Request failed with 502 Bad Gateway',
    );
  });

  it('keeps a short plain-text body', async () => {
    const { client } = setup(
      response(503, 'fleet status not ready', 'Service Unavailable'),
    );

    await expect(client.getFleet()).rejects.toThrow('fleet status not ready');
  });

  it('passes network errors on', async () => {
    const { client } = setup({ fail: new TypeError('Failed to fetch') });

    await expect(client.getFleet()).rejects.toThrow('Failed to fetch');
  });
});
