import { CsvSplitter } from './CsvSplitter';

type Item =
  | { line: number; fields: string[] }
  | { line: number; error: string };

/** Splits `text` fed in pieces of `size` characters. */
function split(text: string, size = text.length || 1): Item[] {
  const items: Item[] = [];
  const sink = {
    record: (fields: string[], line: number) => items.push({ line, fields }),
    error: (error: string, line: number) => items.push({ line, error }),
  };
  const splitter = CsvSplitter.create();
  for (let i = 0; i < text.length; i += size) {
    splitter.push(text.slice(i, i + size), sink);
  }
  splitter.end(sink);
  return items;
}

/** The same items whatever the size of the pieces. */
function splitAnyhow(text: string): Item[] {
  const whole = split(text);
  for (const size of [1, 2, 3, 5, 8, 13]) {
    expect(split(text, size)).toEqual(whole);
  }
  return whole;
}

describe('CsvSplitter', () => {
  it('splits records and fields, LF or CRLF, with or without a last line break', () => {
    expect(splitAnyhow('a,b,c\n1,2,3\r\n4,,6')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
      { line: 3, fields: ['4', '', '6'] },
    ]);
    expect(splitAnyhow('a,b\n1,\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', ''] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(
      splitAnyhow(
        'id,text,n\r\n1,"a, ""b""",x\r\n2,"two\r\nlines\nand three",y\r\n3,"",z\r\n"4","end"',
      ),
    ).toEqual([
      { line: 1, fields: ['id', 'text', 'n'] },
      { line: 2, fields: ['1', 'a, "b"', 'x'] },
      { line: 3, fields: ['2', 'two\r\nlines\nand three', 'y'] },
      { line: 6, fields: ['3', '', 'z'] },
      { line: 7, fields: ['4', 'end'] },
    ]);
  });

  it('skips empty lines and counts them', () => {
    expect(splitAnyhow('\na\r\n\r\n\nb\n\n')).toEqual([
      { line: 2, fields: ['a'] },
      { line: 5, fields: ['b'] },
    ]);
  });

  it('reads an unquoted NULL as empty, except in the header', () => {
    expect(splitAnyhow('NULL,b\nNULL,"NULL"\nNULLS,x')).toEqual([
      { line: 1, fields: ['NULL', 'b'] },
      { line: 2, fields: ['', 'NULL'] },
      { line: 3, fields: ['NULLS', 'x'] },
    ]);
  });

  it('reports a stray quote and skips to the end of its line', () => {
    expect(
      splitAnyhow('a,b\n1,x"y\n2,"ok"z,3\n3,"fine"\n4,"multi\nline"oops\n5,5'),
    ).toEqual([
      { line: 1, fields: ['a', 'b'] },
      {
        line: 2,
        error: 'Invalid Opening Quote: a quote in the unquoted field 2',
      },
      {
        line: 3,
        error:
          'Invalid Closing Quote: found "z" after the closing quote of field 2',
      },
      { line: 4, fields: ['3', 'fine'] },
      {
        line: 5,
        error:
          'Invalid Closing Quote: found "o" after the closing quote of field 2',
      },
      { line: 7, fields: ['5', '5'] },
    ]);
  });

  it('reports a quote that is never closed', () => {
    expect(splitAnyhow('a,b\n1,"open\n2,3\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      {
        line: 2,
        error:
          'Quote Not Closed: the field opened on line 2 has no closing quote',
      },
    ]);
  });

  it('reads nothing from nothing', () => {
    expect(split('')).toEqual([]);
    expect(split('\r\n\n')).toEqual([]);
  });
});
