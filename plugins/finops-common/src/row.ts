import type { FocusVersion } from './focus';

/** One charge of a FOCUS export, reduced to what the FinOps plugins use. */
export interface CostRow {
  /** `YYYY-MM-DD` of ChargePeriodStart, in UTC. */
  date: string;
  billedCost: number;
  effectiveCost: number;
  /** ISO 4217 code of BillingCurrency. */
  currency: string;
  /** Our provider id: azure, aws, gcp, ibm, oracle, or the lower-cased provider name. */
  provider: string;
  billingAccountId?: string;
  subAccountId?: string;
  /** RegionId, or RegionName when the export has no RegionId. */
  region?: string;
  serviceCategory?: string;
  serviceName?: string;
  /** Usage, Purchase, Tax, Credit or Adjustment. */
  chargeCategory: string;
  /** `Correction`, or absent. */
  chargeClass?: string;
  resourceId?: string;
  tags: Record<string, string>;
}

/** A value of a FOCUS export that made its row unusable; the row is skipped. */
export interface CostProblem {
  file: string;
  /** 1-based line of the row in the file. */
  line: number;
  /** FOCUS column id, e.g. `BilledCost`. */
  column: string;
  message: string;
}

/** Where a row comes from and which FOCUS version its file is. */
export interface FocusRowContext {
  file: string;
  line: number;
  version: FocusVersion;
}

/** Result of {@link normalizeFocusRow}: a row, or the problems that skip it. */
export interface NormalizedFocusRow {
  row?: CostRow;
  problems: CostProblem[];
}

/** The values ChargeCategory may take. */
export const CHARGE_CATEGORIES = [
  'Usage',
  'Purchase',
  'Tax',
  'Credit',
  'Adjustment',
] as const;

/** The values ChargeClass may take besides an empty value. */
export const CHARGE_CLASSES = ['Correction'] as const;

// Provider, publisher and invoice issuer names as the exports write them,
// lower case with single spaces.
const PROVIDER_IDS: Readonly<Record<string, string>> = {
  aws: 'aws',
  amazon: 'aws',
  'amazon web services': 'aws',
  'amazon web services, inc.': 'aws',
  'aws marketplace': 'aws',
  azure: 'azure',
  microsoft: 'azure',
  'microsoft azure': 'azure',
  'microsoft corporation': 'azure',
  gcp: 'gcp',
  google: 'gcp',
  'google cloud': 'gcp',
  'google cloud platform': 'gcp',
  ibm: 'ibm',
  'ibm cloud': 'ibm',
  oracle: 'oracle',
  oci: 'oracle',
  'oracle cloud': 'oracle',
  'oracle cloud infrastructure': 'oracle',
};

let lastProvider = { name: '', id: '' };

/**
 * Maps a FOCUS ProviderName / ServiceProviderName to our provider id:
 * `azure`, `aws`, `gcp`, `ibm`, `oracle`, or else the name in lower case.
 */
