import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { openSloRatio } from '../__testUtils__/documents';
import { SLO_DEFINITIONS_ANNOTATION } from '@multicloud/plugin-slo-common';
import { SloDefinitionSources } from './SloDefinitionSources';

const SETTINGS = {
  files: [],
  directories: [],
  urls: [],
  catalog: true,
  schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
};

/** A UrlReader over a map that tests can change between reads. */
function urlReaderOver(texts: Map<string, string>) {
  const read = jest.fn(async (url: string) => {
    const text = texts.get(url);
    if (text === undefined) throw new Error(`${url}: 503 Service Unavailable`);
    return {
      buffer: async () => Buffer.from(text),
    } as unknown as Awaited<ReturnType<UrlReaderService['readUrl']>>;
  });
  return { urlReader: mockServices.urlReader.mock({ readUrl: read }), read };
}

function entity(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {},
  };
}

describe('SloDefinitionSources', () => {
  it('keeps the SLOs of a URL that fails after a good read, with a warning', async () => {
    const url = 'https://git.example.test/slos/cart.yaml';
    const texts = new Map([[url, openSloRatio({ name: 'cart' })]]);
    const { urlReader } = urlReaderOver(texts);
    const sources = SloDefinitionSources.create(
      { ...SETTINGS, urls: [url], catalog: false },
      { urlReader, logger: mockServices.logger.mock() },
    );

    expect((await sources.read()).definitions.map(d => d.id)).toEqual(['cart']);
    texts.delete(url);
    const again = await sources.read();
    expect(again.definitions.map(d => d.id)).toEqual(['cart']);
    expect(again.problems).toEqual([
      {
        file: url,
        severity: 'warning',
        message: `cannot be read now (Error: ${url}: 503 Service Unavailable); its SLOs are the ones last read`,
      },
    ]);
  });

  it('resolves annotated locations against the entity location, and reports the ones it cannot', async () => {
    const texts = new Map([
      [
        'https://git.example.test/shop/blob/main/slos/payments.yaml',
        openSloRatio({ name: 'payments' }),
      ],
    ]);
    const { urlReader, read } = urlReaderOver(texts);
    const dir = mkdtempSync(join(tmpdir(), 'slo-sources-'));
    writeFileSync(join(dir, 'ledger.yaml'), openSloRatio({ name: 'ledger' }));
    const catalog = catalogServiceMock({
      entities: [
        entity('payments', {
          [SLO_DEFINITIONS_ANNOTATION]: './slos/payments.yaml',
          'backstage.io/managed-by-location':
            'url:https://git.example.test/shop/blob/main/catalog-info.yaml',
        }),
        entity('ledger', {
          [SLO_DEFINITIONS_ANNOTATION]: 'ledger.yaml',
          'backstage.io/managed-by-location': `file:${join(
            dir,
            'catalog-info.yaml',
          )}`,
        }),
        entity('orphan', { [SLO_DEFINITIONS_ANNOTATION]: './slos.yaml' }),
        entity('unrelated', {}),
      ],
    });
    const sources = SloDefinitionSources.create(SETTINGS, {
      urlReader,
      logger: mockServices.logger.mock(),
      catalog: { service: catalog, auth: mockServices.auth() },
    });

    const { definitions, problems } = await sources.read();

    expect(definitions.map(d => d.id).sort()).toEqual(['ledger', 'payments']);
    expect(read).toHaveBeenCalledWith(
      'https://git.example.test/shop/blob/main/slos/payments.yaml',
    );
    expect(problems).toEqual([
      {
        file: `component:default/orphan (${SLO_DEFINITIONS_ANNOTATION})`,
        severity: 'error',
        message: `"./slos.yaml" is a relative path, but the entity has no backstage.io/managed-by-location to resolve it against; use a URL`,
      },
    ]);
  });

  it('reads the locations last listed when the catalog does not answer', async () => {
    const url = 'https://git.example.test/payments.yaml';
    const { urlReader } = urlReaderOver(
      new Map([[url, openSloRatio({ name: 'payments' })]]),
    );
    const getEntities = jest
      .fn()
      .mockResolvedValueOnce({
        items: [entity('payments', { [SLO_DEFINITIONS_ANNOTATION]: url })],
      })
      .mockRejectedValueOnce(new Error('connect ECONNREFUSED'));
    const sources = SloDefinitionSources.create(SETTINGS, {
      urlReader,
      logger: mockServices.logger.mock(),
      catalog: {
        service: catalogServiceMock.mock({ getEntities }),
        auth: mockServices.auth(),
      },
    });

    await sources.read();
    const { definitions, problems } = await sources.read();
    expect(definitions.map(d => d.id)).toEqual(['payments']);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'catalog',
        severity: 'warning',
        message: expect.stringContaining('the locations last listed are read'),
      }),
    ]);
  });

  it('reads folders recursively for YAML files and names a missing folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slo-sources-'));
    writeFileSync(join(dir, 'a.yaml'), openSloRatio({ name: 'a' }));
    mkdirSync(join(dir, 'team-b'));
    writeFileSync(join(dir, 'team-b', 'b.yml'), openSloRatio({ name: 'b' }));
    writeFileSync(join(dir, 'notes.txt'), 'not YAML');
    const { urlReader } = urlReaderOver(new Map());
    const sources = SloDefinitionSources.create(
      {
        ...SETTINGS,
        catalog: false,
        directories: [dir, join(dir, 'missing')],
      },
      { urlReader, logger: mockServices.logger.mock() },
    );
    const { definitions, problems } = await sources.read();
    expect(definitions.map(d => [d.id, d.source.file])).toEqual([
      ['a', join(dir, 'a.yaml')],
      ['b', join(dir, 'team-b', 'b.yml')],
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: join(dir, 'missing'),
        message: expect.stringContaining('cannot be read: Error: ENOENT'),
      }),
    ]);
  });
});
