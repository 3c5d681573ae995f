import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type {
  EnvironmentStatus,
  FleetStatusResponse,
} from '@multicloud/plugin-environments-common';
import type { FleetApi } from './FleetApi';

/**
 * A request to the environments backend that did not succeed. The message is
 * the server's own (`error.message` of Backstage's error body) when it sent
 * one, else the status line.
 *
 * @public
 */
export class FleetResponseError extends Error {
  /** HTTP status of the response, e.g. 404. */
  readonly status: number;
  readonly statusText: string;
  /** The URL that was requested. */
  readonly url: string;

  constructor(options: {
    message: string;
    status: number;
    statusText: string;
    url: string;
  }) {
    super(options.message);
    this.name = 'ResponseError';
    this.status = options.status;
    this.statusText = options.statusText;
    this.url = options.url;
  }

  /** Reads the body of a failed response into an error. */
  static async fromResponse(
    response: Response,
    url: string,
  ): Promise<FleetResponseError> {
    const statusLine = [response.status, response.statusText]
      .filter(Boolean)
      .join(' ');
    let detail: string | undefined;
    try {
      const text = await response.text();
      detail = serverMessage(text);
    } catch {
      // No readable body; the status line has to do.
    }
    return new FleetResponseError({
      message: detail ?? `Request failed with ${statusLine}`,
      status: response.status,
      statusText: response.statusText,
      url,
    });
  }
}

/** `error.message` of a Backstage error body, else a short plain-text body. */
function serverMessage(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  try {
    const body: unknown = JSON.parse(trimmed);
    if (typeof body === 'object' && body !== null) {
      const error = (body as { error?: unknown }).error;
      if (typeof error === 'object' && error !== null) {
        const message = (error as { message?: unknown }).message;
        if (typeof message === 'string' && message) return message;
      }
      const message = (body as { message?: unknown }).message;
      if (typeof message === 'string' && message) return message;
    }
    return undefined;
  } catch {
    // Not JSON: a proxy's error page or a plain message. HTML says nothing
    // useful in a sentence, a short text may.
    if (trimmed.startsWith('<') || trimmed.length > 200) return undefined;
    return trimmed;
  }
}

/**
 * Reads the fleet status from `@multicloud/plugin-environments-backend`.
 *
 * @public
 */
export class FleetClient implements FleetApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getFleet(): Promise<FleetStatusResponse> {
    return this.get<FleetStatusResponse>('/fleet');
  }

  getEnvironment(name: string): Promise<EnvironmentStatus> {
    return this.get<EnvironmentStatus>(`/fleet/${encodeURIComponent(name)}`);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('environments');
    const url = `${baseUrl}${path}`;
    const response = await this.fetchApi.fetch(url, {
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      throw await FleetResponseError.fromResponse(response, url);
    }
    return (await response.json()) as T;
  }
}
