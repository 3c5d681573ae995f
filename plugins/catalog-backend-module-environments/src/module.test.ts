import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import type {
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import catalogBackend from '@backstage/plugin-catalog-backend';
import { ENVIRONMENT_ANNOTATIONS } from '@multicloud/plugin-environments-common';
import request from 'supertest';
import catalogModuleEnvironmentsEntityProvider from './index';

jest.setTimeout(60_000);

const SAMPLE = readFileSync(
  resolve(__dirname, '../../../config/environments.yaml'),
  'utf8',
);

// Under CI=true (as ./scripts/test.sh runs it) a missing PostgreSQL fails
// loudly instead of being skipped.
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const REFRESH_TASK = 'environments-provider:sample:refresh';

async function startCatalog(
  databaseId: TestDatabaseId,
  target: string,
  extraFeatures: Array<ServiceFactory> = [],
) {
  const knex = await databases.init(databaseId);
  // Runs the provider's task at startup and then when a test triggers it.
  // The mock is also a factory for itself, which its declared type omits.
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory(): ServiceFactory<SchedulerService>;
  };
  const backend = await startTestBackend({
    features: [
      catalogBackend,
      catalogModuleEnvironmentsEntityProvider,
      mockServices.database.factory({ knex }),
      scheduler.factory(),
      ...extraFeatures,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [{ allow: ['Resource'] }],
            processingInterval: { seconds: 1 },
            providers: {
              environments: {
                sample: {
                  target,
                  defaultOwner: 'group:default/platform-team',
                  system: 'system:default/multicloud-fleet',
                  schedule: {
                    frequency: { minutes: 10 },
                    timeout: { seconds: 30 },
                  },
                },
              },
            },
          },
        },
      }),
    ],
  });
  const refresh = () => scheduler.triggerTask(REFRESH_TASK);
  return { server: backend.server, stop: () => backend.stop(), refresh };
}

type Server = Awaited<ReturnType<typeof startCatalog>>['server'];

async function resources(server: Server): Promise<Entity[]> {
  const res = await request(server).get(
    '/api/catalog/entities/by-query?filter=kind=resource&limit=500',
  );
  expect(res.status).toBe(200);
  return res.body.items;
}

/** Polls the catalog until `check` stops throwing. */
async function eventually<T>(fn: () => Promise<T>, check: (t: T) => void) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await fn();
    try {
      check(value);
      return value;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(r => setTimeout(r, 250));
    }
  }
}

const names = (entities: Entity[]) =>
  entities
    .filter(e => e.spec?.type !== 'environments-file')
    .map(e => e.metadata.name)
    .sort();

const fileEntity = (entities: Entity[]) =>
  entities.find(e => e.spec?.type === 'environments-file');