export function providerIdOf(name: string): string {
  // Rows of one provider follow each other: the last answer usually fits.
  if (name === lastProvider.name) {
    return lastProvider.id;
  }
  const key = name.trim().replace(/\s+/g, ' ').toLowerCase();
  const id = PROVIDER_IDS[key] ?? key;
  lastProvider = { name, id };
  return id;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const CURRENCY = /^[A-Z]{3}$/;
const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses a FOCUS decimal; `undefined` when it is not one. */
export function parseDecimal(value: string): number | undefined {
  const text = value.trim();
  if (!DECIMAL.test(text)) {
    return undefined;
  }
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

let lastDate: { value: string; date: string | undefined } = {
  value: '',
  date: undefined,
};

/**
 * Parses a FOCUS date-time (ISO 8601, with or without time and offset; no
 * offset means UTC) and returns its UTC day as `YYYY-MM-DD`, or `undefined`
 * when the value is not a valid date.
 */
export function utcDateOf(value: string): string | undefined {
  // Rows of one day follow each other: the last answer usually fits.
  if (value === lastDate.value) {
    return lastDate.date;
  }
  const date = parseUtcDate(value);
  lastDate = { value, date };
  return date;
}

function parseUtcDate(value: string): string | undefined {
  const match = DATETIME.exec(value.trim());
  if (!match) {
    return undefined;
  }
  const [, y, mo, d, h = '00', mi = '00', s = '00', , offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  if (!offset || offset === 'Z') {
    return `${y}-${mo}-${d}`;
  }
  const digits = offset.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  const offsetHours = Number(digits.slice(1, 3));
  const offsetMins = Number(digits.slice(3, 5));
  if (offsetHours > 23 || offsetMins > 59) {
    return undefined;
  }
  const offsetMinutes = sign * (offsetHours * 60 + offsetMins);
  const time =
    Date.UTC(year, month - 1, day, hour, minute, second) -
    offsetMinutes * 60_000;
  return new Date(time).toISOString().slice(0, 10);
}

function tagText(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The value of the first of `names` that an object has, whatever its case. */
function field(entry: Record<string, unknown>, names: string[]): unknown {
  for (const [key, value] of Object.entries(entry)) {
    if (names.includes(key.toLowerCase())) {
      return value;
    }
  }
  return undefined;
}

/**
 * Tags written as a list of key/value pairs, as Parquet and JSON exports
 * write a repeated key/value column (GCP `x_Labels`, a `Tags` map read as a
 * list): `[{"key":"env","value":"prod"}]`, any case of `key`/`value`.
 */
function tagsFromPairs(list: unknown[]): Record<string, string> | undefined {
  const tags: Record<string, string> = {};
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      return undefined;
    }
    const key = field(entry as Record<string, unknown>, ['key', 'name']);
    if (typeof key !== 'string') {
      return undefined;
    }
    tags[key] = tagText(field(entry as Record<string, unknown>, ['value']));
  }
  return tags;
}

/**
 * Parses the Tags column: a JSON object whose values are turned into strings
 * (`null` becomes an empty string, as for key-only tags), or a JSON list of
 * key/value pairs. Two quirks of real exports are read too: the object
 * written without its braces (`"env": "prod", "team": "ledger"`, as Azure
 * cost exports do) and an empty object or list. An empty value means no
 * tags. Returns `undefined` when the value is none of these.
 */
export function parseTags(value: string): Record<string, string> | undefined {
  const text = value.trim();
  if (text === '') {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.startsWith('"') ? `{${text}}` : text);
  } catch {
    return undefined;
  }
  if (Array.isArray(parsed)) {
    return tagsFromPairs(parsed);
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return undefined;
  }
  // Values are nearly always strings already; the parsed object is ours.
  const tags = parsed as Record<string, unknown>;
  for (const key of Object.keys(tags)) {
    if (typeof tags[key] !== 'string') {
      tags[key] = tagText(tags[key]);
    }
  }
  return tags as Record<string, string>;
}

/**
 * Provider columns that carry the tags of an export without a `Tags` column,
 * in increasing precedence: Google Cloud's FOCUS export writes project
 * labels, resource labels and resource manager tags as lists of key/value
 * pairs.
 */
export const EXTENSION_TAG_COLUMNS = [
  'x_ProjectLabels',
  'x_Labels',
  'x_Tags',
] as const;

/**
 * The tags of {@link EXTENSION_TAG_COLUMNS}. A value that cannot be read is
 * left out: these columns are no part of FOCUS, and a row is never skipped
 * for one of them.
 */
function extensionTags(row: Record<string, string>): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const column of EXTENSION_TAG_COLUMNS) {
    const text = optional(row[column]);
    if (text !== undefined) {
      Object.assign(tags, parseTags(text) ?? {});
    }
  }
  return tags;
}

/**
 * The columns without which no row of an export can be read. A header that
 * lacks another mandatory column (BillingAccountName, InvoiceIssuerName,
 * ...) is still read: several clouds leave some out.
 */
export const REQUIRED_COLUMNS: readonly string[] = [
  'BilledCost',
  'BillingCurrency',
  'ChargeCategory',
  'ChargePeriodStart',
  'EffectiveCost',
  'ProviderName',
];

/**
 * Every column {@link normalizeFocusRow} reads. A reader may leave the
 * others out of the rows it gives it, which saves building them for each of
 * millions of rows.
 */
export const NORMALIZED_COLUMNS: readonly string[] = [
  ...REQUIRED_COLUMNS,
  'ServiceProviderName',
  'ChargeClass',
  'Tags',
  ...EXTENSION_TAG_COLUMNS,
  'BillingAccountId',
  'SubAccountId',
  'RegionId',
  'RegionName',
  'ServiceCategory',
  'ServiceName',
  'ResourceId',
];

