import { DEFAULT_ENVIRONMENT_LABEL, DEFAULT_RESOLUTION } from './constants';
import type {
  RatioIndicator,
  SloDefinition,
  ThresholdIndicator,
  ThresholdOp,
} from './definition';
import {
  durationSeconds,
  formatDuration,
  parseDuration,
  windowElapsedSeconds,
} from './duration';
import { PromQLSyntaxError, tokenize, type Token } from './promqlLexer';

export { PromQLSyntaxError, checkBrackets } from './promqlLexer';

/** Keywords that are followed by a list of label names in parentheses. */
const LABEL_LIST_KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
]);

/** Identifiers that are never a metric name (PromQL keywords are case-insensitive). */
const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'atan2',
  'offset',
  'bool',
  'inf',
  'nan',
  'anchored',
  'smoothed',
  // Aggregation operators, which may be followed by `by (...)` rather than `(`.
  'sum',
  'min',
  'max',
  'avg',
  'group',
  'stddev',
  'stdvar',
  'count',
  'count_values',
  'bottomk',
  'topk',
  'quantile',
  'limitk',
  'limit_ratio',
]);

const MATCH_OPERATORS = new Set(['=', '!=', '=~', '!~']);
const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function isTrivia(token: Token): boolean {
  return token.type === 'space' || token.type === 'comment';
}

/** Index of the bracket that closes the one at `open`. */
function closingIndex(tokens: Token[], open: number): number {
  const opener = tokens[open].text;
  const closer = CLOSER[opener];
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i].type !== 'punctuation') continue;
    if (tokens[i].text === opener) depth++;
    else if (tokens[i].text === closer && --depth === 0) return i;
  }
  throw new PromQLSyntaxError(
    `"${opener}" at character ${tokens[open].start + 1} is never closed`,
    tokens[open].start,
  );
}

function unquote(text: string): string {
  if (text.startsWith('"')) return JSON.parse(text) as string;
  return text.slice(1, -1);
}

function formatMatcher(label: string, value: string): string {
  const name = LABEL_NAME.test(label) ? label : JSON.stringify(label);
  return `${name}=${JSON.stringify(value)}`;
}

/** `{a="b", c=~"d"}` (tokens `open`..`close`) without `labels`, plus them. */
function rewriteMatchers(
  tokens: Token[],
  open: number,
  close: number,
  labels: Record<string, string>,
): string {
  const parts: string[] = [];
  let part: Token[] = [];
  const flush = () => {
    const significant = part.filter(t => !isTrivia(t));
    if (significant.length > 0) {
      const [first, second] = significant;
      let label: string | undefined;
      if (first.type === 'identifier') label = first.text;
      else if (first.type === 'string') label = unquote(first.text);
      const isMatcher =
        second !== undefined && MATCH_OPERATORS.has(second.text);
      if (!(isMatcher && label !== undefined && label in labels)) {
        const from = part.indexOf(first);
        let to = part.length - 1;
        while (part[to].type === 'space') to--;
        const text = part
          .slice(from, to + 1)
          .map(t => t.text)
          .join('');
        // A trailing comment would swallow whatever follows on its line.
        parts.push(part[to].type === 'comment' ? `${text}\n` : text);
      }
    }
    part = [];
  };
  for (let i = open + 1; i < close; i++) {
    if (tokens[i].type === 'punctuation' && tokens[i].text === ',') flush();
    else part.push(tokens[i]);
  }
  flush();
  for (const [label, value] of Object.entries(labels)) {
    parts.push(formatMatcher(label, value));
  }
  return `{${parts.join(', ')}}`;
}

/**
 * Adds label matchers to every series selector of a PromQL query (a metric
 * name with or without `{...}`, or a bare `{...}`), replacing any matcher of
 * the same label; function names, aggregation and matching clauses (`by`,
 * `without`, `on`, `ignoring`, `group_left`, `group_right`), keywords,
 * strings, numbers, durations, offsets, `@` modifiers, comments and
 * template actions are left exactly as written. Used when one Prometheus
 * holds several environments: `{ environment: 'workload-aws-useast1' }`.
 * Throws PromQLSyntaxError for text that is not PromQL.
 */
