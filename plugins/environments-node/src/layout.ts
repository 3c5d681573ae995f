import type { EnvironmentsYaml } from '@multicloud/plugin-environments-common';
import { InputError } from '@backstage/errors';
import {
  isMap,
  isScalar,
  isSeq,
  type Node,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';

/** One line of a text by offsets; `end` includes the line break, `contentEnd` does not. */
export interface Line {
  start: number;
  contentEnd: number;
  end: number;
}

/** Line table of a text, for splicing whole lines by offset. */
export class TextLines {
  readonly lines: Line[] = [];
  /** The line break the text uses, taken from its first line. */
  readonly eol: string;

  constructor(readonly text: string) {
    let start = 0;
    while (start < text.length) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline + 1;
      let contentEnd = newline === -1 ? text.length : newline;
      if (contentEnd > start && text[contentEnd - 1] === '\r') contentEnd--;
      this.lines.push({ start, contentEnd, end });
      start = end;
    }
    const first = text.indexOf('\n');
    this.eol = first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
  }

  /** Index of the line holding `offset`; offsets at the very end map to the last line. */
  indexAt(offset: number): number {
    let low = 0;
    let high = this.lines.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lines[middle].start <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  column(offset: number): number {
    return offset - this.lines[this.indexAt(offset)].start;
  }

  content(index: number): string {
    const line = this.lines[index];
    return this.text.slice(line.start, line.contentEnd);
  }

  isBlank(index: number): boolean {
    return this.content(index).trim() === '';
  }

  isComment(index: number): boolean {
    return this.content(index).trimStart().startsWith('#');
  }

  indent(index: number): number {
    const content = this.content(index);
    return content.length - content.trimStart().length;
  }

  hasBreak(index: number): boolean {
    const line = this.lines[index];
    return line.end > line.contentEnd;
  }

  /** Index of the line holding the last non-blank character before `offset`. */
  lastLineBefore(offset: number): number {
    let end = offset;
    while (end > 0 && /\s/.test(this.text[end - 1])) end--;
    return this.indexAt(Math.max(end - 1, 0));
  }
}

/** An item of the `environments` list. */
export interface ListItem {
  index: number;
  name?: string;
  node: Node | null;
}

/** An item of a block `environments` list, with the lines it owns. */
export interface BlockItem extends ListItem {
  dashColumn: number;
  /** Line of the `-` indicator. */
  firstLine: number;
  /**
   * Last line of the item's value, or of the comment lines right below it
   * that are indented deeper than its `-` (commented-out fields of the item).
   */
  lastLine: number;
}

/** Where the `environments` list and its items sit in a text. */
export interface ListLayout {
  lines: TextLines;
  /** Offset of the `environments` key. */
  keyStart: number;
  /** Offset right after the colon of the `environments` key. */
  afterColon: number;
  list: YAMLSeq;
  /** Offsets of the list value, from its `[` or first `-` to its end. */
  listRange: [number, number];
  items: ListItem[];
}

/** Locates the `environments` list of a text that parseEnvironments accepted. */
export function locateList(yaml: EnvironmentsYaml, file: string): ListLayout {
  const { text, doc } = yaml;
  const root = doc.contents;
  const pair = isMap(root)
    ? root.items.find(p => isScalar(p.key) && p.key.value === 'environments')
    : undefined;
  if (doc.errors.length > 0 || !pair || !isScalar(pair.key)) {
    throw new InputError(`${file} has no "environments:" list to edit`);
  }
  if (!isSeq(pair.value)) {
    throw new InputError(`"environments" of ${file} is not a list`);
  }
  const list = pair.value as YAMLSeq;
  const keyRange = pair.key.range;
  if (!keyRange || !list.range) {
    throw new InputError(`Cannot locate the environments list of ${file}`);
  }
  const items = list.items.map((item, index): ListItem => {
    const node = (item as Node | null) ?? null;
    const name = isMap(node) ? node.get('name') : undefined;
    return {
      index,
      node,
      ...(typeof name === 'string' ? { name } : {}),
    };
  });
  return {
    lines: new TextLines(text),
    keyStart: keyRange[0],
    afterColon: text.indexOf(':', keyRange[1]) + 1,
    list,
    listRange: [list.range[0], list.range[1]],
    items,
  };
}

/** The items of a block list with their lines; a non-empty flow list cannot be edited line by line. */
export function blockItems(layout: ListLayout, file: string): BlockItem[] {
  const { lines, list } = layout;
  const token = list.srcToken;
  if (token?.type !== 'block-seq') {
    throw new InputError(
      `"environments" of ${file} is written as a flow list ([...]); rewrite it as a block list to edit it`,
    );
  }
  const items = layout.items.map((item, index): BlockItem => {
    const dash = token.items[index].start.find(t => t.type === 'seq-item-ind');
    const dashOffset = dash?.offset ?? list.range?.[0] ?? 0;
    const valueEnd = item.node?.range?.[1] ?? dashOffset + 1;
    const firstLine = lines.indexAt(dashOffset);
    return {
      ...item,
      dashColumn: lines.column(dashOffset),
      firstLine,
      lastLine: Math.max(firstLine, lines.lastLineBefore(valueEnd)),
    };
  });
  items.forEach((item, i) => {
    const limit = items[i + 1]?.firstLine ?? lines.lines.length;
    while (
      item.lastLine + 1 < limit &&
      lines.isComment(item.lastLine + 1) &&
      lines.indent(item.lastLine + 1) > item.dashColumn
    ) {
      item.lastLine++;
    }
  });
  return items;
}

/** Column of the keys of an item's map, when it is a block map. */
export function keyColumn(
  lines: TextLines,
  item: ListItem,
): number | undefined {
  const map = item.node;
  if (!isMap(map) || map.flow) return undefined;
  const firstKey = (map as YAMLMap).items[0]?.key;
  const offset = isScalar(firstKey) ? firstKey.range?.[0] : undefined;
  return offset === undefined ? undefined : lines.column(offset);
}