function quote(value: string): string {
  return JSON.stringify(value);
}

function optional(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

/**
 * Turns one row of a FOCUS export (column id to raw text) into a
 * {@link CostRow}. Every unusable value is reported with its file, line and
 * column; a row with any problem is skipped (no `row`). Credits and refunds
 * keep their negative costs.
 */
export function normalizeFocusRow(
  row: Record<string, string>,
  ctx: FocusRowContext,
): NormalizedFocusRow {
  const problems: CostProblem[] = [];
  const report = (column: string, message: string) =>
    problems.push({ file: ctx.file, line: ctx.line, column, message });

  const required = (column: string): string | undefined => {
    const value = optional(row[column]);
    if (value === undefined) {
      report(column, 'value is missing');
    }
    return value;
  };

  const decimal = (column: string): number => {
    const text = required(column);
    if (text === undefined) {
      return 0;
    }
    const value = parseDecimal(text);
    if (value === undefined) {
      report(column, `${quote(text)} is not a decimal number`);
      return 0;
    }
    return value;
  };

  const billedCost = decimal('BilledCost');
  const effectiveCost = decimal('EffectiveCost');

  const currency = required('BillingCurrency') ?? '';
  if (currency && !CURRENCY.test(currency)) {
    report('BillingCurrency', `${quote(currency)} is not an ISO 4217 code`);
  }

  const start = required('ChargePeriodStart');
  const date = start === undefined ? undefined : utcDateOf(start);
  if (start !== undefined && date === undefined) {
    report('ChargePeriodStart', `${quote(start)} is not a date`);
  }

  const chargeCategory = required('ChargeCategory') ?? '';
  if (
    chargeCategory &&
    !(CHARGE_CATEGORIES as readonly string[]).includes(chargeCategory)
  ) {
    report(
      'ChargeCategory',
      `${quote(chargeCategory)} is not one of ${CHARGE_CATEGORIES.join(', ')}`,
    );
  }

  const chargeClass = optional(row.ChargeClass);
  if (
    chargeClass !== undefined &&
    !(CHARGE_CLASSES as readonly string[]).includes(chargeClass)
  ) {
    report(
      'ChargeClass',
      `${quote(chargeClass)} is neither empty nor ${CHARGE_CLASSES.join(', ')}`,
    );
  }

  // ServiceProviderName succeeds ProviderName; read whichever the file has.
  const providerColumn =
    'ServiceProviderName' in row &&
    (optional(row.ServiceProviderName) !== undefined ||
      !('ProviderName' in row))
      ? 'ServiceProviderName'
      : 'ProviderName';
  const providerName = required(providerColumn);

  const tags = optional(row.Tags) ? parseTags(row.Tags) : extensionTags(row);
  if (tags === undefined) {
    report(
      'Tags',
      `${quote(
        row.Tags.trim(),
      )} is neither a JSON object nor a list of key/value pairs`,
    );
  }

  if (problems.length > 0 || date === undefined || !providerName || !tags) {
    return { problems };
  }

  const result: CostRow = {
    date,
    billedCost,
    effectiveCost,
    currency,
    provider: providerIdOf(providerName),
    chargeCategory,
    tags,
  };
  const billingAccountId = optional(row.BillingAccountId);
  if (billingAccountId !== undefined) {
    result.billingAccountId = billingAccountId;
  }
  const subAccountId = optional(row.SubAccountId);
  if (subAccountId !== undefined) {
    result.subAccountId = subAccountId;
  }
  const region = optional(row.RegionId) ?? optional(row.RegionName);
  if (region !== undefined) {
    result.region = region;
  }
  const serviceCategory = optional(row.ServiceCategory);
  if (serviceCategory !== undefined) {
    result.serviceCategory = serviceCategory;
  }
  const serviceName = optional(row.ServiceName);
  if (serviceName !== undefined) {
    result.serviceName = serviceName;
  }
  if (chargeClass !== undefined) {
    result.chargeClass = chargeClass;
  }
  const resourceId = optional(row.ResourceId);
  if (resourceId !== undefined) {
    result.resourceId = resourceId;
  }
  return { row: result, problems };
}

/** One line for a problem: `file:line Column: message`. */
export function formatCostProblem(problem: CostProblem): string {
  return `${problem.file}:${problem.line} ${problem.column}: ${problem.message}`;
}
