/**
 * A PromQL lexer that is just precise enough to find series selectors: it
 * knows strings, comments, numbers, durations, identifiers, brackets and
 * operators, and the text of every token is the exact source text, so that a
 * rewrite changes nothing but what it means to change.
 */

export type TokenType =
  | 'space'
  | 'comment'
  | 'string'
  | 'number'
  | 'duration'
  | 'identifier'
  /** A Go template action such as `{{.window}}`, kept as one opaque token. */
  | 'template'
  | 'punctuation'
  | 'operator';

export interface Token {
  type: TokenType;
  text: string;
  /** Offset of the first character in the query. */
  start: number;
}

export class PromQLSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
    this.name = 'PromQLSyntaxError';
  }
}

const PATTERNS: Array<[TokenType, RegExp]> = [
  ['space', /\s+/y],
  ['comment', /#[^\n]*/y],
  ['template', /\{\{[\s\S]*?\}\}/y],
  ['duration', /(?:\d+(?:ms|s|m|h|d|w|y))+(?!\w)/y],
  [
    'number',
    /(?:0[xX][0-9a-fA-F]+|(?:\d+(?:_\d+)*\.?\d*(?:_\d+)*|\.\d+)(?:[eE][+-]?\d+)?)(?!\w)/y,
  ],
  ['identifier', /[a-zA-Z_:][a-zA-Z0-9_:]*/y],
  ['operator', /==|!=|<=|>=|=~|!~|[-+*/%^<>=@]/y],
  ['punctuation', /[(){}[\],]/y],
];

function readString(query: string, start: number): string {
  const quote = query[start];
  let i = start + 1;
  while (i < query.length) {
    const c = query[i];
    if (quote !== '`' && c === '\\') {
      i += 2;
      continue;
    }
    if (c === quote) return query.slice(start, i + 1);
    if (c === '\n' && quote !== '`') break;
    i++;
  }
  throw new PromQLSyntaxError(
    `unterminated string starting at character ${start + 1}`,
    start,
  );
}

/** Splits a query into tokens; throws PromQLSyntaxError on text that is not PromQL. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  while (offset < query.length) {
    const token = tokenAt(query, offset);
    tokens.push(token);
    offset += token.text.length;
  }
  return tokens;
}

function tokenAt(query: string, offset: number): Token {
  const c = query[offset];
  if (c === '"' || c === "'" || c === '`') {
    return { type: 'string', text: readString(query, offset), start: offset };
  }
  for (const [type, pattern] of PATTERNS) {
    pattern.lastIndex = offset;
    const match = pattern.exec(query);
    if (match && match[0].length > 0) {
      return { type, text: match[0], start: offset };
    }
  }
  throw new PromQLSyntaxError(
    `unexpected character "${c}" at character ${offset + 1}`,
    offset,
  );
}

const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/**
 * Checks what a lexer can check: strings end, brackets pair up. Returns the
 * tokens, or throws PromQLSyntaxError naming the first fault.
 */
export function checkBrackets(query: string): Token[] {
  const tokens = tokenize(query);
  const open: Token[] = [];
  for (const token of tokens) {
    if (token.type !== 'punctuation') continue;
    if (CLOSING[token.text]) {
      open.push(token);
    } else if (token.text !== ',') {
      const last = open.pop();
      if (!last || CLOSING[last.text] !== token.text) {
        throw new PromQLSyntaxError(
          `"${token.text}" at character ${token.start + 1} closes ${
            last
              ? `"${last.text}" opened at character ${last.start + 1}`
              : 'nothing'
          }`,
          token.start,
        );
      }
    }
  }
  const unclosed = open.pop();
  if (unclosed) {
    throw new PromQLSyntaxError(
      `"${unclosed.text}" at character ${unclosed.start + 1} is never closed`,
      unclosed.start,
    );
  }
  return tokens;
}
