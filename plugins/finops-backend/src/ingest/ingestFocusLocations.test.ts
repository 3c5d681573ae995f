import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type {
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceSearchOptions,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import { NotFoundError, NotModifiedError } from '@backstage/errors';
import { parseEnvironments } from '@multicloud/plugin-environments-common';
import { CostStore } from '../database/CostStore';
import { focusRow, toCsv, COLUMNS } from '../__testUtils__/focusFixtures';
import { focusParquet } from '../__testUtils__/focusParquet';
import {
  focusLocationKind,
  ingestFocusLocations,
} from './ingestFocusLocations';

jest.setTimeout(60_000);

// Under CI=true a missing PostgreSQL fails loudly instead of being skipped.
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const environments = parseEnvironments(
  readFileSync(
    resolve(__dirname, '../../../../config/environments.yaml'),
    'utf8',
  ),
).environments;

const etagOf = (content: Buffer) =>
  createHash('sha1').update(content).digest('hex');

/**
 * A UrlReader over files held in memory, keyed by URL, that answers as the
 * Backstage readers do: ETags, NotModifiedError, trees written to a folder.
 */
class MemoryUrlReader implements UrlReaderService {
  readonly files = new Map<string, Buffer>();
  readonly requests: string[] = [];

  async readUrl(url: string, options?: UrlReaderServiceReadUrlOptions) {
    this.requests.push(`readUrl ${url}`);
    const content = this.files.get(url);
    if (!content) {
      throw new NotFoundError(`${url} could not be read: 404 Not Found`);
    }
    const etag = etagOf(content);
    if (options?.etag === etag) {
      throw new NotModifiedError();
    }
    return {
      buffer: async () => content,
      stream: () => Readable.from([content]),
      etag,
    };
  }

  async readTree(url: string, options?: UrlReaderServiceReadTreeOptions) {
    this.requests.push(`readTree ${url}`);
    const prefix = `${url.replace(/\/+$/, '')}/`;
    const entries = [...this.files]
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, content]) => ({ path: key.slice(prefix.length), content }))
      .filter(({ path }) => options?.filter?.(path) ?? true);
    if (entries.length === 0) {
      throw new NotFoundError(`${url} is no folder`);
    }
    const etag = etagOf(
      Buffer.from(entries.map(e => `${e.path}:${etagOf(e.content)}`).join()),
    );
    if (options?.etag === etag) {
      throw new NotModifiedError();
    }
    return {
      etag,
      files: async () =>
        entries.map(e => ({ path: e.path, content: async () => e.content })),
      archive: async () => {
        throw new Error('not used');
      },
      dir: async (dirOptions?: { targetDir?: string }) => {
        const dir = mkdtempSync(
          join(dirOptions?.targetDir ?? tmpdir(), 'tree-'),
        );
        for (const { path, content } of entries) {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), content);
        }
        return dir;
      },
    };
  }

  async search(url: string, options?: UrlReaderServiceSearchOptions) {
    this.requests.push(`search ${url}`);
    const pattern = new RegExp(
      `^${url
        .split('*')
        .map(part => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&'))
        .join('[^/]*')}$`,
    );
    const files = [...this.files.keys()].filter(key => pattern.test(key));
    const etag = etagOf(Buffer.from(files.join()));
    if (options?.etag === etag) {
      throw new NotModifiedError();
    }
    return {
      etag,
      files: files.map(key => ({
        url: key,
        content: async () => this.files.get(key)!,
      })),
    };
  }
}

const AWS_CSV = toCsv([
  focusRow({ BilledCost: '10', EffectiveCost: '8' }),
  focusRow({ BilledCost: 'oops', EffectiveCost: '1' }),
]);

describe('focusLocationKind', () => {
  it('tells files, globs and folders apart', () => {
    expect(focusLocationKind('https://h/exports/2026-03.csv')).toBe('file');
    expect(
      focusLocationKind('https://b.s3.amazonaws.com/x/part-0.snappy.parquet'),
    ).toBe('file');
    expect(
      focusLocationKind(
        'https://a.blob.core.windows.net/c/e.csv.gz?sv=1&sig=x',
      ),
    ).toBe('file');
    expect(focusLocationKind('https://github.com/o/r/tree/main/exports')).toBe(
      'tree',
    );
    expect(focusLocationKind('https://h/exports/*.csv.gz')).toBe('search');
    expect(focusLocationKind('https://h/exports/%2A.csv')).toBe('search');
  });
});

