import type { FetchFn } from '../prometheus/PrometheusClient';

/** What a fake Prometheus answers for one query. */
export type FakeAnswer =
  | { values: Record<string, number | number[]> }
  | { error: { errorType: string; message: string } }
  | { refused: true };

/** The parts (SLI, windows) of a combined query, in order. */
export function partsOf(query: string): string[] {
  return [...query.matchAll(/"slo_window", "([^"]+)"/g)].map(m => m[1]);
}

/**
 * A fetch that plays Prometheus's `/api/v1/query`: `answer` sees the PromQL
 * and the URL and says what to return for each part of a combined query.
 */
export function fakePrometheus(
  answer: (query: string, url: string) => FakeAnswer,
): { fetch: FetchFn; queries: Array<{ url: string; query: string }> } {
  const queries: Array<{ url: string; query: string }> = [];
  const fetch: FetchFn = async (url, init) => {
    const form = new URLSearchParams(init.body);
    const query = form.get('query') ?? '';
    queries.push({ url, query });
    const result = answer(query, url);
    if ('refused' in result) {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), {
          code: 'ECONNREFUSED',
        }),
      });
    }
    if ('error' in result) {
      return new Response(
        JSON.stringify({
          status: 'error',
          errorType: result.error.errorType,
          error: result.error.message,
        }),
        { status: 400 },
      );
    }
    const time = Number(form.get('time'));
    const samples = Object.entries(result.values).flatMap(([part, value]) =>
      (Array.isArray(value) ? value : [value]).map((v, i) => ({
        metric: { slo_window: part, ...(i > 0 ? { instance: String(i) } : {}) },
        value: [time, String(v)],
      })),
    );
    return new Response(
      JSON.stringify({
        status: 'success',
        data: { resultType: 'vector', result: samples },
      }),
    );
  };
  return { fetch, queries };
}
