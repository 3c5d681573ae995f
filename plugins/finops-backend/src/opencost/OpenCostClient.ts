import http from 'node:http';
import https from 'node:https';
import { z } from 'zod';
import type { OpenCostTarget } from './targets';

/** A GET and its answer, so tests and other transports can stand in. */
export type HttpGet = (
  url: string,
  options: {
    headers: Record<string, string>;
    caData?: string;
    skipTLSVerify: boolean;
    timeoutMs: number;
    maxBytes: number;
  },
) => Promise<{ status: number; body: string }>;

/** Answers larger than this are refused rather than held in memory. */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** A GET with Node's http(s), honouring a private CA and skipTLSVerify. */
export const nodeHttpGet: HttpGet = (url, options) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const request = client.get(
      target,
      {
        headers: options.headers,
        timeout: options.timeoutMs,
        // A pull an hour gains nothing from keeping connections; a kept one
        // that the server has since closed fails with ECONNRESET instead of
        // telling what is wrong now.
        agent: false,
        ...(target.protocol === 'https:'
          ? {
              ca: options.caData,
              rejectUnauthorized: !options.skipTLSVerify,
            }
          : {}),
      },
      response => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            request.destroy(
              new Error(`the answer is larger than ${options.maxBytes} bytes`),
            );
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
    );
    request.on('error', reject);
  });

/** The envelope of OpenCost's allocation API: one map of allocations per step. */
const allocationResponse = z.object({
  code: z.number(),
  data: z
    .array(z.record(z.string(), z.unknown()).nullable())
    .nullable()
    .optional(),
  message: z.string().optional(),
});

/** What OpenCost answered for a window: its sets, and the text they came in. */
export interface OpenCostAllocations {
  /** One map of allocation name to allocation per day, in order. */
  sets: Array<Record<string, unknown>>;
  /** The body as received, for its hash. */
  body: string;
}

/** A request to OpenCost that failed, with a reason fit for a person. */
export class OpenCostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpenCostError';
  }
}

/**
 * Reads OpenCost's allocation API
 * (`GET <baseUrl>/allocation/compute?window&step=1d&aggregate=namespace,controller`).
 */
export class OpenCostClient {
  static create(
    options: { httpGet?: HttpGet; timeoutMs?: number } = {},
  ): OpenCostClient {
    return new OpenCostClient(
      options.httpGet ?? nodeHttpGet,
      options.timeoutMs ?? 30_000,
    );
  }

  private constructor(
    private readonly httpGet: HttpGet,
    private readonly timeoutMs: number,
  ) {}

  /** The URL of the allocations of the UTC days from `from` to `to`. */
  static allocationUrl(
    baseUrl: string,
    range: { from: string; to: string },
  ): string {
    const end = new Date(`${range.to}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    const query = new URLSearchParams({
      window: `${range.from}T00:00:00Z,${end
        .toISOString()
        .slice(0, 10)}T00:00:00Z`,
      step: '1d',
      aggregate: 'namespace,controller',
      accumulate: 'false',
    });
    return `${baseUrl}/allocation/compute?${query}`;
  }

  /**
   * The allocations of each day from `range.from` to `range.to` (UTC,
   * inclusive) per namespace and controller. Rejects with an
   * {@link OpenCostError} when OpenCost cannot be reached or answers with
   * anything but its allocation sets.
   */
  async allocations(
    target: OpenCostTarget,
    range: { from: string; to: string },
  ): Promise<OpenCostAllocations> {
    const url = OpenCostClient.allocationUrl(target.baseUrl, range);
    let response: { status: number; body: string };
    try {
      response = await this.httpGet(url, {
        headers: {
          accept: 'application/json',
          ...(target.token ? { authorization: `Bearer ${target.token}` } : {}),
        },
        caData: target.caData,
        skipTLSVerify: target.skipTLSVerify,
        timeoutMs: this.timeoutMs,
        maxBytes: MAX_RESPONSE_BYTES,
      });
    } catch (error) {
      const cause = error as { code?: string; message?: string };
      throw new OpenCostError(
        `cannot reach OpenCost at ${target.baseUrl}: ${
          cause.code ?? cause.message ?? String(error)
        }`,
      );
    }
    if (response.status < 200 || response.status > 299) {
      throw new OpenCostError(
        `OpenCost at ${target.baseUrl} answered ${response.status}${describe(
          response.body,
        )}`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      throw new OpenCostError(
        `OpenCost at ${target.baseUrl} answered something that is not JSON`,
      );
    }
    const parsed = allocationResponse.safeParse(json);
    if (!parsed.success) {
      throw new OpenCostError(
        `OpenCost at ${
          target.baseUrl
        } answered JSON that is no allocation response (${parsed.error.issues
          .map(issue => `${issue.path.join('.') || 'body'}: ${issue.message}`)
          .join('; ')})`,
      );
    }
    if (parsed.data.code !== 200) {
      throw new OpenCostError(
        `OpenCost at ${target.baseUrl} answered code ${parsed.data.code}${
          parsed.data.message ? `: ${parsed.data.message}` : ''
        }`,
      );
    }
    return {
      sets: (parsed.data.data ?? []).map(set => set ?? {}),
      body: response.body,
    };
  }
}

/** The message of a Kubernetes Status or OpenCost error body, if any. */
function describe(body: string): string {
  try {
    const message = (JSON.parse(body) as { message?: unknown }).message;
    return typeof message === 'string' ? `: ${message.slice(0, 200)}` : '';
  } catch {
    return '';
  }
}