export function withLabelMatchers(
  query: string,
  labels: Record<string, string>,
): string {
  if (Object.keys(labels).length === 0) return query;
  const tokens = tokenize(query);
  const edits: Array<{ from: number; to: number; text: string }> = [];
  const nextSignificant = (i: number) => {
    let j = i + 1;
    while (j < tokens.length && isTrivia(tokens[j])) j++;
    return j;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'punctuation' && token.text === '[') {
      i = closingIndex(tokens, i);
      continue;
    }
    if (token.type === 'punctuation' && token.text === '{') {
      const close = closingIndex(tokens, i);
      edits.push({
        from: token.start,
        to: tokens[close].start + 1,
        text: rewriteMatchers(tokens, i, close, labels),
      });
      i = close;
      continue;
    }
    if (token.type !== 'identifier') continue;
    const lower = token.text.toLowerCase();
    const next = nextSignificant(i);
    const nextText =
      tokens[next]?.type === 'punctuation' ? tokens[next].text : undefined;
    if (LABEL_LIST_KEYWORDS.has(lower)) {
      if (nextText === '(') i = closingIndex(tokens, next);
      continue;
    }
    if (KEYWORDS.has(lower) || nextText === '(') continue;
    if (nextText === '{') {
      const close = closingIndex(tokens, next);
      edits.push({
        from: tokens[next].start,
        to: tokens[close].start + 1,
        text: rewriteMatchers(tokens, next, close, labels),
      });
      i = close;
    } else {
      const end = token.start + token.text.length;
      edits.push({
        from: end,
        to: end,
        text: rewriteMatchers([], -1, 0, labels),
      });
    }
  }

  let result = '';
  let offset = 0;
  for (const edit of edits) {
    result += query.slice(offset, edit.from) + edit.text;
    offset = edit.to;
  }
  return result + query.slice(offset);
}

/** Whether the query is one series selector and nothing else (`http_requests_total{code="500"}`). */
export function isSeriesSelector(query: string): boolean {
  const significant = tokenize(query).filter(t => !isTrivia(t));
  let i = 0;
  if (
    significant[i]?.type === 'identifier' &&
    !KEYWORDS.has(significant[i].text.toLowerCase()) &&
    !LABEL_LIST_KEYWORDS.has(significant[i].text.toLowerCase())
  ) {
    i++;
    if (i === significant.length) return true;
  }
  if (significant[i]?.text !== '{' || significant[i].type !== 'punctuation') {
    return false;
  }
  const close = closingIndex(significant, i);
  return close === significant.length - 1;
}

const WINDOW_PLACEHOLDER = /\{\{\s*\.window\s*\}\}/g;
const ENVIRONMENT_PLACEHOLDER = /\{\{\s*\.?environment\s*\}\}/g;
const ANY_PLACEHOLDER = /\{\{[\s\S]*?\}\}/g;

/** Whether the query has Sloth's `{{.window}}` placeholder. */
export function hasWindowPlaceholder(query: string): boolean {
  return query.search(WINDOW_PLACEHOLDER) >= 0;
}

/**
 * Template actions of a query that are neither `{{.window}}` nor
 * `{{environment}}` (which nothing would fill in).
 */
export function unknownPlaceholders(query: string): string[] {
  return (query.match(ANY_PLACEHOLDER) ?? []).filter(
    p =>
      p.search(WINDOW_PLACEHOLDER) < 0 && p.search(ENVIRONMENT_PLACEHOLDER) < 0,
  );
}

/** Replaces Sloth's `{{.window}}` with a range such as `5m`. */
export function substituteWindow(query: string, window: string): string {
  return query.replace(WINDOW_PLACEHOLDER, window);
}

/** How the queries of an SLO are made for one environment and time. */
export interface QueryOptions {
  /** Fills `{{environment}}` (and `{{.environment}}`) in the queries. */
  environment?: string;
  /**
   * Label matchers added to every selector, for a Prometheus that holds
   * several environments (see `environmentQueryOptions`).
   */
  labels?: Record<string, string>;
  /** The evaluation time; needed for calendar windows (the current period). */
  now?: Date;
}

/**
 * Query options for one environment: its name fills `{{environment}}`, and
 * when its Prometheus also holds other environments every selector is
 * restricted by the environment label.
 */
export function environmentQueryOptions(
  environment: string,
  options: { sharedPrometheus: boolean; label?: string; now?: Date },
): QueryOptions {
  return {
    environment,
    ...(options.sharedPrometheus
      ? {
          labels: { [options.label ?? DEFAULT_ENVIRONMENT_LABEL]: environment },
        }
      : {}),
    ...(options.now ? { now: options.now } : {}),
  };
}

/** A number as PromQL text, without binary noise: `1 - 0.99` is `0.01`. */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/**
 * A query as written, as Prometheus receives it: `{{.window}}` and
 * `{{environment}}` filled in, and the environment matchers added.
 */
export function renderQuery(
  query: string,
  options: QueryOptions & { window?: string } = {},
): string {
  let text = query;
  if (options.window) text = substituteWindow(text, options.window);
  if (options.environment) {
    text = text.replace(ENVIRONMENT_PLACEHOLDER, options.environment);
  }
  return withLabelMatchers(text, options.labels ?? {});
}

