/**
 * A real Prometheus on loopback holding the sample SLI series: the series
 * are written as OpenMetrics, backfilled into a fresh TSDB with promtool,
 * and served by `prometheus` with no scrape targets.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import {
  accessSync,
  constants,
  createWriteStream,
  mkdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Environment } from '@multicloud/plugin-environments-common';
import { alignNow } from './design';
import { writeOpenMetrics, type SeriesStats } from './openmetrics';

const execFileAsync = promisify(execFile);

/**
 * Blocks as long as promtool allows (1458h): promtool reads the whole input
 * once per block range, so its default 2-hour blocks would read a month of
 * samples 400 times.
 */
const BACKFILL_BLOCK_DURATION = '1458h';
/** Longer than the history, so Prometheus never deletes the backfilled blocks. */
const RETENTION = '400d';

/** Where the Prometheus binaries are. */
export interface PrometheusBinaries {
  prometheus: string;
  promtool: string;
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/**
 * `prometheus` and `promtool` from `PORTAL_PROMETHEUS` / `PORTAL_PROMTOOL`
 * or the PATH; undefined when either is missing.
 */
export function findPrometheusBinaries(): PrometheusBinaries | undefined {
  const prometheus = process.env.PORTAL_PROMETHEUS || onPath('prometheus');
  const promtool = process.env.PORTAL_PROMTOOL || onPath('promtool');
  return prometheus && promtool ? { prometheus, promtool } : undefined;
}

/** Options of {@link startPrometheus}. */
export interface StartPrometheusOptions {
  /** Working folder: series file, TSDB (`data/`), config and log. Its `data/` is replaced. */
  dir: string;
  /** Port on 127.0.0.1. */
  port: number;
  /** The fleet whose series to load. */
  environments: ReadonlyArray<Environment>;
  /** The time the design is relative to; rounded down to 5 minutes. */
  now: Date;
  /** Minutes of samples after `now`; default two days. */
  aheadMinutes?: number;
  /** Default: {@link findPrometheusBinaries}. */
  binaries?: PrometheusBinaries;
  /** How long Prometheus may take to become ready; default 60 s. */
  readyTimeoutMs?: number;
}

/** A running sample Prometheus. */
export interface SamplePrometheus {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `now` as used (rounded down to 5 minutes). */
  now: Date;
  stats: SeriesStats;
  /** Milliseconds spent writing the series, backfilling them, and starting Prometheus. */
  timings: { writeMs: number; backfillMs: number; startMs: number };
  /** Path of the server's log. */
  log: string;
  /** Stops the server (SIGTERM, then SIGKILL after 10 s). */
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function exited(child: ChildProcess): Promise<void> {
  return new Promise(done => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killed = await Promise.race([
    exited(child).then(() => false),
    sleep(10_000).then(() => true),
  ]);
  if (killed) {
    child.kill('SIGKILL');
    await exited(child);
  }
}

/** Fails at once when the port is taken, before the series are written and backfilled for nothing. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', error => {
      const code = (error as { code?: string }).code;
      fail(
        new Error(
          code === 'EADDRINUSE'
            ? `port ${port} on 127.0.0.1 is taken; stop what listens there or choose another port`
            : `cannot listen on 127.0.0.1:${port}: ${error.message}`,
        ),
      );
    });
    server.listen(port, '127.0.0.1', () => server.close(() => done()));
  });
}

async function instantQuery(
  url: string,
  query: string,
  time: Date,
): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>> {
  const response = await fetch(`${url}/api/v1/query`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      query,
      time: String(time.getTime() / 1000),
    }).toString(),
  });
  const body = (await response.json()) as {
    status: string;
    error?: string;
    data?: {
      result: Array<{
        metric: Record<string, string>;
        value: [number, string];
      }>;
    };
  };
  if (body.status !== 'success' || !body.data) {
    throw new Error(
      `Prometheus refused "${query}": ${body.error ?? response.status}`,
    );
  }
  return body.data.result;
}

/**
 * Writes the sample series of the fleet, backfills them into `dir/data` and
 * starts Prometheus on `127.0.0.1:port` with that storage; resolves once it
 * is ready and answers for `now` with every series that has a sample then.
 */
export async function startPrometheus(
  options: StartPrometheusOptions,
): Promise<SamplePrometheus> {
  const binaries = options.binaries ?? findPrometheusBinaries();
  if (!binaries) {
    throw new Error(
      'prometheus and promtool were not found: install Debian\'s "prometheus" package, or set PORTAL_PROMETHEUS and PORTAL_PROMTOOL',
    );
  }
  await assertPortFree(options.port);
  const dir = resolve(options.dir);
  const dataDir = join(dir, 'data');
  const seriesFile = join(dir, 'series.om');
  const configFile = join(dir, 'prometheus.yml');
  const log = join(dir, 'prometheus.log');
  mkdirSync(dir, { recursive: true });
  rmSync(dataDir, { recursive: true, force: true });

  let started = performance.now();
  const stats = writeOpenMetrics(seriesFile, {
    environments: options.environments,
    now: options.now,
    aheadMinutes: options.aheadMinutes,
  });
  const writeMs = performance.now() - started;

  started = performance.now();
  try {
    await execFileAsync(
      binaries.promtool,
      [
        'tsdb',
        'create-blocks-from',
        'openmetrics',
        `--max-block-duration=${BACKFILL_BLOCK_DURATION}`,
        '--quiet',
        seriesFile,
        dataDir,
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(
      `promtool could not backfill ${seriesFile}: ${(
        e.stderr || e.message
      ).trim()}`,
    );
  } finally {
    rmSync(seriesFile, { force: true });
  }
  const backfillMs = performance.now() - started;

  writeFileSync(
    configFile,
    [
      '# The sample SLI series are backfilled blocks; nothing is scraped.',
      'global:',
      '  scrape_interval: 1m',
      '  evaluation_interval: 1m',
      '',
    ].join('\n'),
  );
  started = performance.now();
  const out = createWriteStream(log);
  const child = spawn(
    binaries.prometheus,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${dataDir}`,
      `--storage.tsdb.retention.time=${RETENTION}`,
      `--web.listen-address=127.0.0.1:${options.port}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const url = `http://127.0.0.1:${options.port}`;
  const stop = () => stopChild(child);

  try {
    const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `prometheus exited (${
            child.exitCode ?? child.signalCode
          }) before it was ready; see ${log} (is port ${options.port} taken?)`,
        );
      }
      const ready = await fetch(`${url}/-/ready`).then(
        r => r.ok,
        () => false,
      );
      if (ready) {
        // Another server on the port would answer too: make sure it is ours.
        const flags = await fetch(`${url}/api/v1/status/flags`).then(r =>
          r.json(),
        );
        if (flags?.data?.['storage.tsdb.path'] !== dataDir) {
          throw new Error(
            `another server answers on ${url} (its storage is ${flags?.data?.['storage.tsdb.path']}): is port ${options.port} taken?`,
          );
        }
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `prometheus was not ready on ${url} in time; see ${log}`,
        );
      }
      await sleep(100);
    }
    // The blocks must be queryable at once, up to `now`: every series with a
    // sample at `now` answers an instant query there.
    const [answer] = await instantQuery(url, 'count({service!=""})', stats.now);
    const loaded = Number(answer?.value[1] ?? 0);
    if (loaded !== stats.seriesAtNow) {
      throw new Error(
        `prometheus on ${url} answers with ${loaded} series at ${stats.now.toISOString()} where ${
          stats.seriesAtNow
        } were backfilled; see ${log}`,
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    now: alignNow(options.now),
    stats,
    timings: { writeMs, backfillMs, startMs: performance.now() - started },
    log,
    stop,
  };
}
