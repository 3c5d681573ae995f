import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse, type CsvError } from 'csv-parse';
import {
  detectFocusVersion,
  type FocusVersionDetection,
} from '@multicloud/plugin-finops-common';

/** One record of a FOCUS export: column id to raw text. */
export interface FocusCsvRecord {
  /** 1-based physical line where the record starts in the (unzipped) file. */
  line: number;
  row: Record<string, string>;
}

/** A record the CSV parser could not read; it is skipped. */
export interface FocusCsvSkip {
  /** 1-based physical line at which the parser gave up on the record. */
  line: number;
  message: string;
}

/** Options of {@link readFocusCsv}. */
export interface ReadFocusCsvOptions {
  /** Name of the file (path or URL); a name ending in `.gz` means gzip. */
  file: string;
  /** Whether the input is gzip compressed; defaults to the file name. */
  gzip?: boolean;
  /** Receives the header, without byte order mark, and its FOCUS version. */
  onHeader?: (header: string[], detection: FocusVersionDetection) => void;
  /** Receives each record that is no valid CSV (wrong field count, quoting). */
  onSkip?: (skip: FocusCsvSkip) => void;
}

/** Whether {@link readFocusCsv} will gunzip a file. */
export function isGzipFile(options: { file: string; gzip?: boolean }) {
  return options.gzip ?? /\.gz$/i.test(options.file);
}

const LINE_BREAK = /\r\n|\n|\r/g;

/** Line breaks in the (quoted) fields of a record. */
function lineBreaksIn(record: Record<string, string>) {
  let all = 0;
  let crlf = 0;
  for (const value of Object.values(record)) {
    if (typeof value !== 'string') {
      continue;
    }
    for (const lineBreak of value.match(LINE_BREAK) ?? []) {
      all++;
      if (lineBreak === '\r\n') {
        crlf++;
      }
    }
  }
  return { all, crlf };
}

/**
 * Reads the records of a FOCUS CSV export as a stream: the input is never
 * held in memory as a whole. Gunzips when asked to (or when the file name
 * ends in `.gz`), drops a UTF-8 byte order mark, accepts quoted fields that
 * span lines, reads an unquoted `NULL` as an empty value and skips empty
 * lines. Each record comes with the physical line it starts on.
 */
export async function* readFocusCsv(
  input: Readable,
  options: ReadFocusCsvOptions,
): AsyncIterable<FocusCsvRecord> {
  // csv-parse gives the line a record ends on, and counts a CRLF inside a
  // quoted field as two lines; `crlfSeen` is that excess so far. Records and
  // skips are handled synchronously and in file order.
  let crlfSeen = 0;
  const parser = parse({
    bom: true,
    columns: (header: string[]) => {
      const names = header.map(name => name.replace(/^\uFEFF/, '').trim());
      options.onHeader?.(names, detectFocusVersion(names));
      return names;
    },
    // Exports written by database tools (the FOCUS sample data of the FinOps
    // Foundation among them) write a null as an unquoted NULL; FOCUS writes
    // it as an empty value. A quoted "NULL" stays text.
    cast: (value, context) =>
      !context.header && !context.quoting && value === 'NULL' ? '' : value,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (record: Record<string, string>, context): FocusCsvRecord => {
      const breaks = lineBreaksIn(record);
      crlfSeen += breaks.crlf;
      return { line: context.lines - crlfSeen - breaks.all, row: record };
    },
  });
  parser.on('skip', (error: CsvError & { lines?: number }) => {
    options.onSkip?.({
      line: (error.lines ?? 0) - crlfSeen,
      message: error.message,
    });
  });

  const source = isGzipFile(options) ? input.pipe(createGunzip()) : input;
  const fail = (error: Error) => parser.destroy(error);
  source.on('error', fail);
  if (source !== input) {
    input.on('error', fail);
  }
  source.pipe(parser);

  try {
    for await (const record of parser) {
      yield record as FocusCsvRecord;
    }
  } finally {
    source.unpipe(parser);
    if (!input.destroyed) {
      input.destroy();
    }
    if (source !== input && !source.destroyed) {
      source.destroy();
    }
  }
}
