import { open } from 'node:fs/promises';
import {
  detectFocusVersion,
  type FocusVersionDetection,
} from '@multicloud/plugin-finops-common';
import {
  parquetMetadataAsync,
  parquetReadObjects,
  parquetSchema,
  type AsyncBuffer,
  type SchemaTree,
} from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { FocusCsvRecord } from './readFocusCsv';

/** Options of {@link readFocusParquet}. */
export interface ReadFocusParquetOptions {
  /** Name of the file (path or URL), for messages. */
  file: string;
  /** Receives the column names and their FOCUS version before any row. */
  onHeader?: (header: string[], detection: FocusVersionDetection) => void;
  /** Receives each row group before its rows are read. */
  onRowGroup?: (group: {
    index: number;
    rowStart: number;
    rows: number;
  }) => void;
}

/** An {@link AsyncBuffer} over an open file, closed when done. */
export interface FileAsyncBuffer extends AsyncBuffer {
  close(): Promise<void>;
}

/**
 * Random access to a local file through one file handle: each slice is read
 * when asked for, so a Parquet reader holds only the byte ranges it needs.
 */
export async function openFileAsyncBuffer(
  path: string,
): Promise<FileAsyncBuffer> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    return {
      byteLength: size,
      async slice(start: number, end = size) {
        const bytes = new Uint8Array(Math.max(0, Math.min(end, size) - start));
        let filled = 0;
        while (filled < bytes.length) {
          const { bytesRead } = await handle.read(
            bytes,
            filled,
            bytes.length - filled,
            start + filled,
          );
          if (bytesRead === 0) {
            throw new Error(
              `${path} ended at byte ${
                start + filled
              } while ${end} were expected`,
            );
          }
          filled += bytesRead;
        }
        return bytes.buffer;
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Scale of each top-level DECIMAL column. */
function decimalScales(schema: SchemaTree): Map<string, number> {
  const scales = new Map<string, number>();
  for (const child of schema.children) {
    const { element } = child;
    if (
      element.converted_type === 'DECIMAL' ||
      element.logical_type?.type === 'DECIMAL'
    ) {
      scales.set(element.name, element.scale ?? 0);
    }
  }
  return scales;
}

function jsonValue(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value.toString();
  }
  if (value instanceof Uint8Array) {
    return Buffer.from(value).toString('utf8');
  }
  return value;
}

/**
 * The text a CSV export would hold for a Parquet value, so that one row
 * normaliser serves both: timestamps (INT96, INT64 in any unit, DATE) as ISO
 * 8601 in UTC, decimals with their scale, maps, lists and structs as JSON.
 */
function toText(value: unknown, scale: number | undefined): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number') {
    // A decimal arrives as a double: 12345 * 10^-4 is 1.2345000000000002.
    return scale !== undefined && Number.isFinite(value) && scale <= 100
      ? String(Number(value.toFixed(scale)))
      : String(value);
  }
  if (typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  }
  if (value instanceof Uint8Array) {
    return Buffer.from(value).toString('utf8');
  }
  return JSON.stringify(value, jsonValue);
}

/**
 * Reads the rows of a FOCUS export in Parquet, one row group at a time: only
 * the footer and the column chunks of the current row group are held in
 * memory. Rows come in the shape {@link readFocusCsv} gives, column name to
 * text, numbered as lines of the same export written as CSV: line 1 is the
 * header, the first row is line 2. Every codec of the Parquet format is
 * read (Snappy, gzip, Brotli, LZ4, ZSTD).
 */
export async function* readFocusParquet(
  file: AsyncBuffer,
  options: ReadFocusParquetOptions,
): AsyncIterable<FocusCsvRecord> {
  const metadata = await parquetMetadataAsync(file);
  const schema = parquetSchema(metadata);
  const header = schema.children.map(child => child.element.name);
  options.onHeader?.(header, detectFocusVersion(header));
  const scales = decimalScales(schema);

  let rowStart = 0;
  for (const [index, group] of metadata.row_groups.entries()) {
    const rows = Number(group.num_rows);
    options.onRowGroup?.({ index, rowStart, rows });
    const objects = await parquetReadObjects({
      file,
      metadata,
      rowStart,
      rowEnd: rowStart + rows,
      compressors,
    });
    for (const [i, object] of objects.entries()) {
      const row: Record<string, string> = {};
      for (const name of header) {
        row[name] = toText(object[name], scales.get(name));
      }
      yield { line: rowStart + i + 2, row };
    }
    rowStart += rows;
  }
}
