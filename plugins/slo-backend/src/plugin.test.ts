import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { SlosResponse } from '@multicloud/plugin-slo-common';
import request from 'supertest';
import { openSloRatio } from './__testUtils__/documents';
import sloBackend from './index';
import { SLO_DEFINITIONS_ANNOTATION } from '@multicloud/plugin-slo-common';

jest.setTimeout(60_000);

const FLEET = `environments:
  - name: workload-aws-useast1
    role: workload
    provider: aws
    type: cloud
    region: us-east-1
    observability:
      prometheus_url: https://prometheus.use1.example.invalid
  - name: workload-gcp-europewest4
    role: workload
    provider: gcp
    type: cloud
    region: europe-west4
  - name: workload-oracle-frankfurt
    role: workload
    provider: oracle
    type: cloud
    region: eu-frankfurt-1
    enabled: false
`;

const REMOTE: Record<string, string> = {
  'https://git.example.test/shop/cart-slos.yaml': openSloRatio({
    name: 'cart',
  }),
  // The catalog entity's SLOs name no service: they belong to the entity.
  'https://git.example.test/payments/slos.yaml': openSloRatio({
    name: 'payments',
    service: 'payments',
  }),
};

/** A loopback port nothing listens on: connections are refused at once. */
async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise(resolve => server.close(resolve));
  return port;
}

function writeSources() {
  const dir = mkdtempSync(join(tmpdir(), 'slo-backend-'));
  mkdirSync(join(dir, 'slos', 'team-a'), { recursive: true });
  writeFileSync(join(dir, 'environments.yaml'), FLEET);
  writeFileSync(
    join(dir, 'slos', 'team-a', 'checkout.yaml'),
    openSloRatio({ name: 'checkout' }),
  );
  writeFileSync(
    join(dir, 'slos', 'broken.yml'),
    `${openSloRatio({ name: 'search' })}---\n${openSloRatio({
      name: 'login',
      target: 1.5,
    })}`,
  );
  writeFileSync(join(dir, 'slos', 'README.md'), 'not a definition');
  writeFileSync(
    join(dir, 'ledger-slos.yaml'),
    openSloRatio({ name: 'ledger', service: 'ledger-peer' }),
  );
  return dir;
}

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments',
      namespace: 'default',
      annotations: {
        [SLO_DEFINITIONS_ANNOTATION]:
          'url:https://git.example.test/payments/slos.yaml',
      },
    },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  },
];

async function startPortal(options: {
  dir: string;
  prometheus?: JsonObject;
  extraEntities?: Entity[];
}) {
  const urlReader = mockServices.urlReader.mock({
    readUrl: async (url: string) => {
      const text = REMOTE[url];
      if (text === undefined) throw new NotFoundError(`${url} not found`);
      return {
        buffer: async () => Buffer.from(text),
        stream: () => {
          throw new Error('not used');
        },
      } as unknown as Awaited<ReturnType<UrlReaderService['readUrl']>>;
    },
  });
  return startTestBackend({
    features: [
      sloBackend,
      urlReader.factory,
      catalogServiceMock.factory({
        entities: [...entities, ...(options.extraEntities ?? [])],
      }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://portal.test' },
          environments: { file: join(options.dir, 'environments.yaml') },
          slo: {
            definitions: {
              directories: [join(options.dir, 'slos')],
              files: [join(options.dir, 'missing.yaml')],
              urls: [
                'https://git.example.test/shop/cart-slos.yaml',
                'https://git.example.test/shop/gone.yaml',
              ],
            },
            ...(options.prometheus ? { prometheus: options.prometheus } : {}),
          },
        },
      }),
    ],
  });
}

