import { unifiedDiff } from './diff';

describe('unifiedDiff', () => {
  it('is empty when nothing changed', () => {
    expect(unifiedDiff('config/environments.yaml', 'a\n', 'a\n')).toBe('');
  });

  it('has git-style headers and 3 lines of context', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', ''].join('\n');
    const after = before.replace('5\n', 'five\n');

    expect(unifiedDiff('config/environments.yaml', before, after)).toBe(
      [
        '--- a/config/environments.yaml',
        '+++ b/config/environments.yaml',
        '@@ -2,7 +2,7 @@',
        ' 2',
        ' 3',
        ' 4',
        '-5',
        '+five',
        ' 6',
        ' 7',
        ' 8',
        '',
      ].join('\n'),
    );
  });

  it('marks a missing newline at the end of the file', () => {
    expect(unifiedDiff('f.yaml', 'a\nb', 'a\nb\n')).toContain(
      '\\ No newline at end of file',
    );
  });
});