describe.each(databases.eachSupportedId())(
  'catalogModuleEnvironmentsEntityProvider on %s',
  databaseId => {
    let dir: string;
    let file: string;

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'environments-'));
      file = join(dir, 'environments.yaml');
      writeFileSync(file, SAMPLE);
    });

    it('imports every environment with its relations, annotations and labels', async () => {
      const { server, stop } = await startCatalog(databaseId, file);
      const entities = await eventually(
        () => resources(server),
        e => expect(names(e)).toHaveLength(10),
      );
      expect(names(entities)).toEqual([
        'admin-azure-westus',
        'hci-azurestack-fra01',
        'hci-vsphere-ams01',
        'workload-aws-apsoutheast1',
        'workload-aws-useast1',
        'workload-azure-westeurope',
        'workload-gcp-europewest4',
        'workload-gcp-uscentral1',
        'workload-ibm-ussouth',
        'workload-oracle-frankfurt',
      ]);

      const aws = entities.find(
        e => e.metadata.name === 'workload-aws-useast1',
      )!;
      expect(aws.spec).toMatchObject({
        type: 'kubernetes-cluster',
        owner: 'group:default/platform-team',
        system: 'system:default/multicloud-fleet',
        dependsOn: ['resource:default/admin-azure-westus'],
      });
      expect(aws.metadata.annotations).toMatchObject({
        [ENVIRONMENT_ANNOTATIONS.provider]: 'aws',
        [ENVIRONMENT_ANNOTATIONS.region]: 'us-east-1',
        [ENVIRONMENT_ANNOTATIONS.role]: 'workload',
        [ENVIRONMENT_ANNOTATIONS.rolloutWave]: '0',
        [ENVIRONMENT_ANNOTATIONS.kubernetesFlavour]: 'eks',
        'kubernetes.io/api-server':
          'https://4F1C2B3A9D8E7F60.gr7.us-east-1.eks.amazonaws.com',
        'kubernetes.io/auth-provider': 'aws',
      });
      expect(aws.metadata.labels).toMatchObject({
        'multicloud.io/provider': 'aws',
        'multicloud.io/role': 'workload',
        'multicloud.io/environment-type': 'cloud',
        'cost-center': '4711',
      });
      expect(aws.metadata.tags).toEqual(['aws', 'workload', 'cloud', 'eks']);
      expect(aws.metadata.links?.[0]).toMatchObject({
        url: 'https://us-east-1.console.aws.amazon.com/eks/home?region=us-east-1#/clusters',
      });
      expect(aws.relations).toEqual(
        expect.arrayContaining([
          {
            type: 'dependsOn',
            targetRef: 'resource:default/admin-azure-westus',
          },
          { type: 'ownedBy', targetRef: 'group:default/platform-team' },
          { type: 'partOf', targetRef: 'system:default/multicloud-fleet' },
        ]),
      );

      const hci = entities.find(
        e => e.metadata.name === 'hci-azurestack-fra01',
      )!;
      expect(hci.metadata.annotations).toMatchObject({
        [ENVIRONMENT_ANNOTATIONS.hciPlatform]: 'azure-stack-hci',
        [ENVIRONMENT_ANNOTATIONS.arcEnabled]: 'true',
        [ENVIRONMENT_ANNOTATIONS.arcLocation]: 'westeurope',
      });

      const disabled = entities.find(
        e => e.metadata.name === 'workload-gcp-uscentral1',
      )!;
      expect(disabled.metadata.tags).toContain('disabled');
      expect(disabled.metadata.title).toMatch(/\(disabled\)$/);
      expect(disabled.metadata.annotations?.['kubernetes.io/api-server']).toBe(
        undefined,
      );

      const fleetFile = fileEntity(entities)!;
      expect(fleetFile.metadata.name).toBe('environments-file-sample');
      expect(fleetFile.metadata.description).toBe(
        `${file}: 10 environments loaded`,
      );
      await stop();
    });

    it('reads a file in a Git host through the UrlReader', async () => {
      const url =
        'https://github.com/acme/infra/blob/main/config/environments.yaml';
      const urlReader = mockServices.urlReader.mock({
        readUrl: async requested => {
          expect(requested).toBe(url);
          return {
            buffer: async () => Buffer.from(SAMPLE),
            stream: () => {
              throw new Error('not used');
            },
          };
        },
      });
      const { server, stop } = await startCatalog(databaseId, url, [
        urlReader.factory,
      ]);
      const entities = await eventually(
        () => resources(server),
        e => expect(names(e)).toHaveLength(10),
      );
      const admin = entities.find(
        e => e.metadata.name === 'admin-azure-westus',
      )!;
      const line =
        SAMPLE.split('\n').findIndex(l =>
          l.includes('name: admin-azure-westus'),
        ) + 1;
      expect(admin.metadata.annotations).toMatchObject({
        'backstage.io/managed-by-location': `url:${url}`,
        'backstage.io/view-url': `${url}#L${line}`,
      });
      await stop();
    });

    it('follows edits: a changed field, a removed environment', async () => {
      const { server, stop, refresh } = await startCatalog(databaseId, file);
      await eventually(
        () => resources(server),
        e => expect(names(e)).toHaveLength(10),
      );

      const edited = SAMPLE.replace(
        'description: Asia-Pacific workload region',
        'description: Singapore, serving the APAC members',
      ).replace(/ {2}- name: workload-ibm-ussouth[\s\S]*?(?= {2}- name: )/, '');
      writeFileSync(file, edited);
      await refresh();

      const entities = await eventually(
        () => resources(server),
        e => {
          expect(names(e)).not.toContain('workload-ibm-ussouth');
          expect(
            e.find(x => x.metadata.name === 'workload-aws-apsoutheast1')
              ?.metadata.description,
          ).toBe(
            'Singapore, serving the APAC members (Amazon Web Services, Asia Pacific (Singapore))',
          );
        },
      );
      expect(names(entities)).toHaveLength(9);
      await stop();
    });

    it('skips an invalid environment, keeps the others, and shows the precise error', async () => {
      writeFileSync(
        file,
        SAMPLE.replace('region: us-east-1', 'region: us-east-9'),
      );
      const { server, stop } = await startCatalog(databaseId, file);
      const entities = await eventually(
        () => resources(server),
        e => {
          expect(fileEntity(e)).toBeDefined();
          expect(names(e)).toHaveLength(9);
        },
      );
      expect(names(entities)).not.toContain('workload-aws-useast1');

      const fleetFile = fileEntity(entities)!;
      expect(fleetFile.metadata.tags).toEqual(['has-problems']);
      expect(fleetFile.metadata.description).toBe(
        `${file}: 9 environments loaded, 1 skipped, 1 error`,
      );
      const line = SAMPLE.split('\n').findIndex(l =>
        l.includes('region: us-east-1'),
      );
      expect(fleetFile.spec?.problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          line: line + 1,
          column: 13,
          environment: 'workload-aws-useast1',
          path: 'environments[2].region',
          text: `${file}:${
            line + 1
          }:13 environments[2].region: "us-east-9" is not an aws region (did you mean "us-east-1", "us-east-2", "us-west-1"?)`,
        }),
      ]);
      await stop();
    });

    it('keeps the last good state when the file stops being YAML', async () => {
      const { server, stop, refresh } = await startCatalog(databaseId, file);
      await eventually(
        () => resources(server),
        e => expect(names(e)).toHaveLength(10),
      );
      writeFileSync(file, `${SAMPLE}\n  - name: [broken\n`);
      await refresh();

      const entities = await eventually(
        () => resources(server),
        e => expect(fileEntity(e)?.metadata.tags).toContain('has-problems'),
      );
      expect(names(entities)).toHaveLength(10);
      const [problem] = fileEntity(entities)!.spec!.problems as Array<{
        text: string;
      }>;
      expect(problem.text).toMatch(/not valid YAML/);
      await stop();
    });
  },
);