describe('the SLO backend', () => {
  it('reads definitions from folders, files, URLs and the catalog, and keeps every problem', async () => {
    const dir = writeSources();
    const { server } = await startPortal({
      dir,
      extraEntities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'ledger-peer',
            namespace: 'default',
            annotations: {
              [SLO_DEFINITIONS_ANNOTATION]: './ledger-slos.yaml',
              'backstage.io/managed-by-location': `file:${join(
                dir,
                'catalog-info.yaml',
              )}`,
            },
          },
          spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
        },
      ],
    });

    const res = await request(server).get('/api/slo/slos');
    expect(res.status).toBe(200);
    const body = res.body as SlosResponse;
    expect(body.slos.map(s => s.id).sort()).toEqual([
      'cart',
      'checkout',
      'ledger',
      'payments',
      'search',
    ]);
    const payments = body.slos.find(s => s.id === 'payments')!;
    expect(payments.entityRef).toBe('component:default/payments');
    expect(payments.source.file).toBe(
      'https://git.example.test/payments/slos.yaml',
    );
    expect(body.slos.find(s => s.id === 'ledger')?.entityRef).toBe(
      'component:default/ledger-peer',
    );

    const problems = body.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: join(dir, 'slos', 'broken.yml'),
          line: expect.any(Number),
          field: 'spec.objectives[0].target',
          slo: 'login',
          severity: 'error',
        }),
        expect.objectContaining({
          file: join(dir, 'missing.yaml'),
          message: expect.stringContaining('cannot be read'),
        }),
        expect.objectContaining({
          file: 'https://git.example.test/shop/gone.yaml',
          message: expect.stringContaining('cannot be read'),
        }),
      ]),
    );
    expect(problems).toHaveLength(3);
    const problemsRes = await request(server).get('/api/slo/problems');
    expect(problemsRes.body).toEqual({ problems });
  });

  it('evaluates only enabled environments, and says how to connect a Prometheus when none is set', async () => {
    const dir = writeSources();
    writeFileSync(
      join(dir, 'environments.yaml'),
      FLEET.replace(/\s+observability:\n\s+prometheus_url: \S+/, ''),
    );
    const { server } = await startPortal({ dir });

    const body = (await request(server).get('/api/slo/slos'))
      .body as SlosResponse;
    expect(body.notice).toContain('No Prometheus is configured');
    expect(body.notice).toContain('slo.prometheus.url');
    const checkout = body.slos.find(s => s.id === 'checkout')!;
    expect(checkout.environments.map(e => e.environment)).toEqual([
      'workload-aws-useast1',
      'workload-gcp-europewest4',
    ]);
    expect(checkout.environments[0]).toMatchObject({
      state: 'unknown',
      error: expect.stringContaining(
        'No Prometheus is configured for workload-aws-useast1',
      ),
    });
  });

  it("marks the SLOs of a Prometheus that refuses connections unknown, and never asks the fleet file's hosts when a shared one is set", async () => {
    const dir = writeSources();
    const port = await refusedPort();
    const { server } = await startPortal({
      dir,
      prometheus: { url: `http://127.0.0.1:${port}`, timeout: { seconds: 2 } },
    });

    const body = (await request(server).get('/api/slo/slos'))
      .body as SlosResponse;
    expect(body.notice).toBeUndefined();
    const states = body.slos.flatMap(s => s.environments);
    expect(states.length).toBe(8);
    for (const status of states) {
      expect(status.state).toBe('unknown');
      expect(status.error).toContain(
        `Prometheus at http://127.0.0.1:${port} refused the connection`,
      );
      expect(status.error).toContain('slo.prometheus.url');
    }

    const one = await request(server).get('/api/slo/slos/checkout');
    expect(one.status).toBe(200);
    expect(one.body.environments).toHaveLength(2);

    const series = await request(server).get(
      '/api/slo/slos/checkout/series?environment=workload-aws-useast1&range=1h&step=5m',
    );
    expect(series.status).toBe(200);
    expect(series.body).toMatchObject({
      id: 'checkout',
      environment: 'workload-aws-useast1',
      step: 300,
      sli: [],
      error: expect.stringContaining('refused the connection'),
    });
    expect(series.body.end - series.body.start).toBe(3600);
  });

  it('filters by entity and exports Prometheus rules', async () => {
    const dir = writeSources();
    const { server } = await startPortal({
      dir,
      prometheus: { url: `http://127.0.0.1:${await refusedPort()}` },
    });

    const mine = await request(server).get(
      '/api/slo/slos?entityRef=Component:payments',
    );
    expect(mine.status).toBe(200);
    expect(mine.body.slos.map((s: { id: string }) => s.id)).toEqual([
      'payments',
    ]);

    const rules = await request(server).get('/api/slo/rules');
    expect(rules.status).toBe(200);
    expect(rules.headers['content-type']).toMatch(/^text\/yaml/);
    expect(rules.text).toMatch(/^groups:/);
    expect(rules.text).toContain('slo:sli_error:ratio_rate5m');
    // One shared Prometheus: the rules tell the environments apart.
    expect(rules.text).toContain('environment="workload-gcp-europewest4"');

    const own = await request(server).get(
      '/api/slo/rules?entityRef=component:default/payments&environment=workload-aws-useast1',
    );
    expect(own.status).toBe(200);
    expect(own.text).toContain('payments');
    expect(own.text).not.toContain('checkout');
  });

  it('answers bad queries with 400 and unknown SLOs or environments with 404', async () => {
    const dir = writeSources();
    const { server } = await startPortal({ dir });

    const badRef = await request(server).get('/api/slo/slos?entityRef=a:b:c/');
    expect(badRef.status).toBe(400);
    expect(badRef.body.error.message).toContain('entityRef');

    const unknownParam = await request(server).get('/api/slo/slos?sort=name');
    expect(unknownParam.status).toBe(400);

    const noEnvironment = await request(server).get(
      '/api/slo/slos/checkout/series',
    );
    expect(noEnvironment.status).toBe(400);
    expect(noEnvironment.body.error.message).toBe(
      'Invalid query: environment is required: the environment to chart',
    );

    const badRange = await request(server).get(
      '/api/slo/slos/checkout/series?environment=workload-aws-useast1&range=soon',
    );
    expect(badRange.status).toBe(400);
    expect(badRange.body.error.message).toContain(
      'range "soon" is not a duration',
    );

    const tooMany = await request(server).get(
      '/api/slo/slos/checkout/series?environment=workload-aws-useast1&range=30d&step=1s',
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain('more than 11000 points');

    const unknownSlo = await request(server).get('/api/slo/slos/nope');
    expect(unknownSlo.status).toBe(404);
    expect(unknownSlo.body.error.message).toBe('There is no SLO "nope"');

    const broken = await request(server).get('/api/slo/slos/login');
    expect(broken.status).toBe(404);
    expect(broken.body.error.message).toContain('spec.objectives[0].target');

    const disabled = await request(server).get(
      '/api/slo/slos/checkout/series?environment=workload-oracle-frankfurt',
    );
    expect(disabled.status).toBe(404);
    expect(disabled.body.error.message).toContain(
      'is not evaluated in environment "workload-oracle-frankfurt"',
    );

    const rulesOfNowhere = await request(server).get(
      '/api/slo/rules?environment=nowhere',
    );
    expect(rulesOfNowhere.status).toBe(404);
  });
});