const COMPARISON: Record<ThresholdOp, string> = {
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
};

/** Builds the PromQL of one definition for one environment. */
class SloQueries {
  private readonly resolution = DEFAULT_RESOLUTION;

  constructor(
    private readonly def: SloDefinition,
    private readonly options: QueryOptions,
  ) {}

  private render(query: string, window?: string): string {
    return renderQuery(query, { ...this.options, window });
  }

  /** True when a window is short enough to be covered by one sample. */
  private withinResolution(window: string): boolean {
    return durationSeconds(window) <= durationSeconds(this.resolution);
  }

  /** How many events the query counts over `window` (a scalar-like vector). */
  private amount(query: string, window: string, counter?: boolean): string {
    if (hasWindowPlaceholder(query)) return `(${this.render(query, window)})`;
    const rendered = this.render(query);
    const selector = isSeriesSelector(query);
    const range = selector
      ? `${rendered}[${window}]`
      : `(${rendered})[${window}:${this.resolution}]`;
    const isCounter = counter ?? selector;
    return isCounter
      ? `sum(increase(${range}))`
      : `sum(sum_over_time(${range}))`;
  }

  /**
   * Good or bad events over `window`, 0 when the series do not exist: error
   * series such as `code=~"5.."` only appear with the first error, and a
   * service without errors must not read as one without data.
   */
  private events(query: string, window: string, counter?: boolean): string {
    return `(${this.amount(query, window, counter)} or vector(0))`;
  }

  /** A precomputed ratio averaged over `window`. */
  private averageRatio(query: string, window: string): string {
    if (hasWindowPlaceholder(query)) return `(${this.render(query, window)})`;
    const rendered = this.render(query);
    return isSeriesSelector(query)
      ? `avg(avg_over_time(${rendered}[${window}]))`
      : `avg(avg_over_time((${rendered})[${window}:${this.resolution}]))`;
  }

  /** The fraction of bad events of a ratio SLI over `window`. */
  private ratioError(indicator: RatioIndicator, window: string): string {
    const total = (query: string) =>
      this.amount(query, window, indicator.counter);
    const events = (query: string) =>
      this.events(query, window, indicator.counter);
    if (indicator.form === 'good-total') {
      return `1 - ${events(indicator.good)} / ${total(indicator.total)}`;
    }
    if (indicator.form === 'bad-total') {
      return `${events(indicator.bad)} / ${total(indicator.total)}`;
    }
    if (indicator.form === 'good-bad') {
      const bad = events(indicator.bad);
      return `${bad} / (${events(indicator.good)} + ${bad})`;
    }
    const ratio = this.averageRatio(indicator.raw, window);
    return indicator.rawType === 'failure' ? ratio : `1 - ${ratio}`;
  }

  /** The fraction of good events of a ratio SLI over `window`. */
  private ratioSli(indicator: RatioIndicator, window: string): string {
    const total = (query: string) =>
      this.amount(query, window, indicator.counter);
    const events = (query: string) =>
      this.events(query, window, indicator.counter);
    if (indicator.form === 'good-total') {
      return `${events(indicator.good)} / ${total(indicator.total)}`;
    }
    if (indicator.form === 'bad-total') {
      return `1 - ${events(indicator.bad)} / ${total(indicator.total)}`;
    }
    if (indicator.form === 'good-bad') {
      const good = events(indicator.good);
      return `${good} / (${good} + ${events(indicator.bad)})`;
    }
    const ratio = this.averageRatio(indicator.raw, window);
    return indicator.rawType === 'success' ? ratio : `1 - ${ratio}`;
  }

  /** The fraction of good samples of a threshold SLI over `window`. */
  private thresholdGood(indicator: ThresholdIndicator, window: string): string {
    const good = `(${this.render(indicator.query)}) ${
      COMPARISON[indicator.op]
    } bool ${formatNumber(indicator.threshold)}`;
    return this.withinResolution(window)
      ? `avg(${good})`
      : `avg(avg_over_time((${good})[${window}:${this.resolution}]))`;
  }

  /** The SLI counted by occurrences over `window` (one slice of RatioTimeslices). */
  private occurrencesSli(window: string): string {
    const { indicator } = this.def;
    return indicator.kind === 'threshold'
      ? this.thresholdGood(indicator, window)
      : this.ratioSli(indicator, window);
  }

  private occurrencesError(window: string): string {
    const { indicator } = this.def;
    return indicator.kind === 'threshold'
      ? `1 - ${this.thresholdGood(indicator, window)}`
      : this.ratioError(indicator, window);
  }

