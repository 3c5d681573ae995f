/**
 * A Prometheus on loopback with the sample SLI series of a fleet file:
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     packages/slo-sample/src/cli.ts \
 *     --fleet config/environments.yaml --out .run/prometheus --port 9464 \
 *     --config-out .run/app-config.prometheus.yaml [--now 2026-11-21T12:00:00Z] [--ahead 2d]
 *
 * Backfills the series into `<out>/data`, starts Prometheus, writes an
 * app-config fragment that points the SLO backend at it, prints what each
 * sample SLO must show, and runs until SIGINT or SIGTERM.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  formatProblem,
  parseEnvironments,
  type Environment,
} from '@multicloud/plugin-environments-common';
import { durationSeconds } from '@multicloud/plugin-slo-common';
import {
  DEFAULT_AHEAD_MINUTES,
  ENVIRONMENT_LABEL,
  SAMPLE_SERVICES,
} from './design';
import { startPrometheus, type SamplePrometheus } from './prometheus';
import { computeTruth, type SampleTruth } from './truth';

const USAGE =
  'Usage: cli.ts --fleet <environments.yaml> --out <dir> --port <port> --config-out <app-config fragment> [--now <ISO time>] [--ahead <duration, default 2d>]';

interface Options {
  fleet: string;
  out: string;
  port: number;
  configOut: string;
  now: Date;
  aheadMinutes: number;
}

function parseArgs(argv: string[]): Options {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const match = /^--(fleet|out|port|config-out|now|ahead)(?:=(.*))?$/.exec(
      arg,
    );
    if (!match) throw new Error(`unknown argument "${arg}"`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') {
      throw new Error(`--${match[1]} needs a value`);
    }
    values[match[1]] = value;
  }
  for (const required of ['fleet', 'out', 'port', 'config-out']) {
    if (!values[required]) throw new Error(`--${required} is required`);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`--port must be a port number, not "${values.port}"`);
  }
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    throw new Error(
      `--now must be an ISO time such as 2026-11-21T12:00:00Z, not "${values.now}"`,
    );
  }
  let aheadMinutes = DEFAULT_AHEAD_MINUTES;
  if (values.ahead) {
    try {
      aheadMinutes = Math.floor(durationSeconds(values.ahead) / 60);
    } catch {
      throw new Error(
        `--ahead must be a duration such as 12h or 2d, not "${values.ahead}"`,
      );
    }
  }
  return {
    fleet: values.fleet,
    out: values.out,
    port,
    configOut: values['config-out'],
    now,
    aheadMinutes,
  };
}

/** The app-config fragment that points the SLO backend at the sample Prometheus. */
export function configFragment(url: string): string {
  return [
    '# Written by the sample Prometheus (packages/slo-sample); valid while it runs.',
    '# It holds the SLI series of every environment, told apart by a label, and',
    '# wins over the placeholder prometheus_url of the sample fleet file.',
    'slo:',
    '  prometheus:',
    `    url: ${url}`,
    `    environmentLabel: ${ENVIRONMENT_LABEL}`,
    '',
  ].join('\n');
}

const isoSeconds = (seconds: number) => new Date(seconds * 1000).toISOString();

function formatTruth(truth: SampleTruth): string[] {
  const percent = (value: number | null) =>
    value === null ? '-' : `${(value * 100).toFixed(2)} %`;
  const idWidth = Math.max(...truth.slos.map(s => s.sloId.length));
  const envWidth = Math.max(...truth.slos.map(s => s.environment.length));
  return truth.slos.map(s => {
    const firing = s.burnRates
      .filter(b => b.firing)
      .map(b => `${b.long}/${b.short} ${b.severity}`);
    return `  ${s.sloId.padEnd(idWidth)}  ${s.environment.padEnd(
      envWidth,
    )}  ${s.state.padEnd(8)}  SLI ${percent(s.sli).padStart(
      8,
    )}  budget left ${percent(s.budgetRemaining).padStart(9)}${
      firing.length ? `  firing: ${firing.join(', ')}` : ''
    }  (${s.scenario})`;
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const configOut = resolve(options.configOut);
  rmSync(configOut, { force: true });
  const parsed = parseEnvironments(
    readFileSync(resolve(options.fleet), 'utf8'),
    { file: options.fleet },
  );
  for (const problem of parsed.problems) {
    process.stderr.write(`${formatProblem(problem)}\n`);
  }
  if (parsed.fatal) {
    throw new Error(`${options.fleet} has no usable list of environments`);
  }
  // A signal while Prometheus starts waits for it, so that it never outlives us.
  let signalled: string | undefined;
  let stop = (signal: string) => {
    signalled ??= signal;
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const prometheus = await startPrometheus({
    dir: options.out,
    port: options.port,
    environments: parsed.environments,
    now: options.now,
    aheadMinutes: options.aheadMinutes,
  });
  let stopping = false;
  stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping Prometheus\n`);
    prometheus.stop().then(
      () => process.exit(0),
      error => {
        process.stderr.write(`${error}\n`);
        process.exit(1);
      },
    );
  };
  if (signalled) {
    stop(signalled);
    return;
  }
  try {
    report(prometheus, options, configOut, parsed.environments);
  } catch (error) {
    await prometheus.stop();
    throw error;
  }
}

/** Writes the app-config fragment and prints what was loaded and what each sample SLO shows. */
function report(
  prometheus: SamplePrometheus,
  options: Options,
  configOut: string,
  environments: Environment[],
): void {
  writeFileSync(configOut, configFragment(prometheus.url));
  const { stats, timings } = prometheus;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  process.stdout.write(
    [
      `Prometheus ${prometheus.url} holds ${stats.series} SLI series of ${options.fleet} (${stats.samples} samples)`,
      stats.firstTimestamp !== undefined && stats.lastTimestamp !== undefined
        ? `  from ${isoSeconds(stats.firstTimestamp)} to ${isoSeconds(
            stats.lastTimestamp,
          )}; the design is relative to ${stats.now.toISOString()}`
        : `  ${
            options.fleet
          } has no enabled environment that runs a sample service (${Object.keys(
            SAMPLE_SERVICES,
          ).join(', ')})`,
      `  written in ${seconds(timings.writeMs)}, backfilled in ${seconds(
        timings.backfillMs,
      )}, ready in ${seconds(timings.startMs)}; log: ${prometheus.log}`,
      `App config fragment: ${configOut}`,
      `What the sample SLOs show at ${stats.now.toISOString()}:`,
      ...formatTruth(computeTruth(environments, stats.now)),
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}

main().catch(error => {
  process.stderr.write(
    `${error instanceof Error ? error.message : error}\n${USAGE}\n`,
  );
  process.exit(1);
});
