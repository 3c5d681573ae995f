import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type {
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogBackend from '@backstage/plugin-catalog-backend';
import catalogScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderBackend from '@backstage/plugin-scaffolder-backend';
import catalogEnvironments from '@multicloud/plugin-catalog-backend-module-environments';
import scaffolderEnvironments from '@multicloud/plugin-scaffolder-backend-module-environments';
import { parseEnvironments } from '@multicloud/plugin-environments-common';
import request from 'supertest';

jest.setTimeout(120_000);

const repoRoot = resolve(__dirname, '../../..');
const SAMPLE = readFileSync(join(repoRoot, 'config/environments.yaml'), 'utf8');
const TEMPLATES = ['add-region', 'add-hci-cluster', 'retire-environment'];

async function startPortalBackend(fleetFile: string) {
  // The mock is also a factory for itself, which its declared type omits.
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory(): ServiceFactory<SchedulerService>;
  };
  const backend = await startTestBackend({
    features: [
      catalogBackend,
      catalogScaffolderEntityModel,
      catalogEnvironments,
      scaffolderBackend,
      scaffolderEnvironments,
      scheduler.factory(),
      mockServices.rootConfig.factory({
        data: {
          backend: { baseUrl: 'http://localhost:7007' },
          environments: { localFile: fleetFile },
          catalog: {
            rules: [{ allow: ['Template', 'Resource'] }],
            locations: TEMPLATES.map(t => ({
              type: 'file',
              target: join(repoRoot, 'templates', t, 'template.yaml'),
            })),
            providers: {
              environments: {
                fleet: {
                  target: fleetFile,
                  schedule: {
                    frequency: { minutes: 10 },
                    timeout: { minutes: 1 },
                  },
                },
              },
            },
          },
        },
      }),
    ],
  });
  const refreshCatalog = () =>
    scheduler.triggerTask('environments-provider:fleet:refresh');
  return { backend, refreshCatalog };
}

type Server = Awaited<ReturnType<typeof startTestBackend>>['server'];

async function until<T>(what: string, fn: () => Promise<T | undefined>) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const value = await fn();
    if (value !== undefined) return value;
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function entity(server: Server, ref: string) {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  const res = await request(server).get(
    `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
  );
  return res.status === 200 ? res.body : undefined;
}

async function runTemplate(
  server: Server,
  template: string,
  values: Record<string, unknown>,
) {
  const created = await request(server)
    .post('/api/scaffolder/v2/tasks')
    .send({ templateRef: `template:default/${template}`, values });
  expect(created.status).toBe(201);
  const task = await until(`task of ${template}`, async () => {
    const res = await request(server).get(
      `/api/scaffolder/v2/tasks/${created.body.id}`,
    );
    return ['completed', 'failed'].includes(res.body.status)
      ? res.body
      : undefined;
  });
  const events = await request(server).get(
    `/api/scaffolder/v2/tasks/${created.body.id}/events`,
  );
  const log = events.body
    .map((e: { body: { message?: string } }) => e.body.message)
    .filter(Boolean)
    .join('\n');
  return { task, log };
}

describe('the fleet templates in local mode', () => {
  let fleetFile: string;
  let backend: Awaited<ReturnType<typeof startPortalBackend>>['backend'];
  let refreshCatalog: () => Promise<void>;

  beforeAll(async () => {
    fleetFile = join(
      mkdtempSync(join(tmpdir(), 'templates-')),
      'environments.yaml',
    );
    writeFileSync(fleetFile, SAMPLE);
    ({ backend, refreshCatalog } = await startPortalBackend(fleetFile));
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('registers every template: the catalog accepted them as valid', async () => {
    const { server } = backend;
    const names = [
      'add-workload-region',
      'add-hci-cluster',
      'retire-environment',
    ];
    const templates = await Promise.all(
      names.map(name =>
        until(name, () => entity(server, `template:default/${name}`)),
      ),
    );
    for (const template of templates) {
      expect(template.spec.steps.length).toBeGreaterThan(0);
    }
  });

  it('adds a region end to end, and the catalog shows it', async () => {
    const { task, log } = await runTemplate(
      backend.server,
      'add-workload-region',
      {
        provider: 'aws',
        region: 'eu-west-1',
        wave: 2,
        publish: 'local',
      },
    );
    expect({ status: task.status, log }).toMatchObject({ status: 'completed' });

    const written = readFileSync(fleetFile, 'utf8');
    expect(written.startsWith(SAMPLE)).toBe(true);
    expect(parseEnvironments(written).problems).toEqual([]);

    await refreshCatalog();
    const added = await until('the new environment in the catalog', () =>
      entity(backend.server, 'resource:default/workload-aws-euwest1'),
    );
    expect(added.metadata.annotations['multicloud.io/rollout-wave']).toBe('2');
  });

  it('adds an HCI cluster end to end', async () => {
    const { task, log } = await runTemplate(backend.server, 'add-hci-cluster', {
      platform: 'vsphere',
      site: 'rtm01',
      cluster: 'vsan-rtm-01',
      arcEnabled: false,
      publish: 'local',
    });
    expect({ status: task.status, log }).toMatchObject({ status: 'completed' });
    const env = parseEnvironments(
      readFileSync(fleetFile, 'utf8'),
    ).environments.find(e => e.name === 'hci-vsphere-rtm01');
    expect(env?.infrastructure?.kubernetes?.provider).toBe('tanzu');
    expect(env?.hci?.arc?.enabled).toBe(false);
  });

  it('retires an environment end to end', async () => {
    const { task, log } = await runTemplate(
      backend.server,
      'retire-environment',
      {
        environment: 'resource:default/workload-ibm-ussouth',
        mode: 'disable',
        publish: 'local',
      },
    );
    expect({ status: task.status, log }).toMatchObject({ status: 'completed' });
    await refreshCatalog();
    await until('the disabled environment', async () => {
      const e = await entity(
        backend.server,
        'resource:default/workload-ibm-ussouth',
      );
      return e?.metadata.tags.includes('disabled') ? e : undefined;
    });
  });

  it('fails a bad request with a message a person understands, and changes nothing', async () => {
    const before = readFileSync(fleetFile, 'utf8');
    const { task, log } = await runTemplate(
      backend.server,
      'retire-environment',
      {
        environment: 'resource:default/admin-azure-westus',
        mode: 'remove',
        publish: 'local',
      },
    );
    expect(task.status).toBe('failed');
    expect(log).toContain(
      'admin-azure-westus is the admin region of the fleet',
    );
    expect(readFileSync(fleetFile, 'utf8')).toBe(before);
  });
});
