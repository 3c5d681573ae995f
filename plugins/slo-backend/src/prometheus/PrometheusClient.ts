import { stringifyError } from '@backstage/errors';

/** The fetch the client uses; injected so tests never need a network. */
export type FetchFn = (
  input: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body: string;
    signal: AbortSignal;
  },
) => Promise<Response>;

/** One series of an instant query answer. */
export interface InstantSample {
  labels: Record<string, string>;
  value: number;
}

/** One series of a range query answer. */
export interface RangeSeries {
  labels: Record<string, string>;
  points: Array<{ t: number; v: number }>;
}

/**
 * Prometheus answered, but refused or failed the query (`status: error`,
 * e.g. `bad_data` for a PromQL syntax error): only that query is affected.
 */
export class PrometheusQueryError extends Error {
  readonly name = 'PrometheusQueryError';
  constructor(readonly errorType: string, message: string) {
    super(message);
  }
}

/**
 * Prometheus could not be asked at all (refused, unresolvable, timed out,
 * not a Prometheus API answer): every query to it would fail the same way.
 */
export class PrometheusUnavailableError extends Error {
  readonly name = 'PrometheusUnavailableError';
}

interface ApiEnvelope {
  status?: string;
  errorType?: string;
  error?: string;
  data?: {
    resultType?: string;
    result?: unknown;
  };
}

type Sample = [number, string];

function toNumber(value: string): number {
  // Prometheus writes NaN and infinities as strings; Number() reads them all.
  return Number(value);
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const e = error as {
    name?: string;
    cause?: { code?: string; message?: string };
  };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return `did not answer within ${timeoutMs} ms`;
  }
  const code = e?.cause?.code;
  if (code === 'ECONNREFUSED') return 'refused the connection';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return 'has a host name that does not resolve';
  }
  if (code) return `cannot be reached (${code})`;
  return `cannot be reached: ${e?.cause?.message ?? stringifyError(error)}`;
}

/**
 * A client of the Prometheus HTTP API (`/api/v1/query`,
 * `/api/v1/query_range`) with a timeout per request. Queries are POSTed as
 * forms so long PromQL never meets a URL length limit.
 */
export class PrometheusClient {
  static create(options: {
    url: string;
    headers?: Record<string, string>;
    bearerToken?: string;
    timeoutMs: number;
    fetch?: FetchFn;
  }): PrometheusClient {
    const headers: Record<string, string> = { ...options.headers };
    if (options.bearerToken) {
      headers.Authorization = `Bearer ${options.bearerToken}`;
    }
    return new PrometheusClient(
      options.url.replace(/\/+$/, ''),
      headers,
      options.timeoutMs,
      options.fetch ?? ((input, init) => fetch(input, init)),
    );
  }

  private constructor(
    readonly url: string,
    private readonly headers: Record<string, string>,
    readonly timeoutMs: number,
    private readonly fetchFn: FetchFn,
  ) {}

  /** Instant query at `time`: one value per series. */
  async query(
    expr: string,
    time: Date,
    signal?: AbortSignal,
  ): Promise<InstantSample[]> {
    const data = await this.request(
      '/api/v1/query',
      { query: expr, time: String(time.getTime() / 1000) },
      signal,
    );
    if (data.resultType === 'scalar') {
      const [, value] = data.result as Sample;
      return [{ labels: {}, value: toNumber(value) }];
    }
    if (data.resultType !== 'vector') {
      throw new PrometheusQueryError(
        'bad_data',
        `expected an instant vector, got a ${data.resultType}`,
      );
    }
    return (
      data.result as Array<{ metric: Record<string, string>; value: Sample }>
    ).map(s => ({ labels: s.metric, value: toNumber(s.value[1]) }));
  }

  /** Range query from `start` to `end` every `stepSeconds`. */
  async queryRange(
    expr: string,
    range: { start: Date; end: Date; stepSeconds: number },
    signal?: AbortSignal,
  ): Promise<RangeSeries[]> {
    const data = await this.request(
      '/api/v1/query_range',
      {
        query: expr,
        start: String(range.start.getTime() / 1000),
        end: String(range.end.getTime() / 1000),
        step: String(range.stepSeconds),
      },
      signal,
    );
    if (data.resultType !== 'matrix') {
      throw new PrometheusQueryError(
        'bad_data',
        `expected a range vector, got a ${data.resultType}`,
      );
    }
    return (
      data.result as Array<{ metric: Record<string, string>; values: Sample[] }>
    ).map(s => ({
      labels: s.metric,
      points: s.values.map(([t, v]) => ({ t, v: toNumber(v) })),
    }));
  }

  private async request(
    path: string,
    params: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<{ resultType?: string; result?: unknown }> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    let body: ApiEnvelope | undefined;
    try {
      response = await this.fetchFn(`${this.url}${path}`, {
        method: 'POST',
        headers: {
          ...this.headers,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: new URLSearchParams(params).toString(),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      const text = await response.text();
      try {
        body = JSON.parse(text) as ApiEnvelope;
      } catch {
        body = undefined;
      }
    } catch (error) {
      throw new PrometheusUnavailableError(
        `Prometheus at ${this.url} ${describeFailure(error, this.timeoutMs)}`,
      );
    }
    if (body?.status === 'error') {
      throw new PrometheusQueryError(
        body.errorType ?? 'unknown',
        body.error ?? `HTTP ${response.status}`,
      );
    }
    if (!response.ok || body?.status !== 'success' || !body.data) {
      const hint =
        response.status === 401 || response.status === 403
          ? ': check the headers or bearer token configured for it'
          : ': is this the address of the Prometheus HTTP API?';
      throw new PrometheusUnavailableError(
        `Prometheus at ${this.url} answered HTTP ${response.status} without a Prometheus API response${hint}`,
      );
    }
    return body.data;
  }
}
