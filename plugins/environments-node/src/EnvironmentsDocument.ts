import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  formatProblem,
  parseEnvironments,
  readEnvironmentsYaml,
  type EnvironmentsYaml,
  type Environment,
  type EnvironmentInput,
  type EnvironmentsProblem,
  type ParseEnvironmentsResult,
} from '@multicloud/plugin-environments-common';
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { unifiedDiff } from './diff';
import {
  blockItems,
  keyColumn,
  locateList,
  type ListItem,
  type ListLayout,
} from './layout';
import { renderItem } from './render';

interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Identity of a problem that survives unrelated edits: list indices and
 * `(line N)` references move when lines are added or removed elsewhere.
 */
function problemKey(problem: EnvironmentsProblem): string {
  const message = problem.message
    .replace(/\s*\(line \d+\)/g, '')
    .replace(/\[\d+\]/g, '');
  return [
    problem.environment ?? '',
    problem.path.replace(/\[\d+\]/g, ''),
    message,
  ].join('\u0000');
}

function errorsOf(result: ParseEnvironmentsResult): EnvironmentsProblem[] {
  return result.problems.filter(p => p.severity === 'error');
}

function pairOf(item: ListItem, key: string): Pair | undefined {
  const map = item.node;
  if (!isMap(map)) return undefined;
  return map.items.find(p => isScalar(p.key) && p.key.value === key);
}

function rangeOf(node: unknown): [number, number] | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}

/**
 * An environments.yaml text open for edits that change only the bytes they
 * are about: comments, key order, quoting, flow style, blank lines and line
 * breaks of everything else stay as they were, because the same file drives
 * Terraform and Helm.
 *
 * @public
 */
export class EnvironmentsDocument {
  /**
   * Opens a text for editing. Throws an InputError listing the problems when
   * the text is not YAML or has no `environments:` list.
   */
  static parse(text: string, options: { file: string }): EnvironmentsDocument {
    const { file } = options;
    const yaml = readEnvironmentsYaml(text, { sourceTokens: true });
    const parsed = parseEnvironments(yaml, { file });
    if (parsed.fatal) {
      throw new InputError(
        [
          `${file} is not an environments file that can be edited:`,
          ...parsed.problems.map(formatProblem),
        ].join('\n'),
      );
    }
    return new EnvironmentsDocument(file, yaml, parsed);
  }

  readonly file: string;
  /** The text as it was parsed. */
  readonly originalText: string;
  readonly #originalParsed: ParseEnvironmentsResult;
  #text: string;
  // The YAML of the current text, shared by the validator and the layout so
  // a text is parsed once however both are asked for.
  #yaml?: EnvironmentsYaml;
  #parsed?: ParseEnvironmentsResult;
  #layout?: ListLayout;

  private constructor(
    file: string,
    yaml: EnvironmentsYaml,
    parsed: ParseEnvironmentsResult,
  ) {
    this.file = file;
    this.originalText = yaml.text;
    this.#originalParsed = parsed;
    this.#text = yaml.text;
    this.#yaml = yaml;
    this.#parsed = parsed;
  }

