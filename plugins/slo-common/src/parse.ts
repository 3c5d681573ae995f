import { closestMatches } from '@multicloud/plugin-environments-common';
import {
  LineCounter,
  parseAllDocuments,
  type Document,
  type YAMLError,
} from 'yaml';
import type {
  BudgetingMethod,
  SloProblem,
  SloWindow,
  SourceLocation,
} from './api';
import { DEFAULT_BURN_RATE_WINDOWS } from './burnRate';
import {
  SLO_ANNOTATIONS,
  SLOTH_DEFAULT_WINDOW,
  SLOTH_LABELS,
} from './constants';
import {
  THRESHOLD_OPS,
  type RatioIndicator,
  type SloAlerting,
  type SloAlertSeverity,
  type SloAlertWindow,
  type SloDefinition,
  type SloEnvironments,
  type SloIndicator,
  type SloTimeSlices,
  type ThresholdOp,
} from './definition';
import {
  durationSeconds,
  formatDuration,
  isValidStartTime,
  isValidTimeZone,
  parseDuration,
} from './duration';
import {
  Checker,
  describeValue,
  Fields,
  isPlainObject,
  type Path,
} from './fields';
import {
  checkBrackets,
  PromQLSyntaxError,
  unknownPlaceholders,
} from './promql';

export const OPENSLO_API_VERSION = 'openslo/v1';
/** The kinds of OpenSLO v1; only `SLO` documents become definitions. */
export const OPENSLO_KINDS = [
  'SLO',
  'SLI',
  'AlertPolicy',
  'AlertCondition',
  'AlertNotificationTarget',
  'Service',
  'DataSource',
] as const;
export const SLOTH_VERSION = 'prometheus/v1';
/** Sloth's Kubernetes resource, whose `spec` is a Sloth spec without `version`. */
const SLOTH_CRD = {
  apiVersion: 'sloth.slok.dev/v1',
  kind: 'PrometheusServiceLevel',
};

const BUDGETING_METHODS: readonly BudgetingMethod[] = [
  'Occurrences',
  'Timeslices',
  'RatioTimeslices',
];
/** OpenSLO severities are free text; these (any case) page, the rest open a ticket. */
const PAGE_SEVERITIES = new Set([
  'page',
  'critical',
  'high',
  'urgent',
  'emergency',
  'sev1',
  'sev2',
  'p1',
  'p2',
]);
const MAX_DESCRIPTION = 1050;
const SLO_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const PROMETHEUS_LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const ALERT_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const ENVIRONMENT_PATTERN = /^[a-z0-9*]([-a-z0-9*]*[a-z0-9*])?$/;
const ENTITY_REF =
  /^(?:([a-zA-Z][a-zA-Z0-9-]*):)?(?:([a-zA-Z0-9][-a-zA-Z0-9]*)\/)?([a-zA-Z0-9][-_.a-zA-Z0-9]{0,62})$/;

/** One YAML document of an SLO file, read but not yet validated. */
export interface SloYamlDocument {
  file: string;
  /** Position of the document in its file, from 0. */
  index: number;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  format: 'openslo' | 'sloth';
  /** OpenSLO `kind`, or `PrometheusServiceLevel` for a Sloth spec. */
  kind: string;
  /** `metadata.name` when it is a string. */
  name?: string;
  data: Record<string, unknown>;
}

/** The documents of one file, and the problems found reading them. */
export interface SloDocuments {
  file: string;
  documents: SloYamlDocument[];
  problems: SloProblem[];
}

/** The text of one SLO file. */
export interface SloSourceText {
  text: string;
  /** Path or URL, as it should appear in problems. */
  file: string;
}

export interface SloParseResult {
  /** The valid SLOs, in file and document order. */
  definitions: SloDefinition[];
  /** Every error and warning, by file, line and column. */
  problems: SloProblem[];
}

