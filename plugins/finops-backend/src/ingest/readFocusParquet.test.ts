import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetMetadata, type AsyncBuffer } from 'hyparquet';
import {
  decimal,
  double,
  focusParquet,
  keyValueList,
  stringMap,
  timestamp,
  type ParquetColumn,
} from '../__testUtils__/focusParquet';
import { openFileAsyncBuffer, readFocusParquet } from './readFocusParquet';

const MARCH_1 = new Date('2026-03-01T00:00:00Z');
const MARCH_2 = new Date('2026-03-02T06:30:00Z');

/** A FOCUS 1.2 export with each Parquet type an export may use. */
const COLUMNS: ParquetColumn[] = [
  {
    name: 'BilledCost',
    data: [123456n, -25000n, null],
    schema: decimal('BilledCost', 4),
  },
  {
    name: 'EffectiveCost',
    data: [10.5, -2.5, 0],
    schema: double('EffectiveCost'),
  },
  { name: 'BillingCurrency', data: ['USD', 'USD', 'USD'] },
  {
    name: 'ChargePeriodStart',
    data: [1772323200000000n, 1772433000000000n, null],
    schema: timestamp('ChargePeriodStart', 'MICROS'),
  },
  {
    name: 'ChargePeriodEnd',
    data: [MARCH_2, MARCH_2, null],
    schema: timestamp('ChargePeriodEnd', 'MILLIS'),
  },
  { name: 'BillingPeriodStart', data: [MARCH_1, MARCH_1, null], int96: true },
  {
    name: 'ServiceName',
    data: ['Compute Engine', 'Compute Engine', 'Compute Engine'],
  },
  {
    name: 'Tags',
    data: [[{ key: 'env', value: 'prod' }], [], null],
    schema: stringMap('Tags'),
  },
  {
    name: 'x_Labels',
    data: [[{ Key: 'team', Value: 'ledger' }], null, []],
    schema: keyValueList('x_Labels'),
  },
];

function inTemp(bytes: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'parquet-')), 'export.parquet');
  writeFileSync(path, bytes);
  return path;
}

async function readAll(file: AsyncBuffer) {
  const headers: Array<{ header: string[]; version: string }> = [];
  const records = [];
  for await (const record of readFocusParquet(file, {
    file: 'export.parquet',
    onHeader: (header, detection) =>
      headers.push({ header, version: detection.version }),
  })) {
    records.push(record);
  }
  return { headers, records };
}

describe('readFocusParquet', () => {
  it('reads every Parquet type of an export as the text of a CSV export', async () => {
    const bytes = focusParquet(COLUMNS);
    const encodings = parquetMetadata(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    ).row_groups[0].columns.map(c => c.meta_data?.encodings);
    // Repeated strings are dictionary encoded, as the clouds' writers do.
    expect(
      encodings[COLUMNS.findIndex(c => c.name === 'ServiceName')],
    ).toContain('RLE_DICTIONARY');
    const file = await openFileAsyncBuffer(inTemp(bytes));
    const { headers, records } = await readAll(file);
    await file.close();

    expect(headers).toEqual([
      { header: COLUMNS.map(c => c.name), version: '1.0' },
    ]);
    expect(records).toEqual([
      {
        line: 2,
        row: {
          BilledCost: '12.3456',
          EffectiveCost: '10.5',
          BillingCurrency: 'USD',
          ChargePeriodStart: '2026-03-01T00:00:00.000Z',
          ChargePeriodEnd: '2026-03-02T06:30:00.000Z',
          BillingPeriodStart: '2026-03-01T00:00:00.000Z',
          ServiceName: 'Compute Engine',
          Tags: '{"env":"prod"}',
          x_Labels: '[{"Key":"team","Value":"ledger"}]',
        },
      },
      {
        line: 3,
        row: expect.objectContaining({
          BilledCost: '-2.5',
          EffectiveCost: '-2.5',
          ChargePeriodStart: '2026-03-02T06:30:00.000Z',
          Tags: '{}',
          x_Labels: '',
        }),
      },
      {
        line: 4,
        row: expect.objectContaining({
          BilledCost: '',
          EffectiveCost: '0',
          ChargePeriodStart: '',
          BillingPeriodStart: '',
          Tags: '',
          x_Labels: '[]',
        }),
      },
    ]);
  });

  it('holds one row group at a time', async () => {
    const rows = 10;
    const bytes = focusParquet(
      [
        {
          name: 'ServiceName',
          data: Array.from({ length: rows }, (_, i) => `service-${i % 3}`),
        },
        {
          name: 'BilledCost',
          data: Array.from({ length: rows }, (_, i) => i),
          schema: double('BilledCost'),
        },
      ],
      { rowGroupSize: 4 },
    );
    const metadata = parquetMetadata(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    );
    // Byte range of each row group's column chunks.
    const groups = metadata.row_groups.map(group => {
      const starts = group.columns.map(c =>
        Number(
          c.meta_data!.dictionary_page_offset ?? c.meta_data!.data_page_offset,
        ),
      );
      const ends = group.columns.map(
        (c, i) => starts[i] + Number(c.meta_data!.total_compressed_size),
      );
      return { start: Math.min(...starts), end: Math.max(...ends) };
    });
    expect(groups).toHaveLength(3);

    const file = await openFileAsyncBuffer(inTemp(bytes));
    const touched = new Set<number>();
    // The footer is read first, with the tail of the file; what counts is
    // what is read for the rows afterwards.
    let footerRead = false;
    const tracked: AsyncBuffer = {
      byteLength: file.byteLength,
      slice: (start, end) => {
        groups.forEach((group, index) => {
          if (!footerRead) {
            return;
          }
          if (start < group.end && (end ?? file.byteLength) > group.start) {
            touched.add(index);
          }
        });
        return file.slice(start, end);
      },
    };
    const seen: Array<{ line: number; touched: number[] }> = [];
    for await (const record of readFocusParquet(tracked, {
      file: 'x.parquet',
      onHeader: () => {
        footerRead = true;
      },
    })) {
      seen.push({ line: record.line, touched: [...touched].sort() });
    }
    await file.close();

    expect(seen.map(s => s.line)).toEqual(
      Array.from({ length: rows }, (_, i) => i + 2),
    );
    // While rows of group n are handed out, no later group has been read.
    seen.forEach(({ line, touched: read }) => {
      const group = Math.floor((line - 2) / 4);
      expect(Math.max(...read)).toBe(group);
    });
  });

  it('fails clearly on a file that is no Parquet', async () => {
    const file = await openFileAsyncBuffer(
      inTemp(Buffer.from('BilledCost,EffectiveCost\n1,2\n')),
    );
    await expect(readAll(file)).rejects.toThrow(/parquet/i);
    await file.close();
  });
});
