import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type {
  LoggerService,
  UrlReaderService,
  UrlReaderServiceReadUrlResponse,
} from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import type { Environment } from '@multicloud/plugin-environments-common';
import type { CostStore } from '../database/CostStore';
import {
  listFocusFiles,
  type IngestFocusDirectoriesResult,
} from './ingestFocusDirectories';
import {
  focusFileFormat,
  ingestFocusFile,
  localFocusFile,
} from './ingestFocusFile';

/** How a location of `finops.focus.locations` is read. */
export type FocusLocationKind = 'file' | 'search' | 'tree';

/**
 * A URL whose path names an export (`.csv`, `.csv.gz`, `.parquet`) is one
 * file; one with a `*` in its path is a glob for the reader's `search`;
 * anything else is a folder, read with `readTree`.
 */
export function focusLocationKind(url: string): FocusLocationKind {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    path = url;
  }
  if (path.includes('*')) {
    return 'search';
  }
  return focusFileFormat(path) ? 'file' : 'tree';
}

/** Options of {@link ingestFocusLocations}. */
export interface IngestFocusLocationsOptions {
  /** URLs of exports, folders of exports, or globs. */
  locations: string[];
  urlReader: UrlReaderService;
  environments: Environment[];
  store: CostStore;
  logger: LoggerService;
  /**
   * ETags of the last complete read of each location, passed back to the
   * reader so an unchanged location is not downloaded again. A cache only:
   * without it, unchanged files are still recognised by their SHA-256.
   */
  etags?: Map<string, string>;
  /** Where downloads are kept while they are read; default the OS's. */
  tempDir?: string;
}

function isNotModified(error: unknown): boolean {
  return (error as { name?: string })?.name === 'NotModifiedError';
}

function streamOf(
  response: UrlReaderServiceReadUrlResponse,
): Promise<Readable> {
  return response.stream
    ? Promise.resolve(response.stream())
    : response.buffer().then(buffer => Readable.from([buffer]));
}

/**
 * Ingests the FOCUS exports of URLs through the backend's UrlReader (GitHub,
 * GitLab, Azure Blob Storage, S3, Google Cloud Storage, any allowed host).
 * Each file is downloaded to a temporary file (never held in memory as a
 * whole), read like a local one and keyed by its URL. A location that cannot
 * be read, or a file of it, is logged and skipped: it never stops the others.
 */
export async function ingestFocusLocations(
  options: IngestFocusLocationsOptions,
): Promise<IngestFocusDirectoriesResult> {
  const { urlReader, store, environments, logger, etags } = options;
  const result: IngestFocusDirectoriesResult = {
    ingested: [],
    unchanged: [],
    failed: [],
  };
  const workDir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'focus-'));

  const ingestLocal = async (key: string, path: string) => {
    const outcome = await ingestFocusFile({
      key,
      ...localFocusFile(path),
      format: focusFileFormat(key),
      gzip: /\.gz$/i.test(key.replace(/[?#].*$/, '')),
      environments,
      store,
      logger,
    });
    result[outcome.status].push(key);
  };

  let downloads = 0;
  /** Downloads and ingests one file; false when it failed. */
  const ingestUrl = async (url: string, etag?: string): Promise<boolean> => {
    const path = join(workDir, `download-${++downloads}`);
    try {
      const response = await urlReader.readUrl(url, etag ? { etag } : {});
      await pipeline(await streamOf(response), createWriteStream(path));
      await ingestLocal(url, path);
      if (response.etag) {
        etags?.set(url, response.etag);
      }
      return true;
    } catch (error) {
      if (isNotModified(error)) {
        result.unchanged.push(url);
        return true;
      }
      const message = stringifyError(error);
      logger.error(`Cannot ingest the FOCUS export ${url}: ${message}`);
      result.failed.push({ key: url, error: message });
      return false;
    } finally {
      await rm(path, { force: true });
    }
  };

  try {
    for (const location of options.locations) {
      const kind = focusLocationKind(location);
      if (kind === 'file') {
        await ingestUrl(location, etags?.get(location));
        continue;
      }
      try {
        if (kind === 'search') {
          const found = await urlReader.search(location, {
            etag: etags?.get(location),
          });
          let complete = true;
          for (const file of found.files) {
            if (focusFileFormat(file.url)) {
              complete = (await ingestUrl(file.url)) && complete;
            }
          }
          if (complete) {
            etags?.set(location, found.etag);
          }
          continue;
        }
        const tree = await urlReader.readTree(location, {
          etag: etags?.get(location),
          filter: path => focusFileFormat(path) !== undefined,
        });
        const dir = await tree.dir({ targetDir: workDir });
        let complete = true;
        try {
          const base = location.replace(/\/+$/, '');
          for (const path of await listFocusFiles(dir)) {
            const key = `${base}/${relative(dir, path).split(sep).join('/')}`;
            try {
              await ingestLocal(key, path);
            } catch (error) {
              complete = false;
              const message = stringifyError(error);
              logger.error(`Cannot ingest the FOCUS export ${key}: ${message}`);
              result.failed.push({ key, error: message });
            }
          }
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
        if (complete) {
          etags?.set(location, tree.etag);
        }
      } catch (error) {
        if (isNotModified(error)) {
          logger.debug(`FOCUS exports of ${location} are unchanged`);
          continue;
        }
        const message = stringifyError(error);
        logger.error(
          `Cannot read the FOCUS exports of ${location}: ${message}`,
        );
        result.failed.push({ key: location, error: message });
      }
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return result;
}
