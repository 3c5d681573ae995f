import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const outputDir = join(repoRoot, 'test-output', 'e2e');
export const fleetFilePath = () => join(outputDir, 'environments.yaml');
export const port = Number(process.env.PORTAL_E2E_PORT ?? 7077);
export const baseUrl = `http://localhost:${port}`;

/** An environment the fleet file of the browser tests adds, with a region AWS does not have. */
export const BROKEN_ENVIRONMENT = 'workload-aws-useast9';

/**
 * The sample fleet plus one broken environment, so the tests see both the
 * good environments and the error of the bad one.
 */
function writeFleetFile(): string {
  const sample = readFileSync(
    join(repoRoot, 'config/environments.yaml'),
    'utf8',
  );
  const path = join(outputDir, 'environments.yaml');
  writeFileSync(
    path,
    `${sample}
  - name: ${BROKEN_ENVIRONMENT}
    role: workload
    provider: aws
    type: cloud
    region: us-east-9
`,
  );
  return path;
}

export const simulatorControlUrl = `http://127.0.0.1:${port + 1}`;

/** A FOCUS export of the browser tests with a record cut short. */
export const BROKEN_FOCUS_EXPORT = 'broken/export.csv';

/** Where the browser tests' sample FOCUS cost exports are written. */
const focusDir = join(outputDir, 'focus');

/**
 * Writes sample FOCUS exports for `fleetFile` (the three months ending with
 * this one) with the generator the start command uses.
 */
function writeFocusExports(fleetFile: string): string {
  rmSync(focusDir, { recursive: true, force: true });
  const result = spawnSync(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'packages/focus-sample/src/cli.ts',
      '--fleet',
      fleetFile,
      '--out',
      focusDir,
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  writeFileSync(
    join(outputDir, 'focus-sample.log'),
    `${result.stdout ?? ''}${result.stderr ?? ''}`,
  );
  if (result.status !== 0) {
    throw new Error(
      `could not write the sample cost exports; see ${join(
        outputDir,
        'focus-sample.log',
      )}`,
    );
  }
  // One export with a broken record, so the tests see its problem reported
  // while the good exports load.
  const awsDir = join(focusDir, 'aws');
  const [header] = readFileSync(
    join(awsDir, readdirSync(awsDir).sort()[0]),
    'utf8',
  ).split('\n');
  mkdirSync(dirname(join(focusDir, BROKEN_FOCUS_EXPORT)), { recursive: true });
  writeFileSync(
    join(focusDir, BROKEN_FOCUS_EXPORT),
    `${header}\n2026-11-01,cut short\n`,
  );
  return focusDir;
}

/** Starts the Kubernetes API simulator for the clusters of `fleetFile`. */
async function startSimulator(fleetFile: string): Promise<{
  child: ChildProcess;
  config: string;
}> {
  const config = join(outputDir, 'app-config.simulator.yaml');
  rmSync(config, { force: true });
  const log = createWriteStream(join(outputDir, 'simulator.log'));
  const child = spawn(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'packages/kubernetes-simulator/src/cli.ts',
      '--fleet',
      fleetFile,
      '--config-out',
      config,
      '--control-port',
      String(port + 1),
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const deadline = Date.now() + 60_000;
  while (!existsSync(config) || statSync(config).size === 0) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(
        `the simulator did not start; see ${join(outputDir, 'simulator.log')}`,
      );
    }
    await new Promise(r => setTimeout(r, 250));
  }
  return { child, config };
}

/**
 * Starts a Prometheus with the sample SLI series of `fleetFile`
 * (packages/slo-sample); `ready` gives the app-config fragment that points
 * the SLO backend at it once it answers.
 */
function startSamplePrometheus(fleetFile: string): {
  child: ChildProcess;
  ready: Promise<string>;
} {
  const config = join(outputDir, 'app-config.prometheus.yaml');
  rmSync(config, { force: true });
  const logFile = join(outputDir, 'slo-sample.log');
  const log = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'packages/slo-sample/src/cli.ts',
      '--fleet',
      fleetFile,
      '--out',
      join(outputDir, 'prometheus'),
      '--port',
      String(port + 2),
      '--config-out',
      config,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const ready = (async () => {
    const deadline = Date.now() + 120_000;
    while (!existsSync(config) || statSync(config).size === 0) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`the sample Prometheus did not start; see ${logFile}`);
      }
      await new Promise(r => setTimeout(r, 250));
    }
    return config;
  })();
  // Awaited once the simulator is up; a failure before that stops both.
  ready.catch(() => undefined);
  return { child, ready };
}