describe.each(databases.eachSupportedId())(
  'ingestFocusLocations on %p',
  (databaseId: TestDatabaseId) => {
    let store: CostStore;
    let reader: MemoryUrlReader;
    const logger = mockServices.logger.mock();

    beforeEach(async () => {
      store = await CostStore.create(await databases.init(databaseId));
      reader = new MemoryUrlReader();
    });

    const ingest = (locations: string[], etags?: Map<string, string>) =>
      ingestFocusLocations({
        locations,
        urlReader: reader,
        environments,
        store,
        logger,
        etags,
      });

    it('reads one file, gzip behind a signed URL, and skips it when its ETag has not changed', async () => {
      const url =
        'https://exports.blob.core.windows.net/focus/2026-03.csv.gz?sv=2024&sig=abc';
      reader.files.set(url, gzipSync(Buffer.from(AWS_CSV)));
      const etags = new Map<string, string>();

      expect(await ingest([url], etags)).toEqual({
        ingested: [url],
        unchanged: [],
        failed: [],
      });
      expect(await store.fileState(url)).toMatchObject({
        kind: 'focus',
        rowsRead: 2,
        rowsIngested: 1,
        problems: [
          {
            file: url,
            line: 3,
            column: 'BilledCost',
            message: '"oops" is not a decimal number',
          },
        ],
      });

      // The ETag says nothing changed: nothing is downloaded.
      expect(await ingest([url], etags)).toEqual({
        ingested: [],
        unchanged: [url],
        failed: [],
      });
      // Without the ETag (another replica), the SHA-256 says it.
      expect(await ingest([url])).toEqual({
        ingested: [],
        unchanged: [url],
        failed: [],
      });
    });

    it('reads the exports of a folder, CSV and Parquet, keyed by their URLs', async () => {
      const folder = 'https://github.com/acme/billing/tree/main/focus';
      reader.files.set(`${folder}/aws/2026-03.csv`, Buffer.from(AWS_CSV));
      reader.files.set(
        `${folder}/gcp/2026-03.parquet`,
        focusParquet(
          COLUMNS.map(name => ({
            name,
            data: [
              focusRow({
                ProviderName: 'Google Cloud',
                SubAccountId: 'billing-sandbox',
                RegionId: 'southamerica-east1',
                BilledCost: '3',
                EffectiveCost: '3',
              })[name],
            ],
          })),
        ),
      );
      reader.files.set(`${folder}/README.md`, Buffer.from('# exports'));
      const etags = new Map<string, string>();

      const result = await ingest([`${folder}/`], etags);
      expect(result.ingested.sort()).toEqual([
        `${folder}/aws/2026-03.csv`,
        `${folder}/gcp/2026-03.parquet`,
      ]);
      expect(result.failed).toEqual([]);
      expect(
        await store.fileState(`${folder}/gcp/2026-03.parquet`),
      ).toMatchObject({ rowsRead: 1, rowsIngested: 1, problems: [] });
      expect(
        await store.costByEnvironment({ from: '2026-03-01', to: '2026-03-31' }),
      ).toEqual([
        expect.objectContaining({
          environment: 'workload-aws-useast1',
          billed: 10,
        }),
        expect.objectContaining({ environment: null, billed: 3 }),
      ]);

      reader.requests.length = 0;
      expect(await ingest([`${folder}/`], etags)).toEqual({
        ingested: [],
        unchanged: [],
        failed: [],
      });
      expect(reader.requests).toEqual([`readTree ${folder}/`]);
    });

    it('reads the exports a glob finds', async () => {
      reader.files.set('https://h/exports/a.csv', Buffer.from(AWS_CSV));
      reader.files.set('https://h/exports/b.csv', Buffer.from(AWS_CSV));
      reader.files.set('https://h/exports/c.json', Buffer.from('{}'));
      reader.files.set('https://h/other/d.csv', Buffer.from(AWS_CSV));
      const result = await ingest(['https://h/exports/*']);
      expect(result).toEqual({
        ingested: ['https://h/exports/a.csv', 'https://h/exports/b.csv'],
        unchanged: [],
        failed: [],
      });
    });

    it('reports a location it cannot read and reads the others', async () => {
      reader.files.set('https://h/ok.csv', Buffer.from(AWS_CSV));
      const result = await ingest([
        'https://h/missing.csv',
        'https://h/no-folder',
        'https://h/ok.csv',
      ]);
      expect(result).toEqual({
        ingested: ['https://h/ok.csv'],
        unchanged: [],
        failed: [
          {
            key: 'https://h/missing.csv',
            error: expect.stringContaining('404 Not Found'),
          },
          {
            key: 'https://h/no-folder',
            error: expect.stringContaining('is no folder'),
          },
        ],
      });
    });
  },
);
