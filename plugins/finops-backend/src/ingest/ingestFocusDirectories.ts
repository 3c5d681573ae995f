import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import type { Environment } from '@multicloud/plugin-environments-common';
import type { CostStore } from '../database/CostStore';
import {
  focusFileFormat,
  ingestFocusFile,
  localFocusFile,
} from './ingestFocusFile';

/**
 * The FOCUS exports (`.csv`, `.csv.gz` and `.parquet`) under a folder,
 * searched recursively, as absolute paths in a stable order.
 */
export async function listFocusFiles(directory: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(path);
      } else if (entry.isFile() && focusFileFormat(entry.name)) {
        found.push(path);
      }
    }
  };
  await walk(resolve(directory));
  return found;
}

/** Options of {@link ingestFocusDirectories}. */
export interface IngestFocusDirectoriesOptions {
  directories: string[];
  environments: Environment[];
  store: CostStore;
  logger: LoggerService;
}

/** What one run of {@link ingestFocusDirectories} did. */
export interface IngestFocusDirectoriesResult {
  ingested: string[];
  unchanged: string[];
  /** Files (or folders) that could not be read, with the reason. */
  failed: Array<{ key: string; error: string }>;
}

/**
 * Ingests every FOCUS export of the folders, each keyed by its absolute
 * path. A folder or file that cannot be read is logged and skipped: it never
 * stops the others.
 */
export async function ingestFocusDirectories(
  options: IngestFocusDirectoriesOptions,
): Promise<IngestFocusDirectoriesResult> {
  const { store, environments, logger } = options;
  const result: IngestFocusDirectoriesResult = {
    ingested: [],
    unchanged: [],
    failed: [],
  };
  for (const directory of options.directories) {
    let files: string[];
    try {
      files = await listFocusFiles(directory);
    } catch (error) {
      const message = stringifyError(error);
      logger.error(`Cannot list the FOCUS exports of ${directory}: ${message}`);
      result.failed.push({ key: resolve(directory), error: message });
      continue;
    }
    for (const file of files) {
      try {
        const outcome = await ingestFocusFile({
          key: file,
          ...localFocusFile(file),
          environments,
          store,
          logger,
        });
        result[outcome.status].push(file);
      } catch (error) {
        const message = stringifyError(error);
        logger.error(`Cannot ingest the FOCUS export ${file}: ${message}`);
        result.failed.push({ key: file, error: message });
      }
    }
  }
  return result;
}
