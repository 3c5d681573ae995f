import {
  closestMatches,
  formatPath,
} from '@multicloud/plugin-environments-common';
import {
  isMap,
  isScalar,
  type Document,
  type LineCounter,
  type Node,
} from 'yaml';
import type { SloProblem, SourceLocation } from './api';

export type Path = ReadonlyArray<string | number>;

/** The YAML document a checker reports against. */
export interface CheckedDocument {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** The YAML node at `path`, or its deepest existing ancestor. */
function nodeAt(doc: Document, path: Path): Node | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (node && typeof node === 'object' && 'range' in node) {
      return node as Node;
    }
  }
  return undefined;
}

/** The key node of the last segment of `path`, when it is a key of a map. */
function keyNodeAt(doc: Document, path: Path): Node | undefined {
  const map = doc.getIn(path.slice(0, -1), true);
  if (!isMap(map)) return undefined;
  const key = path[path.length - 1];
  const pair = map.items.find(p => isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.key) ? pair.key : undefined;
}

/**
 * Records problems of one YAML document with the file, line, column and
 * field path of the offending value, and counts its errors.
 */
export class Checker {
  errors = 0;

  constructor(
    readonly source: CheckedDocument,
    private readonly sink: SloProblem[],
    readonly slo?: string,
  ) {}

  /** A checker of the same document whose problems name an SLO and whose errors count apart. */
  forSlo(slo: string | undefined): Checker {
    return new Checker(this.source, this.sink, slo);
  }

  location(path: Path, onKey = false): SourceLocation {
    const { doc, lineCounter, file } = this.source;
    const node = (onKey && keyNodeAt(doc, path)) || nodeAt(doc, path);
    const offset = node?.range?.[0];
    if (offset === undefined) return { file, line: 1, column: 1 };
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  }

  private add(
    severity: SloProblem['severity'],
    path: Path,
    message: string,
    onKey: boolean,
  ) {
    const field = formatPath(path);
    this.sink.push({
      ...this.location(path, onKey),
      ...(field ? { field } : {}),
      ...(this.slo ? { slo: this.slo } : {}),
      message,
      severity,
    });
  }

  error(path: Path, message: string, options: { onKey?: boolean } = {}) {
    this.errors++;
    this.add('error', path, message, options.onKey ?? false);
  }

  warn(path: Path, message: string, options: { onKey?: boolean } = {}) {
    this.add('warning', path, message, options.onKey ?? false);
  }
}

/** `the number 3`, `the string "x"`, `a list`, for "must be X, not Y". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'boolean') return `${value}`;
  return `the ${typeof value} ${String(value)}`;
}

export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface FieldsOptions {
  /** What the map is, for messages: `an OpenSLO SLO spec`. */
  what: string;
  /** Every field the map may have; others are ignored, and named when they look misspelt. */
  known: readonly string[];
  /** Fields without which the map is an error. */
  required?: readonly string[];
}

/**
 * Typed reading of one map of a document. Every wrong value is reported
 * where it is, in words; a missing required field that was misspelt is
 * reported at the misspelling with what it should be called.
 */
export class Fields {
  private constructor(
    readonly checker: Checker,
    readonly map: Record<string, unknown>,
    readonly path: Path,
  ) {}

  /** Reads `value` as a map; undefined (and an error) when it is not one. */
  static of(
    checker: Checker,
    value: unknown,
    path: Path,
    options: FieldsOptions,
  ): Fields | undefined {
    if (!isPlainObject(value)) {
      checker.error(
        path,
        `must be a map of fields (${options.what}), not ${describeValue(
          value,
        )}`,
      );
      return undefined;
    }
    const fields = new Fields(checker, value, path);
    const misspelt = new Map<string, string>();
    for (const key of Object.keys(value)) {
      if (options.known.includes(key)) continue;
      const [suggestion] = closestMatches(key, options.known, {
        limit: 1,
        maxDistance: 2,
      });
      if (suggestion && !(suggestion in value) && !misspelt.has(suggestion)) {
        misspelt.set(suggestion, key);
      }
    }
    for (const key of options.required ?? []) {
      if (key in value) continue;
      const typo = misspelt.get(key);
      if (typo) {
        misspelt.delete(key);
        checker.error(
          [...path, typo],
          `"${typo}" is not a field of ${options.what}; did you mean "${key}"? (${key} is required)`,
          { onKey: true },
        );
      } else {
        checker.error([...path, key], `is required in ${options.what}`);
      }
    }
    for (const [suggestion, typo] of misspelt) {
      checker.warn(
        [...path, typo],
        `"${typo}" is not a field of ${options.what} and is ignored; did you mean "${suggestion}"?`,
        { onKey: true },
      );
    }
    return fields;
  }

  at(key: string | number): Path {
    return [...this.path, key];
  }

  has(key: string): boolean {
    return this.map[key] !== undefined && this.map[key] !== null;
  }

  get(key: string): unknown {
    return this.map[key];
  }

  private typeError(key: string, expected: string): undefined {
    this.checker.error(
      this.at(key),
      `must be ${expected}, not ${describeValue(this.map[key])}`,
    );
    return undefined;
  }

  /** A non-empty string; numbers and booleans are not taken for strings. */
  string(key: string): string | undefined {
    if (!this.has(key)) return undefined;
    const value = this.map[key];
    if (typeof value !== 'string') return this.typeError(key, 'a string');
    if (value.trim() === '') {
      this.checker.error(this.at(key), 'must not be empty');
      return undefined;
    }
    return value;
  }

  number(key: string): number | undefined {
    if (!this.has(key)) return undefined;
    const value = this.map[key];
    if (typeof value !== 'number' || Number.isNaN(value)) {
      return this.typeError(key, 'a number');
    }
    return value;
  }

  boolean(key: string): boolean | undefined {
    if (!this.has(key)) return undefined;
    const value = this.map[key];
    if (typeof value !== 'boolean') return this.typeError(key, 'true or false');
    return value;
  }

  /** A nested map, read with its own known and required fields. */
  fields(key: string, options: FieldsOptions): Fields | undefined {
    if (!this.has(key)) return undefined;
    return Fields.of(this.checker, this.map[key], this.at(key), options);
  }

  /** A list, with the path of each item. */
  list(key: string): Array<{ value: unknown; path: Path }> | undefined {
    if (!this.has(key)) return undefined;
    const value = this.map[key];
    if (!Array.isArray(value)) return this.typeError(key, 'a list');
    return value.map((item, i) => ({
      value: item,
      path: this.at(key).concat(i),
    }));
  }

  /**
   * A map of strings (labels, annotations); numbers and booleans are taken
   * as their text, lists (OpenSLO label values) joined with commas.
   */
  stringMap(
    key: string,
    options: { lists?: boolean } = {},
  ): Record<string, string> | undefined {
    if (!this.has(key)) return undefined;
    const value = this.map[key];
    if (!isPlainObject(value)) return this.typeError(key, 'a map');
    const result: Record<string, string> = {};
    for (const [name, item] of Object.entries(value)) {
      if (
        typeof item === 'string' ||
        typeof item === 'number' ||
        typeof item === 'boolean'
      ) {
        result[name] = String(item);
      } else if (
        options.lists &&
        Array.isArray(item) &&
        item.every(v => typeof v === 'string')
      ) {
        result[name] = item.join(',');
      } else {
        this.checker.error(
          this.at(key).concat(name),
          `must be ${
            options.lists ? 'a string or a list of strings' : 'a string'
          }, not ${describeValue(item)}`,
        );
      }
    }
    return result;
  }
}
