import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes RFC 4180: CRLF lines, quotes only where needed, quotes doubled', () => {
    expect(
      toCsv(
        ['name', 'amount'],
        [
          ['plain', 1],
          ['with, comma', 2.5],
          ['say "hi"', -3],
          ['two\nlines', 0],
        ],
      ),
    ).toBe(
      'name,amount\r\n' +
        'plain,1\r\n' +
        '"with, comma",2.5\r\n' +
        '"say ""hi""",-3\r\n' +
        '"two\nlines",0\r\n',
    );
  });

  it('leaves missing cells empty', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, undefined, '']])).toBe(
      'a,b,c\r\n,,\r\n',
    );
  });

  it('writes numbers without float noise or exponents', () => {
    expect(
      toCsv(['n'], [[0.1 + 0.2], [1234567.891], [0.0000012], [1e21 / 1e15]]),
    ).toBe('n\r\n0.3\r\n1234567.891\r\n0.000001\r\n1000000\r\n');
  });

  it('keeps text that a spreadsheet would run as a formula from running', () => {
    expect(toCsv(['key'], [['=HYPERLINK("x")'], ['+1'], ['@sum']])).toBe(
      'key\r\n"\'=HYPERLINK(""x"")"\r\n\'+1\r\n\'@sum\r\n',
    );
  });
});
