/**
 * The fleet status API with 500 simulated clusters, 10% slow and 5% dead:
 * time to answer cold (nothing probed yet) and warm (answers stored),
 * against the slowest healthy cluster's own latency (the floor). Runs the
 * real backend (Kubernetes plugin, cluster supplier, fleet status API) in a
 * child process against the Kubernetes API simulator.
 *
 *   yarn bench fleet-status [clusters]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  KubernetesSimulator,
  type SimulatedClusterSpec,
} from 'kubernetes-simulator';

const count = Number(process.argv[2] ?? 500);
const SLOW_MS = 1500;
const port = 7188;
const baseUrl = `http://localhost:${port}`;
const repoRoot = resolve(__dirname, '..');

function fleetYaml(names: string[]): string {
  const lines = ['environments:'];
  names.forEach((name, i) => {
    lines.push(
      `  - name: ${name}`,
      `    role: ${i === 0 ? 'admin' : 'workload'}`,
      '    provider: aws',
      '    type: cloud',
      '    region: us-east-1',
      '    infrastructure:',
      '      kubernetes:',
      '        provider: eks',
      '        version: "1.36"',
      `        api_server: https://${name}.example.invalid`,
    );
  });
  return `${lines.join('\n')}\n`;
}

async function main() {
  const names = Array.from({ length: count }, (_, i) => `bench-${i}`);
  const specs: SimulatedClusterSpec[] = names.map((name, i) => ({
    name,
    version: '1.36',
    nodes: 3,
    token: 'simulated',
    ...(i % 20 === 7 ? { state: 'down' as const } : {}),
    ...(i % 10 === 3 ? { latencyMs: SLOW_MS } : {}),
    workloads: [
      {
        namespace: 'ledger',
        name: 'ledger-peer',
        kubernetesId: 'ledger-peer',
        replicas: 2,
        image: 'ledger/peer:2.4.0',
      },
    ],
  }));
  const simulator = await KubernetesSimulator.start(specs, { controlPort: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'bench-fleet-'));
  const fleetFile = join(dir, 'environments.yaml');
  writeFileSync(fleetFile, fleetYaml(names));
  const config = join(dir, 'app-config.bench.yaml');
  writeFileSync(
    config,
    JSON.stringify({
      app: { baseUrl },
      backend: { baseUrl, listen: { port }, cors: { origin: baseUrl } },
      catalog: {
        providers: { environments: { fleet: { target: fleetFile } } },
      },
      environments: {
        file: fleetFile,
        status: {
          frequency: { hours: 1 },
          timeout: { seconds: 5 },
          concurrency: 64,
        },
        clusters: {
          simulated: true,
          overrides: Object.fromEntries(
            names.map(name => [
              name,
              {
                url: simulator.url(name),
                authProvider: 'serviceAccount',
                serviceAccountToken: 'simulated',
                skipMetricsLookup: true,
              },
            ]),
          ),
        },
      },
    }),
  );

  const backend = spawn(
    'yarn',
    [
      'workspace',
      'backend',
      'start',
      '--config',
      join(repoRoot, 'app-config.yaml'),
      '--config',
      config,
    ],
    { cwd: repoRoot, stdio: 'ignore', detached: true },
  );
  try {
    const deadline = Date.now() + 180_000;
    for (;;) {
      const ready = await fetch(
        `${baseUrl}/.backstage/health/v1/readiness`,
      ).then(
        r => r.ok,
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline) throw new Error('the backend did not start');
      await new Promise(r => setTimeout(r, 500));
    }
    const session = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    }).then(r => r.json());
    const headers = {
      Authorization: `Bearer ${session.backstageIdentity.token}`,
    };
    const fleet = async () => {
      const started = performance.now();
      const res = await fetch(`${baseUrl}/api/environments/fleet`, { headers });
      const body = await res.json();
      if (!res.ok) throw new Error(JSON.stringify(body));
      return { ms: performance.now() - started, body };
    };

    // The floor: the slowest healthy cluster answering one request itself.
    const slowest = names.find((_, i) => i % 10 === 3 && i % 20 !== 7)!;
    const floorStart = performance.now();
    await fetch(`${simulator.url(slowest)}/version`, {
      headers: { Authorization: 'Bearer simulated' },
    });
    const floorMs = performance.now() - floorStart;

    const coldStart = performance.now();
    const cold = await fleet();
    const health: Record<string, number> = {};
    for (const e of cold.body.environments) {
      health[e.status.health] = (health[e.status.health] ?? 0) + 1;
    }
    // The clusters still pending at the first answer land in the store
    // shortly after; this is when the whole fleet has a status.
    let allProbedMs = cold.ms;
    for (;;) {
      const again = await fleet();
      const pending = again.body.environments.filter(
        (e: { status: { health: string } }) => e.status.health === 'pending',
      ).length;
      if (pending === 0) {
        allProbedMs = performance.now() - coldStart;
        break;
      }
      await new Promise(r => setTimeout(r, 100));
    }
    const warmRuns: number[] = [];
    for (let i = 0; i < 20; i++) warmRuns.push((await fleet()).ms);
    warmRuns.sort((a, b) => a - b);
    const warmMs = warmRuns[Math.floor(warmRuns.length / 2)];

    console.log(
      `fleet status API, ${count} simulated clusters (${
        count / 10
      } answer in ${SLOW_MS} ms, ${
        count / 20
      } refuse connections), probe timeout 5 s, concurrency 64`,
    );
    const row = (label: string, ms: number, digits = 2) =>
      console.log(
        `  ${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms${
          label.includes('floor')
            ? ''
            : `   ratio ${(ms / floorMs).toFixed(digits)}x`
        }`,
      );
    console.log(`  first answer: ${JSON.stringify(health)}`);
    row('slowest healthy cluster alone (floor)', floorMs);
    row('cold, first answer (waits <= timeout + 1 s)', cold.ms);
    row('cold, until every cluster has a status', allProbedMs);
    row('warm (median of 20, answers stored)', warmMs, 3);
  } finally {
    if (backend.pid) process.kill(-backend.pid, 'SIGTERM');
    await simulator.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
