import { Readable, pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import {
  detectFocusVersion,
  type FocusVersionDetection,
} from '@multicloud/plugin-finops-common';
import { CsvSplitter } from './CsvSplitter';

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
  /**
   * The columns to keep in each row (those the header has); all when
   * absent. Building the columns nobody reads takes time on every row.
   */
  columns?: readonly string[];
}

/** Whether {@link readFocusCsv} will gunzip a file. */
export function isGzipFile(options: { file: string; gzip?: boolean }) {
  return options.gzip ?? /\.gz$/i.test(options.file);
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
  // Records and skips of a piece of input, in file order.
  let header: string[] | undefined;
  let kept: number[] = [];
  let ready: Array<FocusCsvRecord | FocusCsvSkip> = [];
  const sink = {
    record: (fields: string[], line: number) => {
      if (!header) {
        header = fields.map(name => name.replace(/^\uFEFF/, '').trim());
        options.onHeader?.(header, detectFocusVersion(header));
        const wanted = options.columns && new Set(options.columns);
        kept = header.flatMap((name, i) =>
          !wanted || wanted.has(name) ? [i] : [],
        );
      } else if (fields.length !== header.length) {
        ready.push({
          line,
          message: `Invalid Record Length: the header has ${header.length} fields, the record ${fields.length}`,
        });
      } else {
        const row: Record<string, string> = {};
        for (const i of kept) {
          row[header[i]] = fields[i];
        }
        ready.push({ line, row });
      }
    },
    error: (message: string, line: number) => {
      ready.push({ line, message });
    },
  };
  function* flush() {
    const items = ready;
    ready = [];
    for (const item of items) {
      if ('row' in item) {
        yield item;
      } else {
        options.onSkip?.(item);
      }
    }
  }

  // Errors of the input destroy the gunzip stream, which the loop reports.
  const source = isGzipFile(options)
    ? pipeline(input, createGunzip(), () => {})
    : input;
  const splitter = CsvSplitter.create();
  const decoder = new StringDecoder('utf8');
  // A byte order mark before a quoted first column would read as text
  // before its opening quote.
  let start = true;
  try {
    for await (const chunk of source) {
      let text = decoder.write(chunk as Buffer);
      if (start && text.length > 0) {
        start = false;
        text = text.replace(/^\uFEFF/, '');
      }
      splitter.push(text, sink);
      yield* flush();
    }
    splitter.push(decoder.end(), sink);
    splitter.end(sink);
    yield* flush();
  } finally {
    if (!input.destroyed) {
      input.destroy();
    }
    if (source !== input && !source.destroyed) {
      source.destroy();
    }
  }
}
