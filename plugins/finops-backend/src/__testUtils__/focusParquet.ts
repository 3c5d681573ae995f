import { parquetMetadata, type SchemaElement } from 'hyparquet';
import {
  ByteWriter,
  parquetWriteBuffer,
  type ColumnSource,
} from 'hyparquet-writer';
import { writeMetadata } from 'hyparquet-writer/src/metadata.js';

/** Parquet export fixtures for the tests of this package, written at test time. */

/** One column of a fixture: its values and its Parquet schema element(s). */
export interface ParquetColumn {
  name: string;
  data: unknown[];
  /**
   * The schema elements of the column, the first one named `name` (a nested
   * column has its children after it). Defaults to an optional UTF-8 string.
   */
  schema?: SchemaElement[];
  /** Written as INT96 (the timestamp of Spark and Impala exports). */
  int96?: boolean;
}

const string = (name: string): SchemaElement => ({
  name,
  type: 'BYTE_ARRAY',
  converted_type: 'UTF8',
  repetition_type: 'OPTIONAL',
});

/** A DOUBLE, as some writers store costs. */
export const double = (name: string): SchemaElement[] => [
  { name, type: 'DOUBLE', repetition_type: 'OPTIONAL' },
];

/** A DECIMAL stored as INT64 with `scale` digits after the point. */
export const decimal = (name: string, scale: number): SchemaElement[] => [
  {
    name,
    type: 'INT64',
    converted_type: 'DECIMAL',
    logical_type: { type: 'DECIMAL', scale, precision: 18 },
    scale,
    precision: 18,
    repetition_type: 'OPTIONAL',
  },
];

/** A timestamp stored as INT64 in `unit`, adjusted to UTC. */
export const timestamp = (
  name: string,
  unit: 'MILLIS' | 'MICROS' | 'NANOS',
): SchemaElement[] => [
  {
    name,
    type: 'INT64',
    logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit },
    repetition_type: 'OPTIONAL',
  },
];

/** A MAP of string to string (values as `[{ key, value }]`). */
export const stringMap = (name: string): SchemaElement[] => [
  {
    name,
    converted_type: 'MAP',
    repetition_type: 'OPTIONAL',
    num_children: 1,
  },
  { name: 'key_value', repetition_type: 'REPEATED', num_children: 2 },
  {
    name: 'key',
    type: 'BYTE_ARRAY',
    converted_type: 'UTF8',
    repetition_type: 'REQUIRED',
  },
  string('value'),
];

/** A LIST of `{ Key, Value }` structs, as Google Cloud writes its labels. */
export const keyValueList = (name: string): SchemaElement[] => [
  {
    name,
    converted_type: 'LIST',
    repetition_type: 'OPTIONAL',
    num_children: 1,
  },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', repetition_type: 'OPTIONAL', num_children: 2 },
  string('Key'),
  string('Value'),
];

/** The INT96 of a time: nanoseconds of the day, then the Julian day. */
export function int96(date: Date): Uint8Array {
  const bytes = new Uint8Array(12);
  const view = new DataView(bytes.buffer);
  const time = date.getTime();
  const days = Math.floor(time / 86_400_000);
  const nanos = BigInt(time - days * 86_400_000) * 1_000_000n;
  view.setBigUint64(0, nanos, true);
  view.setUint32(8, days + 2_440_588, true);
  return bytes;
}

/**
 * Writes a FOCUS export as Parquet (Snappy, dictionary-encoded strings where
 * that pays, as the clouds' writers do) with `rowGroupSize` rows per row
 * group. INT96 columns, which no current writer produces, are written as
 * 12-byte fixed-length values and declared INT96 in a rewritten footer.
 */
export function focusParquet(
  columns: ParquetColumn[],
  options: { rowGroupSize?: number } = {},
): Buffer {
  const schema: SchemaElement[] = [
    { name: 'root', num_children: columns.length },
  ];
  const columnData: ColumnSource[] = [];
  for (const column of columns) {
    if (column.int96) {
      schema.push({
        name: column.name,
        type: 'FIXED_LEN_BYTE_ARRAY',
        type_length: 12,
        repetition_type: 'OPTIONAL',
      });
      columnData.push({
        name: column.name,
        data: column.data.map(value =>
          value instanceof Date ? int96(value) : null,
        ),
        encoding: 'PLAIN',
        statistics: false,
        offsetIndex: false,
      });
      continue;
    }
    schema.push(...(column.schema ?? [string(column.name)]));
    columnData.push({
      name: column.name,
      data: column.data as ColumnSource['data'],
    });
  }
  const written = parquetWriteBuffer({
    columnData,
    schema,
    rowGroupSize: options.rowGroupSize ?? 1000,
  });
  const int96Columns = new Set(columns.filter(c => c.int96).map(c => c.name));
  if (int96Columns.size === 0) {
    return Buffer.from(written);
  }

  const metadata = parquetMetadata(written);
  for (const element of metadata.schema) {
    if (int96Columns.has(element.name)) {
      element.type = 'INT96';
      delete element.type_length;
    }
  }
  for (const group of metadata.row_groups) {
    for (const chunk of group.columns) {
      if (
        chunk.meta_data &&
        int96Columns.has(chunk.meta_data.path_in_schema[0])
      ) {
        chunk.meta_data.type = 'INT96';
      }
    }
  }
  const bytes = new Uint8Array(written);
  const footerLength = new DataView(written).getUint32(
    written.byteLength - 8,
    true,
  );
  const writer = new ByteWriter();
  writer.appendBytes(bytes.subarray(0, written.byteLength - 8 - footerLength));
  const footerStart = writer.offset;
  writeMetadata(writer, metadata);
  writer.appendUint32(writer.offset - footerStart);
  writer.appendBytes(new TextEncoder().encode('PAR1'));
  return Buffer.from(writer.getBuffer());
}