  #currentYaml(): EnvironmentsYaml {
    this.#yaml ??= readEnvironmentsYaml(this.#text, { sourceTokens: true });
    return this.#yaml;
  }

  /** The text as it is now, after the edits made so far. */
  get text(): string {
    return this.#text;
  }

  /** parseEnvironments() of the current text. */
  get parsed(): ParseEnvironmentsResult {
    this.#parsed ??= parseEnvironments(this.#currentYaml(), {
      file: this.file,
    });
    return this.#parsed;
  }

  /** The valid environment of that name in the current text, if any. */
  find(name: string): Environment | undefined {
    return this.parsed.environments.find(e => e.name === name);
  }

  /** Names of every list item that has a string `name`, valid or not. */
  names(): string[] {
    return this.#list().items.flatMap(item => (item.name ? [item.name] : []));
  }

  /**
   * Appends an environment at the end of the list, or right after the item
   * named `after`, indented and separated like the existing items. Throws a
   * ConflictError when the name is taken, valid or not.
   */
  addEnvironment(
    environment: EnvironmentInput,
    options: { after?: string } = {},
  ): void {
    const layout = this.#list();
    if (layout.items.some(item => item.name === environment.name)) {
      throw new ConflictError(
        `${this.file} already has an environment named "${environment.name}"`,
      );
    }
    if (options.after !== undefined) this.#item(layout, options.after);
    if (layout.items.length === 0) {
      this.#addToEmptyList(layout, environment);
      return;
    }

    const { lines } = layout;
    const { eol } = lines;
    const items = blockItems(layout, this.file);
    const anchor =
      items.find(
        item => options.after !== undefined && item.name === options.after,
      ) ?? items[items.length - 1];
    const separatedByBlankLines = items.slice(1).filter((item, i) => {
      for (let line = items[i].lastLine + 1; line < item.firstLine; line++) {
        if (lines.isBlank(line)) return true;
      }
      return false;
    });
    const gap = separatedByBlankLines.length * 2 > items.length - 1 ? eol : '';
    const dashColumn = anchor.dashColumn;
    const block = renderItem(environment, {
      dashColumn,
      keyColumn: Math.max(
        keyColumn(lines, anchor) ?? dashColumn + 2,
        dashColumn + 2,
      ),
    }).join(eol);

    const at = lines.lines[anchor.lastLine].end;
    this.#apply({
      start: at,
      end: at,
      text: lines.hasBreak(anchor.lastLine)
        ? `${gap}${block}${eol}`
        : `${eol}${gap}${block}`,
    });
  }

  /**
   * Sets `enabled:` of an environment: replaces the value in place, keeping
   * an inline comment, or adds the key below `region:` (or `name:`). Throws a
   * NotFoundError when there is no such environment.
   */
  setEnabled(name: string, enabled: boolean): void {
    const layout = this.#list();
    const { lines } = layout;
    const item = this.#item(layout, name);
    const value = String(enabled);

    const existing = pairOf(item, 'enabled');
    if (existing) {
      const range = rangeOf(existing.value);
      if (range && range[1] > range[0]) {
        this.#apply({ start: range[0], end: range[1], text: value });
      } else {
        // An empty value's range starts at whatever follows the colon, such as
        // a comment, which needs the space in front of it.
        const keyEnd = rangeOf(existing.key)?.[1] ?? 0;
        const colon = this.#text.indexOf(':', keyEnd) + 1;
        this.#apply({ start: colon, end: colon, text: ` ${value}` });
      }
      return;
    }

    const anchor = pairOf(item, 'region') ?? pairOf(item, 'name');
    const keyStart = rangeOf(anchor?.key)?.[0];
    const valueEnd = rangeOf(anchor?.value)?.[1] ?? rangeOf(anchor?.key)?.[1];
    if (!anchor || keyStart === undefined || valueEnd === undefined) {
      throw new InputError(
        `Cannot locate environment "${name}" in ${this.file}`,
      );
    }
    if (isMap(item.node) && item.node.flow) {
      this.#apply({
        start: valueEnd,
        end: valueEnd,
        text: `, enabled: ${value}`,
      });
      return;
    }
    const line = lines.lastLineBefore(valueEnd);
    const at = lines.lines[line].end;
    const entry = `${' '.repeat(lines.column(keyStart))}enabled: ${value}`;
    this.#apply({
      start: at,
      end: at,
      text: lines.hasBreak(line)
        ? `${entry}${lines.eol}`
        : `${lines.eol}${entry}`,
    });
  }

  /**
   * Removes the list item of an environment with the comment lines directly
   * above it (up to a blank line), and one blank line so that no double blank
   * line remains. Throws a NotFoundError when there is no such environment.
   */
  removeEnvironment(name: string): void {
    const layout = this.#list();
    const { lines, keyStart, afterColon } = layout;
    this.#item(layout, name);
    const items = blockItems(layout, this.file);
    const position = items.findIndex(item => item.name === name);
    const item = items[position];
    const keyLine = lines.indexAt(keyStart);
    const above = position > 0 ? items[position - 1].lastLine : keyLine;

    let from = item.firstLine;
    while (from - 1 > above && lines.isComment(from - 1)) from--;
    const to = item.lastLine;
    const last = lines.lines.length - 1;
    const splices: Splice[] = [];

    if (to === last) {
      // Nothing follows: the text now ends where the kept lines end, with the
      // final line break only if the file had one.
      let keep = from - 1;
      while (keep > above && lines.isBlank(keep)) keep--;
      const kept = lines.lines[keep];
      splices.push({
        start: kept.contentEnd,
        end: this.#text.length,
        text: lines.hasBreak(last)
          ? this.#text.slice(kept.contentEnd, kept.end)
          : '',
      });
    } else {
      const blankAbove = from - 1 === keyLine || lines.isBlank(from - 1);
      const end =
        blankAbove && lines.isBlank(to + 1)
          ? lines.lines[to + 1].end
          : lines.lines[to].end;
      splices.push({ start: lines.lines[from].start, end, text: '' });
    }

    if (items.length === 1) {
      // `environments:` with nothing below is null, not an empty list.
      splices.push({ start: afterColon, end: afterColon, text: ' []' });
    }
    this.#apply(...splices);
  }

  /** Unified diff of the original text to the current text; empty when unchanged. */
  diff(): string {
    return unifiedDiff(this.file, this.originalText, this.#text);
  }

  /**
   * Validates the current text and returns it with its diff. Throws an
   * InputError when the edits introduced an error that the original text did
   * not have; errors that were already there never block an edit.
   */
  commit(): { text: string; diff: string; parsed: ParseEnvironmentsResult } {
    const parsed = this.parsed;
    const known = new Map<string, number>();
    for (const problem of errorsOf(this.#originalParsed)) {
      const key = problemKey(problem);
      known.set(key, (known.get(key) ?? 0) + 1);
    }
    const introduced = errorsOf(parsed).filter(problem => {
      const key = problemKey(problem);
      const count = known.get(key) ?? 0;
      known.set(key, count - 1);
      return count <= 0;
    });
    if (introduced.length > 0) {
      throw new InputError(
        [
          `The change would make ${this.file} invalid:`,
          ...introduced.map(formatProblem),
        ].join('\n'),
      );
    }
    return { text: this.#text, diff: this.diff(), parsed };
  }

  #list(): ListLayout {
    this.#layout ??= locateList(this.#currentYaml(), this.file);
    return this.#layout;
  }

  #item(layout: ListLayout, name: string): ListItem {
    const item = layout.items.find(i => i.name === name);
    if (!item) {
      throw new NotFoundError(
        `${this.file} has no environment named "${name}"`,
      );
    }
    return item;
  }

  /** Replaces the empty flow list `[]` by a block list holding one item. */
  #addToEmptyList(layout: ListLayout, environment: EnvironmentInput) {
    const { lines, keyStart, listRange } = layout;
    const [start, end] = listRange;
    let cut = start;
    while (cut > 0 && /[ \t]/.test(this.#text[cut - 1])) cut--;
    const line = lines.indexAt(Math.max(end - 1, start));
    const rest = this.#text.slice(end, lines.lines[line].contentEnd);
    const dashColumn = lines.column(keyStart) + 2;
    const block = renderItem(environment, {
      dashColumn,
      keyColumn: dashColumn + 2,
    }).join(lines.eol);
    this.#apply({
      start: cut,
      end: lines.lines[line].end,
      text: `${rest}${lines.eol}${block}${
        lines.hasBreak(line) ? lines.eol : ''
      }`,
    });
  }

  #apply(...splices: Splice[]) {
    let text = this.#text;
    for (const { start, end, text: insert } of [...splices].sort(
      (a, b) => b.start - a.start,
    )) {
      text = `${text.slice(0, start)}${insert}${text.slice(end)}`;
    }
    this.#text = text;
    this.#yaml = undefined;
    this.#parsed = undefined;
    this.#layout = undefined;
  }
}