/** A running portal: the backend (serving the built app), its simulator and its Prometheus. */
export interface Portal {
  backend: ChildProcess;
  simulator: ChildProcess;
  prometheus: ChildProcess;
}

/** Starts the simulator and the backend, which serves the built app, and waits until it answers. */
export async function startPortal(): Promise<Portal> {
  mkdirSync(outputDir, { recursive: true });
  const stale = await fetch(baseUrl).then(
    () => true,
    () => false,
  );
  if (stale) {
    throw new Error(
      `something already listens on ${baseUrl}; stop it, or set PORTAL_E2E_PORT to another port`,
    );
  }
  const fleetFile = writeFleetFile();
  const fleetConfig = join(outputDir, 'app-config.fleet.yaml');
  writeFileSync(
    fleetConfig,
    JSON.stringify({
      catalog: {
        providers: { environments: { fleet: { target: fleetFile } } },
      },
      environments: {
        // The templates' local mode writes the same copy the catalog reads.
        localFile: fleetFile,
        file: fleetFile,
        status: { frequency: { seconds: 5 }, timeout: { seconds: 3 } },
      },
      finops: {
        // Ingested a second after start and every 10 s, so the cost views
        // have data within seconds.
        focus: {
          directories: [writeFocusExports(fleetFile)],
          schedule: {
            frequency: { seconds: 10 },
            timeout: { minutes: 2 },
            initialDelay: { seconds: 1 },
          },
        },
      },
    }),
  );
  const prometheus = startSamplePrometheus(fleetFile);
  let simulator: Awaited<ReturnType<typeof startSimulator>>;
  let prometheusConfig: string;
  try {
    simulator = await startSimulator(fleetFile);
    prometheusConfig = await prometheus.ready;
  } catch (error) {
    stopPortal({ prometheus: prometheus.child });
    throw error;
  }
  const log = createWriteStream(join(outputDir, 'backend.log'));
  const child = spawn(
    'yarn',
    [
      'workspace',
      'backend',
      'start',
      '--config',
      join(repoRoot, 'app-config.yaml'),
      '--config',
      join(repoRoot, 'packages/e2e/app-config.e2e.yaml'),
      '--config',
      fleetConfig,
      '--config',
      simulator.config,
      '--config',
      prometheusConfig,
      ...(process.env.PORTAL_E2E_EXTRA_CONFIG
        ? ['--config', process.env.PORTAL_E2E_EXTRA_CONFIG]
        : []),
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, PORTAL_E2E_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      stopPortal({
        backend: child,
        simulator: simulator.child,
        prometheus: prometheus.child,
      });
      throw new Error(
        `the backend exited with code ${child.exitCode}; see ${join(
          outputDir,
          'backend.log',
        )}`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (res.ok) {
        return {
          backend: child,
          simulator: simulator.child,
          prometheus: prometheus.child,
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  stopPortal({
    backend: child,
    simulator: simulator.child,
    prometheus: prometheus.child,
  });
  throw new Error(
    `the backend did not become ready on ${baseUrl} within 180 s`,
  );
}

export function stopPortal(portal: Partial<Portal> | undefined) {
  for (const child of [
    portal?.backend,
    portal?.simulator,
    portal?.prometheus,
  ]) {
    if (child?.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PORTAL_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Opens the portal and signs in with the guest provider. */
export async function signInAsGuest(page: Page) {
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByRole('link', { name: 'Catalog', exact: true })
    .first()
    .waitFor({ timeout: 60_000 });
}

export async function screenshot(page: Page, name: string) {
  const path = join(outputDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Starts the portal and a signed-in browser page before the tests of a file,
 * and stops both after them.
 */
export function portalSession(viewport = { width: 1440, height: 1000 }) {
  let backend: Portal | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  before(async () => {
    backend = await startPortal();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport });
    await signInAsGuest(page);
  });
  after(async () => {
    await browser?.close();
    stopPortal(backend);
  });
  return {
    get page(): Page {
      if (!page) throw new Error('the portal session has not started');
      return page;
    },
  };
}
