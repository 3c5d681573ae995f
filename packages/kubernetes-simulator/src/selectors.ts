/**
 * Label and field selectors as the Kubernetes API server reads them from the
 * `labelSelector` and `fieldSelector` query parameters.
 */

export type LabelRequirement =
  | { key: string; op: 'exists' | 'notexists' }
  | { key: string; op: '=' | '!='; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] };

export interface FieldRequirement {
  path: string;
  op: '=' | '!=';
  value: string;
}

export class SelectorError extends Error {}

/** Splits at commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (depth < 0) throw new SelectorError(`unbalanced ")" in "${text}"`);
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (depth !== 0) throw new SelectorError(`unbalanced "(" in "${text}"`);
  parts.push(current);
  return parts.map(part => part.trim()).filter(part => part.length > 0);
}

const LABEL_KEY =
  /^([a-z0-9A-Z]([-a-z0-9A-Z._]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const LABEL_VALUE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?$/;

function checkKey(key: string, selector: string): string {
  if (!LABEL_KEY.test(key)) {
    throw new SelectorError(
      `invalid label key "${key}" in selector "${selector}"`,
    );
  }
  return key;
}

function checkValue(value: string, selector: string): string {
  if (!LABEL_VALUE.test(value)) {
    throw new SelectorError(
      `invalid label value "${value}" in selector "${selector}"`,
    );
  }
  return value;
}

/**
 * Parses `a=b,c!=d,e,!f,g in (x,y),h notin (z)`; every requirement must hold.
 * Throws a SelectorError on a malformed selector.
 */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  return splitTopLevel(selector).map(part => {
    const set = /^(\S+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(part);
    if (set) {
      const values = set[3]
        .split(',')
        .map(v => v.trim())
        .filter(v => v.length > 0)
        .map(v => checkValue(v, selector));
      if (values.length === 0) {
        throw new SelectorError(
          `"${part}" needs at least one value in selector "${selector}"`,
        );
      }
      return {
        key: checkKey(set[1], selector),
        op: set[2] as 'in' | 'notin',
        values,
      };
    }
    const equality = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(part);
    if (equality) {
      return {
        key: checkKey(equality[1], selector),
        op: equality[2] === '!=' ? '!=' : '=',
        value: checkValue(equality[3], selector),
      };
    }
    const absent = /^!\s*(\S+)$/.exec(part);
    if (absent) {
      return { key: checkKey(absent[1], selector), op: 'notexists' };
    }
    if (/^\S+$/.test(part)) {
      return { key: checkKey(part, selector), op: 'exists' };
    }
    throw new SelectorError(
      `unable to parse requirement "${part}" in selector "${selector}"`,
    );
  });
}

export function matchesLabels(
  labels: Record<string, string> | undefined,
  requirements: LabelRequirement[],
): boolean {
  const has = (key: string) =>
    labels !== undefined && Object.prototype.hasOwnProperty.call(labels, key);
  return requirements.every(req => {
    const value = has(req.key) ? labels![req.key] : undefined;
    switch (req.op) {
      case 'exists':
        return value !== undefined;
      case 'notexists':
        return value === undefined;
      case '=':
        return value === req.value;
      case '!=':
        return value !== req.value;
      case 'in':
        return value !== undefined && req.values.includes(value);
      case 'notin':
        return value === undefined || !req.values.includes(value);
      default:
        return false;
    }
  });
}

/**
 * Parses `status.phase!=Running,metadata.namespace=ledger`: each requirement
 * compares the value at a dotted path of the object (`=`, `==` or `!=`).
 */
export function parseFieldSelector(selector: string): FieldRequirement[] {
  return splitTopLevel(selector).map(part => {
    const match = /^([A-Za-z][\w.]*)\s*(==|=|!=)\s*(.*)$/.exec(part);
    if (!match) {
      throw new SelectorError(
        `invalid field selector requirement "${part}" in "${selector}"`,
      );
    }
    return {
      path: match[1],
      op: match[2] === '!=' ? '!=' : '=',
      value: match[3].trim(),
    };
  });
}

function valueAtPath(object: unknown, path: string): string {
  let current: unknown = object;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return '';
    current = (current as Record<string, unknown>)[segment];
  }
  if (current === undefined || current === null) return '';
  return typeof current === 'object' ? JSON.stringify(current) : `${current}`;
}

export function matchesFields(
  object: unknown,
  requirements: FieldRequirement[],
): boolean {
  return requirements.every(req => {
    const value = valueAtPath(object, req.path);
    return req.op === '=' ? value === req.value : value !== req.value;
  });
}
