import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { mandatoryColumns } from '@multicloud/plugin-finops-common';
import { isGzipFile, readFocusCsv, type FocusCsvSkip } from './readFocusCsv';

async function readAll(
  content: string | Buffer,
  options: { file: string; gzip?: boolean; columns?: readonly string[] },
) {
  const headers: Array<{ header: string[]; version: string }> = [];
  const skips: FocusCsvSkip[] = [];
  const records = [];
  // Small chunks, so that records span chunk boundaries.
  const bytes = Buffer.from(content);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 7) {
    chunks.push(bytes.subarray(i, i + 7));
  }
  for await (const record of readFocusCsv(Readable.from(chunks), {
    ...options,
    onHeader: (header, detection) =>
      headers.push({ header, version: detection.version }),
    onSkip: skip => skips.push(skip),
  })) {
    records.push(record);
  }
  return { headers, skips, records };
}

const CSV = [
  '\uFEFFBilledCost,ChargeDescription,SkuMeter',
  '1.5,plain,Hours',
  '2,"two',
  'lines, with ""quotes""",GB',
  '',
  '3,"",Hours',
  '4,too,many,fields',
  '5,last,Hours',
].join('\r\n');

describe('readFocusCsv', () => {
  it('reads records with their physical line', async () => {
    const { headers, skips, records } = await readAll(CSV, {
      file: 'focus.csv',
    });
    expect(headers).toEqual([
      {
        header: ['BilledCost', 'ChargeDescription', 'SkuMeter'],
        // SkuMeter came with FOCUS 1.1; most mandatory columns are missing.
        version: '1.1',
      },
    ]);
    expect(records).toEqual([
      {
        line: 2,
        row: {
          BilledCost: '1.5',
          ChargeDescription: 'plain',
          SkuMeter: 'Hours',
        },
      },
      {
        line: 3,
        row: {
          BilledCost: '2',
          ChargeDescription: 'two\r\nlines, with "quotes"',
          SkuMeter: 'GB',
        },
      },
      {
        line: 6,
        row: { BilledCost: '3', ChargeDescription: '', SkuMeter: 'Hours' },
      },
      {
        line: 8,
        row: { BilledCost: '5', ChargeDescription: 'last', SkuMeter: 'Hours' },
      },
    ]);
    expect(skips).toEqual([
      { line: 7, message: expect.stringContaining('Invalid Record Length') },
    ]);
  });

  it('reads an unquoted NULL as an empty value', async () => {
    const { records } = await readAll(
      'BilledCost,ChargeClass,Tags,NULL\n1,NULL,"NULL",NULL\n',
      { file: 'focus.csv' },
    );
    expect(records).toEqual([
      {
        line: 2,
        row: { BilledCost: '1', ChargeClass: '', Tags: 'NULL', NULL: '' },
      },
    ]);
  });

  it('keeps only the columns asked for', async () => {
    const { headers, records } = await readAll('A,B,C\n1,2,3\n', {
      file: 'focus.csv',
      columns: ['C', 'A', 'Z'],
    });
    expect(headers.map(h => h.header)).toEqual([['A', 'B', 'C']]);
    expect(records).toEqual([{ line: 2, row: { A: '1', C: '3' } }]);
  });

  it('gunzips by name or when asked to', async () => {
    const plain = await readAll(CSV, { file: 'focus.csv' });
    const zipped = gzipSync(Buffer.from(CSV));
    expect(await readAll(zipped, { file: 'focus.csv.gz' })).toEqual(plain);
    expect(
      await readAll(zipped, { file: 'https://example.com/x', gzip: true }),
    ).toEqual(plain);
    expect(isGzipFile({ file: 'a.CSV.GZ' })).toBe(true);
    expect(isGzipFile({ file: 'a.csv.gz', gzip: false })).toBe(false);
  });

  it('detects the version from the header', async () => {
    const { headers, records } = await readAll(
      `${[...mandatoryColumns('1.0'), 'SkuMeter'].join(',')}\n`,
      { file: 'focus.csv' },
    );
    expect(headers.map(h => h.version)).toEqual(['1.1']);
    expect(records).toEqual([]);
  });

  it('fails on a corrupt gzip stream', async () => {
    await expect(
      readAll('not gzip at all', { file: 'focus.csv.gz' }),
    ).rejects.toThrow();
  });
});
