import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable, Transform, pipeline } from 'node:stream';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Environment } from '@multicloud/plugin-environments-common';
import {
  attributeToEntity,
  attributeToEnvironment,
  normalizeFocusRow,
  NORMALIZED_COLUMNS,
  REQUIRED_COLUMNS,
  type CostProblem,
  type CostRow,
  type FocusVersion,
} from '@multicloud/plugin-finops-common';
import type { AsyncBuffer } from 'hyparquet';
import type { CostDailyRow, CostStore } from '../database/CostStore';
import { readFocusCsv, type FocusCsvRecord } from './readFocusCsv';
import { openFileAsyncBuffer, readFocusParquet } from './readFocusParquet';

/** Problems kept in memory and returned per file; the rest are only counted. */
export const MAX_REPORTED_PROBLEMS = 100;

/** How a FOCUS export is written. */
export type FocusFileFormat = 'csv' | 'parquet';

const FORMATS: ReadonlyArray<[RegExp, FocusFileFormat]> = [
  [/\.csv(\.gz)?$/i, 'csv'],
  [/\.parquet$/i, 'parquet'],
];

/**
 * The format of a FOCUS export by its name (`.csv`, `.csv.gz`, `.parquet`,
 * whatever the case); `undefined` for a name that is no export.
 */
