import { resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { backendFeatures } from './features';

const repoRoot = resolve(__dirname, '../../..');
const pgConnectionString =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;

function databaseConfig(kind: 'sqlite' | 'postgres') {
  if (kind === 'sqlite') {
    return { client: 'better-sqlite3', connection: ':memory:' };
  }
  const url = new URL(pgConnectionString!);
  return {
    client: 'pg',
    // A fresh prefix per run gives every plugin a database of its own.
    prefix: `portal_test_${randomBytes(4).toString('hex')}_`,
    connection: {
      host: url.hostname,
      port: Number(url.port),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    },
  };
}

const databases: Array<'sqlite' | 'postgres'> = ['sqlite', 'postgres'];

describe.each(databases)('the reference backend on %s', kind => {
  it('starts every feature and serves the sample catalog', async () => {
    if (!pgConnectionString && kind === 'postgres') {
      throw new Error(
        'No PostgreSQL to test against: run ./scripts/test.sh, which starts one, or set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING',
      );
    }
    const backend = await startTestBackend({
      features: [
        ...backendFeatures,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            backend: {
              baseUrl: 'http://localhost:7007',
              database: databaseConfig(kind),
            },
            // Jest runs with NODE_ENV=test, which the guest provider refuses by default.
            auth: {
              providers: {
                guest: { dangerouslyAllowOutsideDevelopment: true },
              },
            },
            catalog: {
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'API',
                    'Resource',
                    'Location',
                    'Domain',
                    'User',
                    'Group',
                  ],
                },
              ],
              locations: [
                {
                  type: 'file',
                  target: resolve(repoRoot, 'examples/entities.yaml'),
                },
                {
                  type: 'file',
                  target: resolve(repoRoot, 'examples/org.yaml'),
                },
              ],
            },
            environments: {
              file: resolve(repoRoot, 'config/environments.yaml'),
            },
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [{ type: 'config', clusters: [] }],
            },
          },
        }),
      ],
    });

    const { server } = backend;
    const deadline = Date.now() + 60_000;
    let names: string[] = [];
    while (Date.now() < deadline) {
      const res = await request(server).get(
        '/api/catalog/entities/by-query?filter=kind=component',
      );
      expect(res.status).toBe(200);
      names = res.body.items.map(
        (e: { metadata: { name: string } }) => e.metadata.name,
      );
      if (names.includes('ledger-peer')) break;
      await new Promise(r => setTimeout(r, 500));
    }
    expect(names).toEqual(
      expect.arrayContaining([
        'ledger-peer',
        'ledger-orderer',
        'ledger-gateway',
        'ledger-explorer',
        'hsm-gateway',
      ]),
    );

    const system = await request(server).get(
      '/api/catalog/entities/by-name/system/default/ledger-network',
    );
    expect(system.status).toBe(200);
    expect(system.body.spec.domain).toBe('digital-assets');

    const actions = await request(server).get('/api/scaffolder/v2/actions');
    expect(actions.status).toBe(200);
    expect(actions.body.map((a: { id: string }) => a.id)).toContain(
      'publish:github:pull-request',
    );

    const guest = await request(server)
      .get('/api/auth/guest/refresh')
      .set('X-Requested-With', 'XMLHttpRequest');
    expect(guest.status).toBe(200);
    expect(guest.body.backstageIdentity.identity.userEntityRef).toBe(
      'user:development/guest',
    );
    await backend.stop();
  }, 120_000);
});
