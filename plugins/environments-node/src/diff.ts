import { createTwoFilesPatch } from 'diff';

/**
 * Unified diff of two versions of a file, with `a/<file>` and `b/<file>`
 * headers and 3 lines of context, as `git diff` shows it; an empty string
 * when nothing changed.
 *
 * @public
 */
export function unifiedDiff(
  file: string,
  before: string,
  after: string,
): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(
    `a/${file}`,
    `b/${file}`,
    before,
    after,
    undefined,
    undefined,
    { context: 3 },
  );
  // jsdiff puts a separator line of "=" above the headers; git has none.
  return patch.slice(patch.indexOf('--- '));
}