/** `slos/checkout.yaml:12:15 spec.objectives[0].target: must be below 1 ...` */
export function formatSloProblem(problem: SloProblem): string {
  const where = [problem.file, problem.line, problem.column]
    .filter(part => part !== undefined)
    .join(':');
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${where} ${problem.field ? `${problem.field}: ` : ''}${prefix}${
    problem.message
  }`;
}

/**
 * Reads the YAML documents of one SLO file (OpenSLO v1 of any kind, Sloth
 * `prometheus/v1` specs) without resolving references between documents;
 * `resolveSloDocuments` does that across files.
 */
export function readSloDocuments(
  text: string,
  options: { file: string },
): SloDocuments {
  const { file } = options;
  const lineCounter = new LineCounter();
  const result: SloDocuments = { file, documents: [], problems: [] };
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const docs = Array.isArray(parsed) ? parsed : [];

  docs.forEach((doc, index) => {
    const checker = new Checker({ file, doc, lineCounter }, result.problems);
    const yamlProblem = (
      error: YAMLError,
      severity: SloProblem['severity'],
    ) => {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      const message = error.message.split('\n')[0];
      result.problems.push({
        file,
        line,
        column: col,
        message: severity === 'error' ? `not valid YAML: ${message}` : message,
        severity,
      });
    };
    doc.warnings.forEach(warning => yamlProblem(warning, 'warning'));
    doc.errors.forEach(error => yamlProblem(error, 'error'));
    if (doc.errors.length > 0) return;
    const data: unknown = doc.toJS({ maxAliasCount: 1000 });
    if (data === null || data === undefined) return;
    if (!isPlainObject(data)) {
      checker.error(
        [],
        `each document must be a map (an OpenSLO object or a Sloth spec), not ${describeValue(
          data,
        )}`,
      );
      return;
    }
    const metadata = isPlainObject(data.metadata) ? data.metadata : {};
    const name = typeof metadata.name === 'string' ? metadata.name : undefined;
    const base = { file, index, doc, lineCounter, data, name };
    const classified = classify(checker, data);
    if (classified) result.documents.push({ ...base, ...classified });
  });
  return result;
}

function classify(
  checker: Checker,
  data: Record<string, unknown>,
): Pick<SloYamlDocument, 'format' | 'kind'> | undefined {
  const { apiVersion, kind, version } = data;
  if (apiVersion === OPENSLO_API_VERSION) {
    if (typeof kind !== 'string') {
      checker.error(
        ['kind'],
        `is required: one of ${OPENSLO_KINDS.join(', ')}`,
      );
      return undefined;
    }
    if (!(OPENSLO_KINDS as readonly string[]).includes(kind)) {
      const [hint] = closestMatches(kind, OPENSLO_KINDS, { limit: 1 });
      checker.warn(
        ['kind'],
        `"${kind}" is not an OpenSLO v1 kind this suite reads (${OPENSLO_KINDS.join(
          ', ',
        )}); the document is skipped${
          hint ? ` (did you mean "${hint}"?)` : ''
        }`,
      );
      return undefined;
    }
    return { format: 'openslo', kind };
  }
  if (apiVersion === SLOTH_CRD.apiVersion && kind === SLOTH_CRD.kind) {
    return { format: 'sloth', kind };
  }
  if (typeof apiVersion === 'string' && /^openslo\//i.test(apiVersion)) {
    checker.error(
      ['apiVersion'],
      `"${apiVersion}" is not supported; write the document as ${OPENSLO_API_VERSION}`,
    );
    return undefined;
  }
  if (version === SLOTH_VERSION) {
    return { format: 'sloth', kind: SLOTH_CRD.kind };
  }
  if (version !== undefined && 'slos' in data) {
    checker.error(
      ['version'],
      `a Sloth spec must be version "${SLOTH_VERSION}", not ${describeValue(
        version,
      )}`,
    );
    return undefined;
  }
  const [hint] =
    typeof apiVersion === 'string'
      ? closestMatches(apiVersion, [OPENSLO_API_VERSION], { limit: 1 })
      : [];
  if (hint) {
    checker.error(
      ['apiVersion'],
      `"${apiVersion}" is not an API version this suite reads; did you mean "${hint}"?`,
    );
    return undefined;
  }
  checker.warn(
    [],
    `neither an OpenSLO document (apiVersion: ${OPENSLO_API_VERSION}) nor a Sloth spec (version: ${SLOTH_VERSION}); skipped`,
  );
  return undefined;
}

/** `[kind:][namespace/]name` as a full ref; undefined when it is not one. */
export function normalizeEntityRef(text: string): string | undefined {
  const match = ENTITY_REF.exec(text.trim());
  if (!match) return undefined;
  const [, kind = 'component', namespace = 'default', name] = match;
  return `${kind.toLocaleLowerCase('en-US')}:${namespace.toLocaleLowerCase(
    'en-US',
  )}/${name}`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/** The indicator an SLI spec gives; a threshold takes its comparison from the objective. */
type IndicatorSpec = RatioIndicator | { kind: 'threshold'; query: string };

interface ResolvedSli {
  name?: string;
  spec: IndicatorSpec;
}

interface ResolvedPolicy {
  name: string;
  windows: SloAlertWindow[];
}

interface Metadata {
  name?: string;
  displayName?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

const OBJECT_KEYS = ['apiVersion', 'kind', 'metadata', 'spec'];

function readEnum<T extends string>(
  fields: Fields,
  key: string,
  values: readonly T[],
): T | undefined {
  const value = fields.string(key);
  if (value === undefined) return undefined;
  const exact = values.find(v => v === value);
  if (exact) return exact;
  // OpenSLO itself writes both "Timeslices" and "TimeSlices".
  const caseless = values.find(v => v.toLowerCase() === value.toLowerCase());
  if (caseless) return caseless;
  const [hint] = closestMatches(value, values, { limit: 1 });
  fields.checker.error(
    fields.at(key),
    `"${value}" is not one of ${values.join(', ')}${
      hint ? ` (did you mean "${hint}"?)` : ''
    }`,
  );
  return undefined;
}

function fixedDuration(
  fields: Fields,
  key: string,
  what: string,
): string | undefined {
  const raw = fields.get(key);
  const text =
    typeof raw === 'number' && key === 'timeSliceWindow'
      ? `${raw}m` // OpenSLO: a bare number of a time slice is minutes.
      : fields.string(key);
  if (text === undefined) return undefined;
  const duration = parseDuration(text);
  if (duration?.kind !== 'fixed') {
    fields.checker.error(
      fields.at(key),
      `"${text}" is not ${what} such as 5m, 1h or 28d`,
    );
    return undefined;
  }
  return duration.text;
}

/** Validates every document and turns the SLOs into definitions. */
class SloResolver {
  readonly problems: SloProblem[] = [];
  readonly definitions: SloDefinition[] = [];
  private readonly named = new Map<string, Map<string, SloYamlDocument>>();
  private readonly slis = new Map<string, ResolvedSli | null>();
  private readonly policies = new Map<string, ResolvedPolicy | null>();
  private readonly conditions = new Map<string, SloAlertWindow | null>();
  private readonly checked = new Set<SloYamlDocument>();
  private readonly ids = new Map<string, SourceLocation>();

  constructor(private readonly sets: ReadonlyArray<SloDocuments>) {}

  resolve(): SloParseResult {
    for (const set of this.sets) this.problems.push(...set.problems);
    const documents = this.sets.flatMap(set => set.documents);
    for (const doc of documents) this.register(doc);
    for (const doc of documents) {
      if (doc.format === 'sloth') this.readSloth(doc);
      else if (doc.kind === 'SLO') this.readSlo(doc);
    }
    // Objects that no SLO used still get their problems reported.
    for (const doc of documents) {
      if (doc.format === 'openslo' && !this.checked.has(doc)) {
        this.checkObject(doc);
      }
    }
    // Files in the order they were given, then by position.
    const order = new Map(this.sets.map((set, i) => [set.file, i]));
    this.problems.sort(
      (a, b) =>
        (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0),
    );
    return { definitions: this.definitions, problems: this.problems };
  }

  private checker(doc: SloYamlDocument, slo?: string): Checker {
    return new Checker(doc, this.problems, slo);
  }

  private register(doc: SloYamlDocument) {
    if (doc.format !== 'openslo' || doc.kind === 'SLO' || !doc.name) return;
    let byName = this.named.get(doc.kind);
    if (!byName) {
      byName = new Map();
      this.named.set(doc.kind, byName);
    }
    const first = byName.get(doc.name);
    if (first) {
      this.checker(doc).error(
        ['metadata', 'name'],
        `a ${doc.kind} named "${doc.name}" is already defined at ${
          first.file
        }:${this.checker(first).location([]).line}; this one is ignored`,
      );
      this.checked.add(doc);
      return;
    }
    byName.set(doc.name, doc);
  }

  private lookup(
    checker: Checker,
    path: Path,
    kind: string,
    name: string,
    severity: 'error' | 'warning',
  ): SloYamlDocument | undefined {
    const byName = this.named.get(kind);
    const doc = byName?.get(name);
    if (doc) return doc;
    const hint = closestMatches(name, byName?.keys() ?? [], { limit: 1 });
    const message = `no ${kind} named "${name}" is defined in the SLO sources${
      hint.length ? ` (did you mean "${hint[0]}"?)` : ''
    }`;
    if (severity === 'error') checker.error(path, message);
    else checker.warn(path, message);
    return undefined;
  }

  private where(doc: SloYamlDocument): string {
    return `${doc.file}:${this.checker(doc).location([]).line}`;
  }

  // ---- OpenSLO objects --------------------------------------------------

  private readMetadata(
    root: Fields,
    options: { nameRequired: boolean },
  ): Metadata {
    const metadata = root.fields('metadata', {
      what: 'OpenSLO metadata',
      known: ['name', 'displayName', 'labels', 'annotations', 'namespace'],
      required: options.nameRequired ? ['name'] : [],
    });
    return {
      name: metadata?.string('name'),
      displayName: metadata?.string('displayName'),
      labels: metadata?.stringMap('labels', { lists: true }) ?? {},
      annotations: metadata?.stringMap('annotations') ?? {},
    };
  }

  private readDescription(fields: Fields): string | undefined {
    const description = fields.string('description');
    if (description && description.length > MAX_DESCRIPTION) {
      fields.checker.warn(
        fields.at('description'),
        `is ${description.length} characters long; OpenSLO allows at most ${MAX_DESCRIPTION}`,
      );
    }
    return description;
  }

  /** Validates an OpenSLO object that is not an SLO, once, reporting its problems. */
  private checkObject(doc: SloYamlDocument) {
    this.checked.add(doc);
    if (!doc.name) {
      const checker = this.checker(doc);
      const root = Fields.of(checker, doc.data, [], {
        what: `an OpenSLO ${doc.kind}`,
        known: OBJECT_KEYS,
        required: ['metadata', 'spec'],
      });
      if (root) this.readMetadata(root, { nameRequired: true });
      return;
    }
    switch (doc.kind) {
      case 'SLI':
        this.sli(doc.name);
        break;
      case 'AlertPolicy':
        this.policy(doc.name);
        break;
      case 'AlertCondition':
        this.condition(doc.name);
        break;
      case 'DataSource':
        this.checkDataSource(doc);
        break;
      case 'Service':
        this.checkService(doc);
        break;
      case 'AlertNotificationTarget':
        this.checkNotificationTarget(doc);
        break;
      default:
        break;
    }
  }

  private objectRoot(
    checker: Checker,
    doc: SloYamlDocument,
    specRequired = true,
  ): Fields | undefined {
    return Fields.of(checker, doc.data, [], {
      what: `an OpenSLO ${doc.kind}`,
      known: OBJECT_KEYS,
      required: specRequired ? ['metadata', 'spec'] : ['metadata'],
    });
  }

  private checkDataSource(doc: SloYamlDocument) {
    const checker = this.checker(doc);
    const root = this.objectRoot(checker, doc);
    if (!root) return;
    this.readMetadata(root, { nameRequired: true });
    const spec = root.fields('spec', {
      what: 'an OpenSLO DataSource spec',
      known: ['description', 'type', 'connectionDetails'],
      required: ['type'],
    });
    if (spec) {
      this.readDescription(spec);
      spec.string('type');
    }
  }

  /** The type of a DataSource, for the queries that refer to it. */
  private dataSourceType(doc: SloYamlDocument): string | undefined {
    const spec = doc.data.spec;
    return isPlainObject(spec) && typeof spec.type === 'string'
      ? spec.type
      : undefined;
  }

  private checkService(doc: SloYamlDocument) {
    const checker = this.checker(doc);
    const root = this.objectRoot(checker, doc, false);
    if (!root) return;
    const metadata = this.readMetadata(root, { nameRequired: true });
    const spec = root.fields('spec', {
      what: 'an OpenSLO Service spec',
      known: ['description'],
    });
    if (spec) this.readDescription(spec);
    const ref = metadata.annotations[SLO_ANNOTATIONS.entityRef];
    if (ref !== undefined && !normalizeEntityRef(ref)) {
      checker.error(
        ['metadata', 'annotations', SLO_ANNOTATIONS.entityRef],
        `"${ref}" is not an entity ref such as component:default/checkout`,
      );
    }
  }

  private checkNotificationTarget(doc: SloYamlDocument) {
    const checker = this.checker(doc);
    const root = this.objectRoot(checker, doc);
    if (!root) return;
    this.readMetadata(root, { nameRequired: true });
    const spec = root.fields('spec', {
      what: 'an OpenSLO AlertNotificationTarget spec',
      known: ['description', 'target'],
      required: ['target'],
    });
    if (spec) {
      this.readDescription(spec);
      spec.string('target');
    }
  }

  /** The SLI document of that name, validated once; null when it has errors. */
  private sli(name: string): ResolvedSli | null | undefined {
    if (this.slis.has(name)) return this.slis.get(name);
    const doc = this.named.get('SLI')?.get(name);
    if (!doc) return undefined;
    this.checked.add(doc);
    const checker = this.checker(doc);
    const root = this.objectRoot(checker, doc);
    let result: ResolvedSli | null = null;
    if (root) {
      this.readMetadata(root, { nameRequired: true });
      const spec = this.readSliSpec(checker, root.get('spec'), ['spec']);
      if (spec && checker.errors === 0) result = { name, spec };
    }
    this.slis.set(name, result);
    return result;
  }

  private readSliSpec(
    checker: Checker,
    value: unknown,
    path: Path,
  ): IndicatorSpec | undefined {
    const spec = Fields.of(checker, value, path, {
      what: 'an OpenSLO SLI spec',
      known: ['description', 'ratioMetric', 'thresholdMetric'],
    });
    if (!spec) return undefined;
    this.readDescription(spec);
    const ratio = spec.has('ratioMetric');
    const threshold = spec.has('thresholdMetric');
    if (ratio === threshold) {
      checker.error(
        path,
        ratio
          ? 'has both ratioMetric and thresholdMetric; an SLI is one or the other'
          : 'needs a ratioMetric (good/bad/total events) or a thresholdMetric',
      );
      return undefined;
    }
    if (threshold) {
      const query = this.readMetric(spec, 'thresholdMetric');
      return query === undefined ? undefined : { kind: 'threshold', query };
    }
    return this.readRatio(spec);
  }

  private readRatio(spec: Fields): RatioIndicator | undefined {
    const ratio = spec.fields('ratioMetric', {
      what: 'a ratioMetric',
      known: ['counter', 'good', 'bad', 'total', 'raw', 'rawType'],
    });
    if (!ratio) return undefined;
    const { checker } = ratio;
    const counter = ratio.boolean('counter');
    const base = counter === undefined ? {} : { counter };
    if (ratio.has('raw')) {
      const others = ['good', 'bad', 'total'].filter(k => ratio.has(k));
      if (others.length > 0) {
        checker.error(
          ratio.at('raw'),
          `a precomputed raw ratio cannot be combined with ${others.join(
            ' and ',
          )}`,
        );
        return undefined;
      }
      if (!ratio.has('rawType')) {
        checker.error(
          ratio.at('rawType'),
          'is required with raw: "success" (the query gives good/total) or "failure" (bad/total)',
        );
      }
      const rawType = readEnum(ratio, 'rawType', [
        'success',
        'failure',
      ] as const);
      const raw = this.readMetric(ratio, 'raw');
      return raw && rawType
        ? { kind: 'ratio', ...base, form: 'raw', raw, rawType }
        : undefined;
    }
    if (ratio.has('rawType')) {
      checker.warn(ratio.at('rawType'), 'applies to raw only and is ignored');
    }
    const present = ['good', 'bad', 'total'].filter(k => ratio.has(k));
    if (present.length !== 2) {
      checker.error(
        ratio.path,
        `needs two of good, bad and total (good and total, bad and total, or good and bad), not ${
          present.length === 0 ? 'none' : present.join(', ')
        }`,
      );
      return undefined;
    }
    const [first, second] = present.map(k => this.readMetric(ratio, k));
    if (first === undefined || second === undefined) return undefined;
    const key = present.join('-');
    if (key === 'good-total') {
      return {
        kind: 'ratio',
        ...base,
        form: 'good-total',
        good: first,
        total: second,
      };
    }
    if (key === 'bad-total') {
      return {
        kind: 'ratio',
        ...base,
        form: 'bad-total',
        bad: first,
        total: second,
      };
    }
    return {
      kind: 'ratio',
      ...base,
      form: 'good-bad',
      good: first,
      bad: second,
    };
  }

  /** The PromQL of `{ metricSource: { type, metricSourceRef, spec: { query } } }`. */
  private readMetric(parent: Fields, key: string): string | undefined {
    const metric = parent.fields(key, {
      what: `the ${key} metric`,
      known: ['metricSource'],
      required: ['metricSource'],
    });
    const source = metric?.fields('metricSource', {
      what: 'a metricSource',
      known: ['metricSourceRef', 'type', 'spec'],
      required: ['spec'],
    });
    if (!source) return undefined;
    const { checker } = source;
    const errorsBefore = checker.errors;
    const type = source.string('type');
    const ref = source.string('metricSourceRef');
    if (ref) {
      const dataSource = this.lookup(
        checker,
        source.at('metricSourceRef'),
        'DataSource',
        ref,
        'warning',
      );
      const refType = dataSource && this.dataSourceType(dataSource);
      if (refType && refType.toLowerCase() !== 'prometheus') {
        checker.error(
          source.at('metricSourceRef'),
          `the DataSource "${ref}" is of type ${refType}; only Prometheus queries can be evaluated`,
        );
      }
    }
    if (type && type.toLowerCase() !== 'prometheus') {
      checker.error(
        source.at('type'),
        `"${type}" metric sources cannot be evaluated; only Prometheus ones can`,
      );
    }
    const spec = source.fields('spec', {
      what: 'a Prometheus metric source spec',
      known: ['query', 'promql'],
    });
    if (!spec) return undefined;
    const query = spec.string('query');
    const promql = spec.string('promql');
    if (query !== undefined && promql !== undefined) {
      checker.error(
        spec.at('promql'),
        'give the PromQL once, as "query" or as "promql"',
      );
      return undefined;
    }
    const text = query ?? promql;
    if (text === undefined) {
      if (!spec.has('query') && !spec.has('promql')) {
        checker.error(spec.path, 'needs the PromQL as "query" (or "promql")');
      }
      return undefined;
    }
    checkQuery(
      checker,
      spec.at(query !== undefined ? 'query' : 'promql'),
      text,
    );
    return checker.errors === errorsBefore ? text : undefined;
  }

  /** The AlertCondition document of that name, validated once. */
  private condition(name: string): SloAlertWindow | null | undefined {
    if (this.conditions.has(name)) return this.conditions.get(name);
    const doc = this.named.get('AlertCondition')?.get(name);
    if (!doc) return undefined;
    this.checked.add(doc);
    const window = this.readCondition(this.checker(doc), doc.data, []);
    this.conditions.set(name, window ?? null);
    return window ?? null;
  }

  private readCondition(
    checker: Checker,
    value: unknown,
    path: Path,
  ): SloAlertWindow | undefined {
    const errorsBefore = checker.errors;
    const root = Fields.of(checker, value, path, {
      what: 'an OpenSLO AlertCondition',
      known: OBJECT_KEYS,
      required: ['metadata', 'spec'],
    });
    if (!root) return undefined;
    const { name } = this.readMetadata(root, { nameRequired: true });
    const spec = root.fields('spec', {
      what: 'an OpenSLO AlertCondition spec',
      known: ['description', 'severity', 'condition'],
      required: ['severity', 'condition'],
    });
    if (!spec) return undefined;
    this.readDescription(spec);
    const severity = spec.string('severity');
    const condition = spec.fields('condition', {
      what: 'an alert condition',
      known: ['kind', 'op', 'threshold', 'lookbackWindow', 'alertAfter'],
      required: ['threshold', 'lookbackWindow'],
    });
    if (!condition) return undefined;
    const kind = condition.string('kind') ?? 'burnrate';
    if (kind.toLowerCase() !== 'burnrate') {
      checker.error(
        condition.at('kind'),
        `"${kind}" conditions cannot be evaluated; only "burnrate" ones can`,
      );
    }
    const op = readEnum(condition, 'op', THRESHOLD_OPS);
    if (op === 'lt' || op === 'lte') {
      checker.warn(
        condition.at('op'),
        `a burn-rate alert fires when the burn rate rises above the threshold; "${op}" is read as "gt"`,
      );
    }
    const factor = condition.number('threshold');
    if (factor !== undefined && factor <= 0) {
      checker.error(
        condition.at('threshold'),
        `must be a burn rate above 0, such as 14.4, not ${factor}`,
      );
    }
    const long = fixedDuration(condition, 'lookbackWindow', 'a duration');
    const alertAfter = fixedDuration(condition, 'alertAfter', 'a duration');
    if (
      checker.errors > errorsBefore ||
      !severity ||
      factor === undefined ||
      !long
    ) {
      return undefined;
    }
    return {
      long,
      // The SRE workbook's short window: a twelfth of the long one.
      short: formatDuration(durationSeconds(long) / 12),
      factor,
      severity: PAGE_SEVERITIES.has(severity.toLowerCase()) ? 'page' : 'ticket',
      for: alertAfter ?? '0s',
      ...(name ? { condition: name } : {}),
    };
  }

  /** The AlertPolicy document of that name, validated once. */
  private policy(name: string): ResolvedPolicy | null | undefined {
    if (this.policies.has(name)) return this.policies.get(name);
    const doc = this.named.get('AlertPolicy')?.get(name);
    if (!doc) return undefined;
    this.checked.add(doc);
    const policy = this.readPolicy(this.checker(doc), doc.data, []);
    this.policies.set(name, policy ?? null);
    return policy ?? null;
  }

  private readPolicy(
    checker: Checker,
    value: unknown,
    path: Path,
  ): ResolvedPolicy | undefined {
    const errorsBefore = checker.errors;
    const root = Fields.of(checker, value, path, {
      what: 'an OpenSLO AlertPolicy',
      known: OBJECT_KEYS,
      required: ['metadata', 'spec'],
    });
    if (!root) return undefined;
    const { name } = this.readMetadata(root, { nameRequired: true });
    const spec = root.fields('spec', {
      what: 'an OpenSLO AlertPolicy spec',
      known: [
        'description',
        'alertWhenNoData',
        'alertWhenResolved',
        'alertWhenBreaching',
        'conditions',
        'notificationTargets',
      ],
      required: ['conditions'],
    });
    if (!spec) return undefined;
    this.readDescription(spec);
    spec.boolean('alertWhenNoData');
    spec.boolean('alertWhenResolved');
    spec.boolean('alertWhenBreaching');
    spec.list('notificationTargets');
    const windows: SloAlertWindow[] = [];
    const conditions = spec.list('conditions') ?? [];
    if (spec.has('conditions') && conditions.length === 0) {
      checker.error(spec.at('conditions'), 'must list at least one condition');
    }
    for (const item of conditions) {
      const ref = isPlainObject(item.value)
        ? item.value.conditionRef
        : undefined;
      if (typeof ref === 'string') {
        const window = this.condition(ref);
        if (window === undefined) {
          this.lookup(
            checker,
            [...item.path, 'conditionRef'],
            'AlertCondition',
            ref,
            'error',
          );
        } else if (window === null) {
          const doc = this.named.get('AlertCondition')?.get(ref);
          checker.error(
            [...item.path, 'conditionRef'],
            `the AlertCondition "${ref}"${
              doc ? ` (${this.where(doc)})` : ''
            } has errors`,
          );
        } else {
          windows.push(window);
        }
      } else if (ref !== undefined) {
        checker.error(
          [...item.path, 'conditionRef'],
          `must be the name of an AlertCondition, not ${describeValue(ref)}`,
        );
      } else {
        const window = this.readCondition(checker, item.value, item.path);
        if (window) windows.push(window);
      }
    }
    if (checker.errors > errorsBefore || !name) return undefined;
    return { name, windows };
  }

  /** The alert windows of an SLO's `alertPolicies`; the workbook's four pairs when it has none. */
  private readAlertPolicies(
    spec: Fields,
  ): Pick<SloAlerting, 'windows' | 'policies'> {
    const items = spec.list('alertPolicies');
    if (!items || items.length === 0) {
      return { windows: [...DEFAULT_BURN_RATE_WINDOWS], policies: [] };
    }
    const { checker } = spec;
    const windows: SloAlertWindow[] = [];
    const policies: string[] = [];
    for (const item of items) {
      let ref: unknown = item.value;
      let refPath = item.path;
      if (isPlainObject(item.value) && 'alertPolicyRef' in item.value) {
        ref = item.value.alertPolicyRef;
        refPath = [...item.path, 'alertPolicyRef'];
      }
      let policy: ResolvedPolicy | null | undefined;
      if (typeof ref === 'string') {
        policy = this.policy(ref);
        if (policy === undefined) {
          this.lookup(checker, refPath, 'AlertPolicy', ref, 'warning');
        } else if (policy === null) {
          const doc = this.named.get('AlertPolicy')?.get(ref);
          checker.warn(
            refPath,
            `the AlertPolicy "${ref}"${
              doc ? ` (${this.where(doc)})` : ''
            } has errors; its alerts are left out of this SLO`,
          );
        }
      } else if (isPlainObject(ref) && ref.kind === 'AlertPolicy') {
        // An inline policy's errors are its own: they leave its alerts out, not the SLO.
        const inline = new Checker(checker.source, this.problems, checker.slo);
        policy = this.readPolicy(inline, ref, refPath);
      } else {
        checker.warn(
          refPath,
          `must be the name of an AlertPolicy, { alertPolicyRef: <name> } or an inline AlertPolicy, not ${describeValue(
            ref,
          )}; ignored`,
        );
      }
      if (policy) {
        windows.push(...policy.windows);
        policies.push(policy.name);
      }
    }
    return { windows, policies };
  }

  private readTimeWindow(spec: Fields): SloWindow | undefined {
    const items = spec.list('timeWindow');
    if (!items || items.length === 0) {
      return { kind: 'rolling', duration: SLOTH_DEFAULT_WINDOW };
    }
    const { checker } = spec;
    if (items.length > 1) {
      checker.error(
        items[1].path,
        'an SLO has exactly one time window; write one SLO per window',
      );
      return undefined;
    }
    const window = Fields.of(checker, items[0].value, items[0].path, {
      what: 'a time window',
      known: ['duration', 'isRolling', 'calendar'],
      required: ['duration'],
    });
    if (!window) return undefined;
    const text = window.string('duration');
    const isRolling = window.boolean('isRolling');
    const calendar = window.fields('calendar', {
      what: 'a calendar',
      known: ['startTime', 'timeZone'],
    });
    const startTime = calendar?.string('startTime');
    const timeZone = calendar?.string('timeZone');
    if (startTime !== undefined && !isValidStartTime(startTime)) {
      checker.error(
        calendar!.at('startTime'),
        `"${startTime}" is not a date and time such as 2024-01-01 00:00:00`,
      );
    }
    if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
      checker.error(
        calendar!.at('timeZone'),
        `"${timeZone}" is not an IANA time zone such as Europe/Amsterdam`,
      );
    }
    if (text === undefined) return undefined;
    const duration = parseDuration(text);
    if (!duration) {
      checker.error(
        window.at('duration'),
        `"${text}" is not a duration such as 28d, 4w (rolling) or 1M, 1Q (calendar)`,
      );
      return undefined;
    }
    const rolling = isRolling ?? !calendar;
    if (rolling) {
      if (calendar) {
        checker.error(
          window.at('calendar'),
          'a rolling window has no calendar; set isRolling: false for a calendar window',
        );
      }
      if (duration.kind !== 'fixed') {
        checker.error(
          window.at('duration'),
          `"${text}" is a calendar duration; a rolling window needs a fixed one such as 28d or 30d (or set isRolling: false)`,
        );
        return undefined;
      }
      return { kind: 'rolling', duration: duration.text };
    }
    if (duration.kind === 'fixed' && duration.seconds % 86400 !== 0) {
      checker.error(
        window.at('duration'),
        `"${text}" is not a calendar period; use whole days (1d, 1w) or months (1M, 1Q, 1Y)`,
      );
      return undefined;
    }
    return {
      kind: 'calendar',
      duration: duration.text,
      ...(startTime ? { startTime } : {}),
      ...(timeZone ? { timeZone } : {}),
    };
  }

  /** `multicloud.io/environments` from annotations or labels. */
  private readEnvironments(
    checker: Checker,
    value: string | undefined,
    path: Path,
  ): SloEnvironments {
    if (value === undefined) return { kind: 'all' };
    const patterns = value
      .split(',')
      .map(p => p.trim())
      .filter(Boolean);
    const bad = patterns.filter(p => !ENVIRONMENT_PATTERN.test(p));
    if (patterns.length === 0 || bad.length > 0) {
      checker.error(
        path,
        patterns.length === 0
          ? 'names no environment; list environment names separated by commas, or leave it out for every environment'
          : `${bad
              .map(p => JSON.stringify(p))
              .join(
                ', ',
              )} is not an environment name or pattern (lower-case letters, digits, "-" and "*")`,
      );
      return { kind: 'all' };
    }
    return { kind: 'only', patterns };
  }

  private entityRefFrom(
    checker: Checker,
    annotation: { value: string; path: Path } | undefined,
    service: { value: string; path: Path } | undefined,
  ): string | undefined {
    if (annotation) {
      const ref = normalizeEntityRef(annotation.value);
      if (!ref) {
        checker.error(
          annotation.path,
          `"${annotation.value}" is not an entity ref such as component:default/checkout`,
        );
      }
      return ref;
    }
    if (!service) return undefined;
    const ref = normalizeEntityRef(service.value);
    if (!ref) {
      checker.error(
        service.path,
        `"${service.value}" is not a catalog entity name; name the entity with the ${SLO_ANNOTATIONS.entityRef} annotation`,
      );
    }
    return ref;
  }

  // ---- OpenSLO SLO ------------------------------------------------------

  private readSlo(doc: SloYamlDocument) {
    this.checked.add(doc);
    const checker = this.checker(doc, doc.name);
    const root = this.objectRoot(checker, doc);
    if (!root) return;
    const metadata = this.readMetadata(root, { nameRequired: true });
    const { name } = metadata;
    if (name !== undefined && !SLO_NAME.test(name)) {
      checker.error(
        ['metadata', 'name'],
        `"${name}" is not a valid SLO name: letters, digits, "-", "_" and ".", at most 63 characters, starting and ending with a letter or digit`,
      );
    }
    const spec = root.fields('spec', {
      what: 'an OpenSLO SLO spec',
      known: [
        'description',
        'service',
        'indicator',
        'indicatorRef',
        'timeWindow',
        'budgetingMethod',
        'objectives',
        'alertPolicies',
      ],
      required: ['budgetingMethod', 'objectives'],
    });
    if (!spec || !name) return;

    const description = this.readDescription(spec);
    const service = spec.string('service');
    const annotationRef = this.metadataValue(
      metadata,
      SLO_ANNOTATIONS.entityRef,
    );
    const serviceDoc = service
      ? this.named.get('Service')?.get(service)
      : undefined;
    const serviceRef = serviceDoc
      ? this.serviceEntityRef(serviceDoc)
      : undefined;
    let entityRef: string | undefined;
    if (annotationRef || serviceRef) {
      entityRef = this.entityRefFrom(
        checker,
        annotationRef ?? serviceRef,
        undefined,
      );
    } else if (service) {
      entityRef = this.entityRefFrom(checker, undefined, {
        value: service,
        path: spec.at('service'),
      });
    } else {
      checker.error(
        spec.at('service'),
        `is required: the service (catalog component) the SLO belongs to, or the ${SLO_ANNOTATIONS.entityRef} annotation`,
      );
    }
    const environmentsValue = this.metadataValue(
      metadata,
      SLO_ANNOTATIONS.environments,
    );
    const environments = this.readEnvironments(
      checker,
      environmentsValue?.value,
      environmentsValue?.path ?? [],
    );

    const sloIndicator = this.readIndicator(spec, {
      optional: this.objectivesHaveIndicators(spec),
    });
    const window = this.readTimeWindow(spec);
    const budgetingMethod = readEnum(
      spec,
      'budgetingMethod',
      BUDGETING_METHODS,
    );
    const alerting = this.readAlertPolicies(spec);
    const objectives = spec.list('objectives') ?? [];
    if (spec.has('objectives') && objectives.length === 0) {
      checker.error(spec.at('objectives'), 'must list at least one objective');
    }
    if (
      objectives.filter(
        o =>
          isPlainObject(o.value) && (o.value.indicator || o.value.indicatorRef),
      ).length > 1
    ) {
      checker.warn(
        spec.at('objectives'),
        'a composite SLO is evaluated objective by objective; the composite error budget is not computed',
      );
    }
    const sloErrors = checker.errors;
    if (sloErrors > 0 || !entityRef || !window || !budgetingMethod) return;

    objectives.forEach((item, i) => {
      const objectiveChecker = checker.forSlo(name);
      const objective = this.readObjective(
        objectiveChecker,
        item.value,
        item.path,
        budgetingMethod,
      );
      if (!objective || objectiveChecker.errors > 0) return;
      const indicatorSpec = objective.indicator ?? sloIndicator;
      if (!indicatorSpec) return;
      let indicator: SloIndicator;
      if (indicatorSpec.spec.kind === 'threshold') {
        if (!objective.op || objective.value === undefined) {
          objectiveChecker.error(
            item.path,
            'a threshold SLI needs "op" (lt, lte, gt, gte) and "value" in its objective',
          );
          return;
        }
        indicator = {
          kind: 'threshold',
          query: indicatorSpec.spec.query,
          op: objective.op,
          threshold: objective.value,
        };
      } else {
        if (objective.op || objective.value !== undefined) {
          objectiveChecker.warn(
            item.path,
            'op and value apply to a thresholdMetric; this ratio SLI ignores them',
          );
        }
        indicator = indicatorSpec.spec;
      }
      const displayName =
        objectives.length > 1 && objective.displayName
          ? [metadata.displayName, objective.displayName]
              .filter(Boolean)
              .join(': ')
          : metadata.displayName;
      const suffix =
        objectives.length === 1
          ? undefined
          : objective.name ?? (slug(objective.displayName ?? '') || `${i + 1}`);
      const definition: SloDefinition = {
        id: suffix ? `${name}-${suffix}` : name,
        name,
        ...(displayName ? { displayName } : {}),
        ...(description ? { description } : {}),
        entityRef,
        ...(service ? { service } : {}),
        format: 'openslo/v1',
        objective: objective.target,
        ...(objective.displayName || objective.name
          ? { objectiveName: objective.displayName ?? objective.name }
          : {}),
        window,
        budgetingMethod,
        ...(objective.timeSlices ? { timeSlices: objective.timeSlices } : {}),
        indicator,
        ...(indicatorSpec.name ? { indicatorName: indicatorSpec.name } : {}),
        alerting: {
          ...alerting,
          labels: {},
          annotations: {},
          page: { disabled: false, labels: {}, annotations: {} },
          ticket: { disabled: false, labels: {}, annotations: {} },
        },
        environments,
        labels: metadata.labels,
        annotations: metadata.annotations,
        source: checker.location(objectives.length === 1 ? [] : item.path),
      };
      this.accept(
        definition,
        objectiveChecker,
        objectives.length === 1 ? ['metadata', 'name'] : item.path,
      );
    });
  }

  private objectivesHaveIndicators(spec: Fields): boolean {
    const objectives = spec.get('objectives');
    return (
      Array.isArray(objectives) &&
      objectives.length > 0 &&
      objectives.every(
        o =>
          isPlainObject(o) &&
          (o.indicator !== undefined || o.indicatorRef !== undefined),
      )
    );
  }

  /** An annotation of ours, from `metadata.annotations` or else `metadata.labels`. */
  private metadataValue(
    metadata: Metadata,
    key: string,
  ): { value: string; path: Path } | undefined {
    if (metadata.annotations[key] !== undefined) {
      return {
        value: metadata.annotations[key],
        path: ['metadata', 'annotations', key],
      };
    }
    if (metadata.labels[key] !== undefined) {
      return { value: metadata.labels[key], path: ['metadata', 'labels', key] };
    }
    return undefined;
  }

  /** The entity-ref annotation of a Service document, validated with it. */
  private serviceEntityRef(
    doc: SloYamlDocument,
  ): { value: string; path: Path } | undefined {
    if (!this.checked.has(doc)) this.checkService(doc);
    this.checked.add(doc);
    const metadata = isPlainObject(doc.data.metadata) ? doc.data.metadata : {};
    const annotations = isPlainObject(metadata.annotations)
      ? metadata.annotations
      : {};
    const value = annotations[SLO_ANNOTATIONS.entityRef];
    return typeof value === 'string' && normalizeEntityRef(value)
      ? { value, path: [] }
      : undefined;
  }

  /** `indicator` (inline) or `indicatorRef` of an SLO spec or an objective. */
  private readIndicator(
    fields: Fields,
    options: { optional: boolean },
  ): ResolvedSli | undefined {
    const { checker } = fields;
    const inline = fields.has('indicator');
    const ref = fields.has('indicatorRef');
    if (inline && ref) {
      checker.error(
        fields.at('indicatorRef'),
        'give the SLI once: inline as "indicator" or by name as "indicatorRef"',
      );
      return undefined;
    }
    if (ref) {
      const name = fields.string('indicatorRef');
      if (!name) return undefined;
      const sli = this.sli(name);
      if (sli === undefined) {
        this.lookup(checker, fields.at('indicatorRef'), 'SLI', name, 'error');
        return undefined;
      }
      if (sli === null) {
        const doc = this.named.get('SLI')?.get(name);
        checker.error(
          fields.at('indicatorRef'),
          `the SLI "${name}"${doc ? ` (${this.where(doc)})` : ''} has errors`,
        );
        return undefined;
      }
      return sli;
    }
    if (inline) {
      const indicator = fields.fields('indicator', {
        what: 'an inline SLI',
        known: ['metadata', 'spec', 'apiVersion', 'kind'],
        required: ['spec'],
      });
      if (!indicator) return undefined;
      const { name } = this.readMetadata(indicator, { nameRequired: false });
      const spec = this.readSliSpec(
        checker,
        indicator.get('spec'),
        indicator.at('spec'),
      );
      return spec ? { ...(name ? { name } : {}), spec } : undefined;
    }
    if (!options.optional) {
      checker.error(
        fields.at('indicator'),
        'is required: the SLI inline as "indicator", or its name as "indicatorRef"',
      );
    }
    return undefined;
  }

  private readObjective(
    checker: Checker,
    value: unknown,
    path: Path,
    method: BudgetingMethod,
  ):
    | {
        name?: string;
        displayName?: string;
        target: number;
        op?: ThresholdOp;
        value?: number;
        timeSlices?: SloTimeSlices;
        indicator?: ResolvedSli;
      }
    | undefined {
    const objective = Fields.of(checker, value, path, {
      what: 'an objective',
      known: [
        'displayName',
        'name',
        'op',
        'value',
        'target',
        'targetPercent',
        'timeSliceTarget',
        'timeSliceWindow',
        'indicator',
        'indicatorRef',
        'compositeWeight',
      ],
    });
    if (!objective) return undefined;
    const name = objective.string('name');
    if (name !== undefined && !SLO_NAME.test(name)) {
      checker.error(
        objective.at('name'),
        `"${name}" is not a valid objective name: letters, digits, "-", "_" and "."`,
      );
    }
    const displayName = objective.string('displayName');
    const op = readEnum(objective, 'op', THRESHOLD_OPS);
    const thresholdValue = objective.number('value');
    objective.number('compositeWeight');

    const target = this.readTarget(objective);
    let timeSlices: SloTimeSlices | undefined;
    const sliceWindow = fixedDuration(
      objective,
      'timeSliceWindow',
      'a time slice',
    );
    const sliceTarget = objective.number('timeSliceTarget');
    if (sliceTarget !== undefined && (sliceTarget <= 0 || sliceTarget > 1)) {
      checker.error(
        objective.at('timeSliceTarget'),
        `must be more than 0 and at most 1 (the fraction of a slice that must be good), not ${sliceTarget}`,
      );
    }
    if (method === 'Occurrences') {
      for (const key of ['timeSliceWindow', 'timeSliceTarget']) {
        if (objective.has(key)) {
          checker.warn(
            objective.at(key),
            'applies to the Timeslices and RatioTimeslices budgeting methods; Occurrences ignores it',
          );
        }
      }
    } else {
      if (!objective.has('timeSliceWindow')) {
        checker.error(
          objective.at('timeSliceWindow'),
          `is required with ${method}: the length of a time slice, such as 1m or 5m`,
        );
      }
      if (method === 'Timeslices' && !objective.has('timeSliceTarget')) {
        checker.error(
          objective.at('timeSliceTarget'),
          'is required with Timeslices: the fraction of a slice that must be good for the slice to count as good, such as 0.95',
        );
      }
      if (method === 'RatioTimeslices' && objective.has('timeSliceTarget')) {
        checker.warn(
          objective.at('timeSliceTarget'),
          'applies to Timeslices; RatioTimeslices averages the ratio of every slice and ignores it',
        );
      }
      if (sliceWindow) {
        timeSlices = {
          window: sliceWindow,
          ...(method === 'Timeslices' && sliceTarget !== undefined
            ? { target: sliceTarget }
            : {}),
        };
      }
    }
    const indicator =
      objective.has('indicator') || objective.has('indicatorRef')
        ? this.readIndicator(objective, { optional: false })
        : undefined;
    if (target === undefined) return undefined;
    return {
      ...(name ? { name } : {}),
      ...(displayName ? { displayName } : {}),
      target,
      ...(op ? { op } : {}),
      ...(thresholdValue !== undefined ? { value: thresholdValue } : {}),
      ...(timeSlices ? { timeSlices } : {}),
      ...(indicator ? { indicator } : {}),
    };
  }

  private readTarget(objective: Fields): number | undefined {
    const { checker } = objective;
    const target = objective.number('target');
    const percent = objective.number('targetPercent');
    if (target !== undefined && percent !== undefined) {
      checker.error(
        objective.at('targetPercent'),
        'give the target once, as "target" (0.999) or as "targetPercent" (99.9)',
      );
      return undefined;
    }
    if (target === undefined && percent === undefined) {
      if (!objective.has('target') && !objective.has('targetPercent')) {
        checker.error(
          objective.at('target'),
          'is required: the fraction that must be good, such as 0.999 (or targetPercent: 99.9)',
        );
      }
      return undefined;
    }
    if (target !== undefined) {
      if (target > 1 && target < 100) {
        checker.error(
          objective.at('target'),
          `must be a fraction below 1; did you mean targetPercent: ${target} (or target: ${Number(
            (target / 100).toPrecision(12),
          )})?`,
        );
        return undefined;
      }
      if (!(target > 0 && target < 1)) {
        checker.error(
          objective.at('target'),
          `must be more than 0 and less than 1 (1 would leave no error budget), not ${target}`,
        );
        return undefined;
      }
      return target;
    }
    if (!(percent! > 0 && percent! < 100)) {
      checker.error(
        objective.at('targetPercent'),
        `must be more than 0 and less than 100 (100 would leave no error budget), not ${percent}`,
      );
      return undefined;
    }
    return Number((percent! / 100).toPrecision(12));
  }

  private accept(definition: SloDefinition, checker: Checker, path: Path) {
    const first = this.ids.get(definition.id);
    if (first) {
      checker.error(
        path,
        `an SLO with the id "${definition.id}" is already defined at ${first.file}:${first.line}; this one is skipped`,
      );
      return;
    }
    this.ids.set(definition.id, definition.source);
    this.definitions.push(definition);
  }

  // ---- Sloth ------------------------------------------------------------

  private readSloth(doc: SloYamlDocument) {
    this.checked.add(doc);
    const checker = this.checker(doc);
    const crd = doc.data.version === undefined;
    let base: Path = [];
    let value: unknown = doc.data;
    if (crd) {
      const root = Fields.of(checker, doc.data, [], {
        what: 'a Sloth PrometheusServiceLevel',
        known: OBJECT_KEYS,
        required: ['spec'],
      });
      if (!root) return;
      base = ['spec'];
      value = root.get('spec');
    }
    const spec = Fields.of(checker, value, base, {
      what: 'a Sloth spec',
      known: crd
        ? ['service', 'labels', 'slos']
        : ['version', 'service', 'labels', 'slos'],
      required: ['service', 'slos'],
    });
    if (!spec) return;
    const service = spec.string('service');
    const labels = this.readPrometheusLabels(spec, 'labels');
    const slos = spec.list('slos') ?? [];
    if (spec.has('slos') && slos.length === 0) {
      checker.error(spec.at('slos'), 'must list at least one SLO');
    }
    if (checker.errors > 0 || !service) return;

    for (const item of slos) {
      const sloName =
        isPlainObject(item.value) && typeof item.value.name === 'string'
          ? item.value.name
          : undefined;
      const sloChecker = checker.forSlo(sloName);
      const definition = this.readSlothSlo(sloChecker, item.value, item.path, {
        service,
        labels,
        servicePath: spec.at('service'),
        labelsPath: spec.at('labels'),
      });
      if (definition && sloChecker.errors === 0) {
        this.accept(definition, sloChecker, [...item.path, 'name']);
      }
    }
  }

  private readPrometheusLabels(
    fields: Fields,
    key: string,
  ): Record<string, string> {
    const labels = fields.stringMap(key) ?? {};
    for (const name of Object.keys(labels)) {
      if (!PROMETHEUS_LABEL.test(name)) {
        fields.checker.error(
          [...fields.at(key), name],
          `"${name}" is not a Prometheus label name (letters, digits and "_", not starting with a digit)`,
          { onKey: true },
        );
      }
    }
    return labels;
  }

  private readSlothSlo(
    checker: Checker,
    value: unknown,
    path: Path,
    context: {
      service: string;
      labels: Record<string, string>;
      servicePath: Path;
      labelsPath: Path;
    },
  ): SloDefinition | undefined {
    const slo = Fields.of(checker, value, path, {
      what: 'a Sloth SLO',
      known: ['name', 'objective', 'description', 'labels', 'sli', 'alerting'],
      required: ['name', 'objective', 'sli'],
    });
    if (!slo) return undefined;
    const name = slo.string('name');
    if (name !== undefined && !SLO_NAME.test(name)) {
      checker.error(
        slo.at('name'),
        `"${name}" is not a valid SLO name: letters, digits, "-", "_" and ".", starting and ending with a letter or digit`,
      );
    }
    const description = slo.string('description');
    const objective = slo.number('objective');
    if (objective !== undefined) {
      if (!(objective > 0 && objective < 100)) {
        checker.error(
          slo.at('objective'),
          `must be a percentage more than 0 and less than 100 (100 would leave no error budget), not ${objective}`,
        );
      } else if (objective < 1) {
        checker.warn(
          slo.at('objective'),
          `Sloth objectives are percentages: ${objective} means ${objective} %; did you mean ${Number(
            (objective * 100).toPrecision(12),
          )}?`,
        );
      }
    }
    const sloLabels = this.readPrometheusLabels(slo, 'labels');
    const labels = { ...context.labels, ...sloLabels };
    const labelPath = (key: string): Path => [
      ...(key in sloLabels ? slo.at('labels') : context.labelsPath),
      key,
    ];
    const indicator = this.readSlothSli(slo);
    const alerting = this.readSlothAlerting(slo);

    const refLabel = labels[SLOTH_LABELS.entityRef];
    const entityRef = this.entityRefFrom(
      checker,
      refLabel !== undefined
        ? { value: refLabel, path: labelPath(SLOTH_LABELS.entityRef) }
        : undefined,
      { value: context.service, path: context.servicePath },
    );
    const environmentsLabel = labels[SLOTH_LABELS.environments];
    const environments = this.readEnvironments(
      checker,
      environmentsLabel,
      labelPath(SLOTH_LABELS.environments),
    );
    if (
      checker.errors > 0 ||
      !name ||
      objective === undefined ||
      !indicator ||
      !alerting ||
      !entityRef
    ) {
      return undefined;
    }
    return {
      id: `${context.service}-${name}`,
      name,
      ...(description ? { description } : {}),
      entityRef,
      service: context.service,
      format: 'sloth/prometheus/v1',
      objective: Number((objective / 100).toPrecision(12)),
      window: { kind: 'rolling', duration: SLOTH_DEFAULT_WINDOW },
      budgetingMethod: 'Occurrences',
      indicator,
      alerting,
      environments,
      labels,
      annotations: {},
      source: checker.location(path),
    };
  }

  private readSlothSli(slo: Fields): RatioIndicator | undefined {
    const sli = slo.fields('sli', {
      what: 'a Sloth SLI',
      known: ['events', 'raw', 'plugin'],
    });
    if (!sli) return undefined;
    const { checker } = sli;
    const kinds = ['events', 'raw', 'plugin'].filter(k => sli.has(k));
    if (kinds.length !== 1) {
      checker.error(
        sli.path,
        kinds.length === 0
          ? 'needs "events" (error_query and total_query) or "raw" (error_ratio_query)'
          : `has ${kinds.join(
              ' and ',
            )}; a Sloth SLI is exactly one of events, raw and plugin`,
      );
      return undefined;
    }
    if (kinds[0] === 'plugin') {
      checker.error(
        sli.at('plugin'),
        'Sloth SLI plugins cannot be evaluated here; write the SLI as "events" or "raw" PromQL',
      );
      return undefined;
    }
    const errorsBefore = checker.errors;
    if (kinds[0] === 'raw') {
      const raw = sli.fields('raw', {
        what: 'a Sloth raw SLI',
        known: ['error_ratio_query'],
        required: ['error_ratio_query'],
      });
      const query = raw?.string('error_ratio_query');
      if (!raw || !query) return undefined;
      checkQuery(checker, raw.at('error_ratio_query'), query);
      return checker.errors > errorsBefore
        ? undefined
        : { kind: 'ratio', form: 'raw', rawType: 'failure', raw: query };
    }
    const events = sli.fields('events', {
      what: 'a Sloth events SLI',
      known: ['error_query', 'total_query'],
      required: ['error_query', 'total_query'],
    });
    const bad = events?.string('error_query');
    const total = events?.string('total_query');
    if (!events || !bad || !total) return undefined;
    checkQuery(checker, events.at('error_query'), bad);
    checkQuery(checker, events.at('total_query'), total);
    return checker.errors > errorsBefore
      ? undefined
      : { kind: 'ratio', form: 'bad-total', bad, total };
  }

  private readSlothAlerting(slo: Fields): SloAlerting | undefined {
    const alerting = slo.fields('alerting', {
      what: 'Sloth alerting',
      known: ['name', 'labels', 'annotations', 'page_alert', 'ticket_alert'],
    });
    if (slo.has('alerting') && !alerting) return undefined;
    const name = alerting?.string('name');
    if (name !== undefined && !ALERT_NAME.test(name)) {
      slo.checker.error(
        alerting!.at('name'),
        `"${name}" is not a Prometheus alert name (letters, digits, "_" and ":", such as CheckoutHighErrorRate)`,
      );
    }
    const severity = (key: string): SloAlertSeverity => {
      const fields = alerting?.fields(key, {
        what: `a Sloth ${key}`,
        known: ['disable', 'labels', 'annotations'],
      });
      return {
        disabled: fields?.boolean('disable') ?? false,
        labels: fields ? this.readPrometheusLabels(fields, 'labels') : {},
        annotations: fields?.stringMap('annotations') ?? {},
      };
    };
    return {
      ...(name ? { name } : {}),
      windows: [...DEFAULT_BURN_RATE_WINDOWS],
      policies: [],
      labels: alerting ? this.readPrometheusLabels(alerting, 'labels') : {},
      annotations: alerting?.stringMap('annotations') ?? {},
      page: severity('page_alert'),
      ticket: severity('ticket_alert'),
    };
  }
}

/** Reports a query that is not PromQL, or that has placeholders nothing fills in. */
function checkQuery(checker: Checker, path: Path, query: string) {
  try {
    checkBrackets(query);
  } catch (error) {
    if (!(error instanceof PromQLSyntaxError)) throw error;
    checker.error(path, `is not valid PromQL: ${error.message}`);
    return;
  }
  const unknown = unknownPlaceholders(query);
  if (unknown.length > 0) {
    checker.error(
      path,
      `${unknown.join(
        ', ',
      )} is not a placeholder that is filled in; use {{.window}} (the range of a rate) or {{environment}}`,
    );
  }
}

/**
 * Resolves the documents of one or more files together: SLIs, AlertPolicies
 * and AlertConditions referenced by name may live in any of them. Returns
 * the valid SLOs and every problem; one invalid SLO (or objective) is
 * skipped and never hides the others.
 */
export function resolveSloDocuments(
  sets: ReadonlyArray<SloDocuments>,
): SloParseResult {
  return new SloResolver(sets).resolve();
}

/**
 * Parses SLO files: one text (`{ file }` names it in problems) or several,
 * resolved together. Multi-document YAML; OpenSLO v1 (`SLO`, `SLI`,
 * `AlertPolicy`, `AlertCondition`, `AlertNotificationTarget`, `Service`,
 * `DataSource`) and Sloth `prometheus/v1` specs.
 */
export function parseSloDocuments(
  input: string | ReadonlyArray<SloSourceText>,
  options: { file?: string } = {},
): SloParseResult {
  const sources =
    typeof input === 'string'
      ? [{ text: input, file: options.file ?? 'slos.yaml' }]
      : input;
  return resolveSloDocuments(
    sources.map(source => readSloDocuments(source.text, { file: source.file })),
  );
}