export function focusFileFormat(name: string): FocusFileFormat | undefined {
  const path = name.replace(/[?#].*$/, '');
  return FORMATS.find(([pattern]) => pattern.test(path))?.[1];
}

/** Random access to the bytes of an export, released by `close` when given. */
export type RandomAccessFile = AsyncBuffer & { close?(): Promise<void> };

/** How {@link ingestFocusFile} reads a file of the local disk. */
export function localFocusFile(
  path: string,
): Pick<IngestFocusFileOptions, 'open' | 'openRandomAccess'> {
  return {
    open: () => createReadStream(path),
    openRandomAccess: () => openFileAsyncBuffer(path),
  };
}

/** Options of {@link ingestFocusFile}. */
export interface IngestFocusFileOptions {
  /** Identifies the file (its path or URL); the key of its rows in the store. */
  key: string;
  /** Opens the file from its start; called once or twice. */
  open: () => Readable | Promise<Readable>;
  /** Random access to the file, which a Parquet export needs. */
  openRandomAccess?: () => Promise<RandomAccessFile>;
  /** Defaults to the format of the key's name, then CSV. */
  format?: FocusFileFormat;
  /** Whether a CSV file is gzip compressed; defaults to a key ending in `.gz`. */
  gzip?: boolean;
  environments: Environment[];
  store: CostStore;
  logger?: LoggerService;
}

/** Result of {@link ingestFocusFile}. */
export type IngestFocusFileResult =
  | { status: 'unchanged' }
  | {
      status: 'ingested';
      /** Records (CSV) or rows (Parquet) read, malformed ones included. */
      rowsRead: number;
      /** Records that were usable and summed into the daily costs. */
      rowsIngested: number;
      /** The first {@link MAX_REPORTED_PROBLEMS} problems. */
      problems: CostProblem[];
      /** Number of problems, including those not in `problems`. */
      problemCount: number;
      version: FocusVersion;
    };

/** Passes the bytes of a stream on, feeding them into a hash on the way. */
function tapHash(stream: Readable, hash: Hash): Readable {
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  // Errors of the source destroy the tap, which the reader reports.
  pipeline(stream, tap, () => {});
  return tap;
}

async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

const KEY_SEPARATOR = '\u0000';

type SumDimensions = Omit<
  CostDailyRow,
  'billedCost' | 'effectiveCost' | 'rowCount'
>;

/** The dimensions of a row's daily sum, joined; absent ones are empty. */
function sumKeyOf(
  row: CostRow,
  environment: string | undefined,
  entityRef: string | undefined,
): string {
  const S = KEY_SEPARATOR;
  return `${row.date}${S}${row.provider}${S}${row.billingAccountId ?? ''}${S}${
    row.subAccountId ?? ''
  }${S}${row.region ?? ''}${S}${row.serviceCategory ?? ''}${S}${
    row.serviceName ?? ''
  }${S}${row.chargeCategory}${S}${environment ?? ''}${S}${entityRef ?? ''}${S}${
    row.currency
  }`;
}

/**
 * The dimensions of a daily sum, read back from its key. The values are
 * parts of the key, which the sums keep anyway; values taken from the row
 * would be slices of the file's text and keep its pieces in memory.
 */
function dimensionsOf(sumKey: string): SumDimensions {
  const [
    date,
    provider,
    billingAccountId,
    subAccountId,
    region,
    serviceCategory,
    serviceName,
    chargeCategory,
    environment,
    entityRef,
    currency,
  ] = sumKey.split(KEY_SEPARATOR).map(value => value || undefined);
  return {
    date: date!,
    provider: provider!,
    billingAccountId,
    subAccountId,
    region,
    serviceCategory,
    serviceName,
    chargeCategory: chargeCategory!,
    environment,
    entityRef,
    currency: currency!,
  };
}

/**
 * Ingests one FOCUS export into the store.
 *
 * The file is read in two passes. The first only computes the SHA-256 of its
 * bytes (as stored, i.e. compressed for a gzip file): when the store already
 * has that hash, nothing changes and the result is `unchanged`, without any
 * parsing. Otherwise the second pass parses, normalises and attributes every
 * row: a CSV file as a stream, a Parquet file one row group at a time.
 *
 * Rows are summed in memory per day, provider, billing account, sub account,
 * region, service category, service name, charge category, environment,
 * entity and currency: memory grows with the number of distinct sums, not of
 * rows. A row with problems is skipped and reported; it never stops the
 * others. The file's previous rows are then replaced in one transaction.
 */
export async function ingestFocusFile(
  options: IngestFocusFileOptions,
): Promise<IngestFocusFileResult> {
  const { key, store, environments, logger } = options;

  const firstHash = await sha256Of(await options.open());
  const state = await store.fileState(key);
  if (state?.sha256 === firstHash) {
    logger?.debug(`FOCUS export ${key} is unchanged`);
    return { status: 'unchanged' };
  }

  const problems: CostProblem[] = [];
  let problemCount = 0;
  const report = (problem: CostProblem) => {
    problemCount++;
    if (problems.length < MAX_REPORTED_PROBLEMS) {
      problems.push(problem);
    }
  };

  let version: FocusVersion = '1.0';
  let headerSeen = false;
  const format = options.format ?? focusFileFormat(key) ?? 'csv';
  const onHeader = (
    _header: string[],
    detection: { version: FocusVersion; missing: string[] },
  ) => {
    headerSeen = true;
    version = detection.version;
    for (const column of detection.missing) {
      if (REQUIRED_COLUMNS.includes(column)) {
        report({
          file: key,
          line: 1,
          column,
          message: `mandatory column of FOCUS ${detection.version} is missing`,
        });
      }
    }
    const ignored = detection.missing.filter(
      column => !REQUIRED_COLUMNS.includes(column),
    );
    if (ignored.length > 0) {
      logger?.info(
        `FOCUS export ${key} lacks columns it does not need to be read: ${ignored.join(
          ', ',
        )}`,
      );
    }
  };

  // A CSV file is hashed again as it is parsed, so that the hash recorded is
  // the one of the bytes ingested. A Parquet file is read in place, and
  // keeps the hash of the first pass: if it changes in between, the next run
  // sees another hash and reads it again.
  let hash: Hash | undefined;
  let randomAccess: RandomAccessFile | undefined;
  let records: AsyncIterable<FocusCsvRecord>;
  if (format === 'parquet') {
    if (!options.openRandomAccess) {
      throw new Error(
        `${key} is Parquet, which is only read with random access`,
      );
    }
    randomAccess = await options.openRandomAccess();
    records = readFocusParquet(randomAccess, { file: key, onHeader });
  } else {
    hash = createHash('sha256');
    records = readFocusCsv(tapHash(await options.open(), hash), {
      file: key,
      gzip: options.gzip,
      columns: NORMALIZED_COLUMNS,
      onHeader,
      onSkip: ({ line, message }) =>
        report({ file: key, line, column: 'CSV', message }),
    });
  }

  const sums = new Map<string, CostDailyRow>();
  let rowsRead = 0;
  let rowsIngested = 0;
  try {
    for await (const { line, row: raw } of records) {
      rowsRead++;
      const { row, problems: rowProblems } = normalizeFocusRow(raw, {
        file: key,
        line,
        version,
      });
      rowProblems.forEach(report);
      if (!row) {
        continue;
      }
      rowsIngested++;
      const sumKey = sumKeyOf(
        row,
        attributeToEnvironment(row, environments).environment,
        attributeToEntity(row),
      );
      const sum = sums.get(sumKey);
      if (sum) {
        sum.billedCost += row.billedCost;
        sum.effectiveCost += row.effectiveCost;
        sum.rowCount++;
      } else {
        sums.set(sumKey, {
          ...dimensionsOf(sumKey),
          billedCost: row.billedCost,
          effectiveCost: row.effectiveCost,
          rowCount: 1,
        });
      }
    }
  } finally {
    await randomAccess?.close?.();
  }

  if (!headerSeen) {
    report({ file: key, line: 1, column: 'CSV', message: 'file is empty' });
  }
  // The parser reports a malformed record before the rows that precede it
  // are normalised.
  problems.sort((a, b) => a.line - b.line);

  await store.replaceFile(
    key,
    {
      sha256: hash?.digest('hex') ?? firstHash,
      focusVersion: version,
      rowsRead,
      rowsIngested,
      problems,
    },
    sums.values(),
  );
  logger?.info(
    `Ingested FOCUS ${version} export ${key}: ${rowsIngested} of ${rowsRead} rows, ${problemCount} problems`,
  );
  return {
    status: 'ingested',
    rowsRead,
    rowsIngested,
    problems,
    problemCount,
    version,
  };
}
