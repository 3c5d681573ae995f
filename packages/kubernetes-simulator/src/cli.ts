/**
 * Simulated clusters for every Kubernetes environment of a fleet file:
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     packages/kubernetes-simulator/src/cli.ts \
 *     --fleet config/environments.yaml --config-out /tmp/sim.yaml \
 *     [--control-port 7099]
 *
 * Writes an app-config fragment that points each environment's cluster at
 * its simulated API server and the FinOps plugin at the OpenCost of each,
 * prints the clusters and the control API, and runs until SIGINT or SIGTERM.
 * The fragment stays behind when it stops.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  formatProblem,
  parseEnvironments,
} from '@multicloud/plugin-environments-common';
import { clustersForFleet } from './fleet';
import { KubernetesSimulator } from './KubernetesSimulator';
import {
  OPENCOST_NAMESPACE,
  OPENCOST_PORT,
  OPENCOST_PROXY_PATH,
  OPENCOST_SERVICE,
} from './opencost';

/** The token every simulated cluster wants, and the fragment hands out. */
export const SIMULATED_TOKEN = 'simulated';
const DEFAULT_CONTROL_PORT = 7099;

const USAGE = `Usage: cli.ts --fleet <environments.yaml> --config-out <app-config fragment> [--control-port ${DEFAULT_CONTROL_PORT}]`;

interface Options {
  fleet: string;
  configOut: string;
  controlPort: number;
}

function parseArgs(argv: string[]): Options {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const match = /^--(fleet|config-out|control-port)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument "${arg}"`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') {
      throw new Error(`--${match[1]} needs a value`);
    }
    values[match[1]] = value;
  }
  if (!values.fleet) throw new Error('--fleet is required');
  if (!values['config-out']) throw new Error('--config-out is required');
  const controlPort = Number(values['control-port'] ?? DEFAULT_CONTROL_PORT);
  if (
    !Number.isInteger(controlPort) ||
    controlPort < 0 ||
    controlPort > 65535
  ) {
    throw new Error(
      `--control-port must be a port number, not "${values['control-port']}"`,
    );
  }
  return { fleet: values.fleet, configOut: values['config-out'], controlPort };
}

/** The app-config fragment, as YAML. */
export function configFragment(
  clusters: Array<{ name: string; url: string }>,
): string {
  const lines = [
    '# Written by the Kubernetes simulator (packages/kubernetes-simulator);',
    '# valid while it runs. Every cluster is a simulated API server on loopback.',
    'environments:',
    '  clusters:',
    '    simulated: true',
    `    overrides:${clusters.length === 0 ? ' {}' : ''}`,
  ];
  for (const { name, url } of clusters) {
    lines.push(
      `      ${name}:`,
      `        url: ${url}`,
      '        authProvider: serviceAccount',
      `        serviceAccountToken: ${SIMULATED_TOKEN}`,
      '        skipMetricsLookup: true',
    );
  }
  lines.push(
    'finops:',
    '  opencost:',
    '    # Every simulated cluster runs OpenCost, reached through the service',
    "    # proxy of its API server with the credentials above.",
    '    serviceProxy:',
    `      namespace: ${OPENCOST_NAMESPACE}`,
    `      service: ${OPENCOST_SERVICE}`,
    `      port: ${OPENCOST_PORT}`,
    '    days: 31',
  );
  return `${lines.join('\n')}\n`;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const fleetPath = resolve(options.fleet);
  const parsed = parseEnvironments(readFileSync(fleetPath, 'utf8'), {
    file: options.fleet,
  });
  for (const problem of parsed.problems) {
    process.stderr.write(`${formatProblem(problem)}\n`);
  }
  if (parsed.fatal) {
    throw new Error(`${options.fleet} has no usable list of environments`);
  }
  const specs = clustersForFleet(parsed.environments).map(spec => ({
    ...spec,
    token: SIMULATED_TOKEN,
  }));
  const simulator = await KubernetesSimulator.start(specs, {
    controlPort: options.controlPort,
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the simulated clusters\n`);
    simulator.stop().then(
      () => process.exit(0),
      error => {
        process.stderr.write(`${error}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const clusters = simulator.names().map(name => simulator.status(name));
  const configOut = resolve(options.configOut);
  writeFileSync(configOut, configFragment(clusters));

  const width = Math.max(0, ...clusters.map(c => c.name.length));
  process.stdout.write(
    `Simulating ${clusters.length} Kubernetes cluster(s) of ${options.fleet} (token "${SIMULATED_TOKEN}"):\n`,
  );
  for (const c of clusters) {
    const workloads = c.workloads.filter(
      w => !['kube-system', 'monitoring'].includes(w.namespace),
    );
    const notes = [
      ...workloads
        .filter(w => w.failingPods)
        .map(w => `${w.name}: ${w.failingPods} pod(s) in CrashLoopBackOff`),
      ...workloads
        .filter(w => w.rollingOut)
        .map(w => `${w.name}: rollout in progress`),
    ];
    process.stdout.write(
      `  ${c.name.padEnd(width)}  ${c.url}  ${c.gitVersion}  ${
        c.nodes
      } node(s)  ${workloads.length} service(s)${
        notes.length ? `  (${notes.join('; ')})` : ''
      }\n`,
    );
  }
  const example =
    clusters.find(c => c.name.startsWith('workload-'))?.name ??
    clusters[0]?.name ??
    'NAME';
  process.stdout.write(
    [
      `App config fragment: ${configOut}`,
      `OpenCost of each cluster: <url>${OPENCOST_PROXY_PATH}/allocation/compute?window=7d&step=1d&aggregate=namespace (token "${SIMULATED_TOKEN}")`,
      `Control API: ${simulator.controlUrl}/clusters`,
      `  curl -X POST -d '{"state":"down"}' ${simulator.controlUrl}/clusters/${example}`,
      `  (states: up, down, hang, error, unauthorized; also {"latencyMs":2000}, {"opencost":false})`,
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