  /** 1 when the slice that ends now is good, else 0 (Timeslices). */
  private goodSlice(): string {
    const { indicator, timeSlices } = this.def;
    const slice = timeSlices?.window ?? this.resolution;
    const target = timeSlices?.target ?? this.def.objective;
    const t = formatNumber(target);
    const allowed = formatNumber(1 - target);
    if (indicator.kind === 'threshold') {
      return `${this.thresholdGood(indicator, slice)} >= bool ${t}`;
    }
    // Counted as "bad <= allowed * total" so that a slice without traffic is good, not NaN.
    const total = (query: string) =>
      this.amount(query, slice, indicator.counter);
    const events = (query: string) =>
      this.events(query, slice, indicator.counter);
    if (indicator.form === 'good-total') {
      return `${events(indicator.good)} >= bool ${t} * ${total(
        indicator.total,
      )}`;
    }
    if (indicator.form === 'bad-total') {
      return `${events(indicator.bad)} <= bool ${allowed} * ${total(
        indicator.total,
      )}`;
    }
    if (indicator.form === 'good-bad') {
      const bad = events(indicator.bad);
      return `${bad} <= bool ${allowed} * (${events(indicator.good)} + ${bad})`;
    }
    const ratio = this.averageRatio(indicator.raw, slice);
    return indicator.rawType === 'failure'
      ? `${ratio} <= bool ${allowed}`
      : `${ratio} >= bool ${t}`;
  }

  /** Per-slice value averaged over `window`, or the last slice when the window is shorter than one. */
  private overSlices(perSlice: string, window: string): string {
    const slice = this.def.timeSlices?.window ?? this.resolution;
    return durationSeconds(window) < durationSeconds(slice)
      ? `(${perSlice})`
      : `avg_over_time((${perSlice})[${window}:${slice}])`;
  }

  /** The SLI over `window`, as the budgeting method counts it. */
  sli(window: string): string {
    const slice = this.def.timeSlices?.window ?? this.resolution;
    switch (this.def.budgetingMethod) {
      case 'Timeslices':
        return this.overSlices(this.goodSlice(), window);
      case 'RatioTimeslices':
        return this.overSlices(this.occurrencesSli(slice), window);
      default:
        return this.occurrencesSli(window);
    }
  }

  /** The fraction of the error budget's unit (events or slices) that went bad over `window`. */
  errorRatio(window: string): string {
    if (this.def.budgetingMethod === 'Occurrences') {
      return this.occurrencesError(window);
    }
    return `1 - ${this.sli(window)}`;
  }

  /** The range that covers the SLO window up to now (the elapsed part of a calendar period). */
  sloRange(): string {
    const { window } = this.def;
    if (window.kind === 'rolling') return window.duration;
    if (!this.options.now) {
      throw new Error(
        `SLO "${this.def.id}" has a calendar window (${window.duration}); its queries need the evaluation time (options.now)`,
      );
    }
    return formatDuration(windowElapsedSeconds(window, this.options.now));
  }

  budget(): string {
    return formatNumber(1 - this.def.objective);
  }
}

function checkWindow(window: string) {
  if (parseDuration(window)?.kind !== 'fixed') {
    throw new Error(
      `"${window}" is not a fixed duration such as 5m, 1h or 28d`,
    );
  }
}

/**
 * The fraction of bad events (or bad time slices) of the SLO over the last
 * `window`, e.g. `errorRatioQuery(def, '1h')`.
 */
export function errorRatioQuery(
  definition: SloDefinition,
  window: string,
  options: QueryOptions = {},
): string {
  checkWindow(window);
  return new SloQueries(definition, options).errorRatio(window);
}

/** The SLI over the whole SLO window (0..1): occurrences, good slices, or the average of slice ratios. */
export function sliQuery(
  definition: SloDefinition,
  options: QueryOptions = {},
): string {
  const queries = new SloQueries(definition, options);
  return queries.sli(queries.sloRange());
}

/** Fraction of the window's error budget left: 1 untouched, 0 spent, < 0 overspent. */
export function budgetRemainingQuery(
  definition: SloDefinition,
  options: QueryOptions = {},
): string {
  const queries = new SloQueries(definition, options);
  return `1 - (${queries.errorRatio(
    queries.sloRange(),
  )}) / ${queries.budget()}`;
}

/** Burn rate over `window`: the error ratio divided by the error budget (1 - objective). */
export function burnRateQuery(
  definition: SloDefinition,
  window: string,
  options: QueryOptions = {},
): string {
  checkWindow(window);
  const queries = new SloQueries(definition, options);
  return `(${queries.errorRatio(window)}) / ${queries.budget()}`;
}
