/**
 * Column catalogue of the FinOps Open Cost and Usage Specification (FOCUS),
 * versions 1.0, 1.1 and 1.2, and detection of the version of an export from
 * its header.
 */

/** FOCUS versions this package reads. */
export const FOCUS_VERSIONS = ['1.0', '1.1', '1.2'] as const;

/** One of {@link FOCUS_VERSIONS}. */
export type FocusVersion = (typeof FOCUS_VERSIONS)[number];

/** How the values of a FOCUS column are written. */
export type FocusColumnType = 'string' | 'decimal' | 'datetime' | 'json';

/** A column of the FOCUS specification. */
export interface FocusColumn {
  /** Column id as it appears in the header, e.g. `BilledCost`. */
  name: string;
  type: FocusColumnType;
  /** Versions that define the column. */
  versions: readonly FocusVersion[];
  /** Versions in which the column is mandatory (a subset of `versions`). */
  mandatory: readonly FocusVersion[];
  /**
   * Columns this one takes the place of. `ServiceProviderName` is the
   * successor of `ProviderName` and `PublisherName` (introduced by FOCUS 1.3,
   * already written by some 1.2 exports); a header that has it satisfies the
   * columns it replaces.
   */
  replaces?: readonly string[];
}

const ALL: readonly FocusVersion[] = FOCUS_VERSIONS;
const FROM_1_1: readonly FocusVersion[] = ['1.1', '1.2'];
const FROM_1_2: readonly FocusVersion[] = ['1.2'];

type ColumnRow = readonly [
  name: string,
  type: FocusColumnType,
  versions: readonly FocusVersion[],
  mandatory: boolean,
];

// prettier-ignore
const COLUMN_ROWS: readonly ColumnRow[] = [
  ['AvailabilityZone',                   'string',   ALL,      false],
  ['BilledCost',                         'decimal',  ALL,      true],
  ['BillingAccountId',                   'string',   ALL,      true],
  ['BillingAccountName',                 'string',   ALL,      true],
  ['BillingAccountType',                 'string',   FROM_1_2, false],
  ['BillingCurrency',                    'string',   ALL,      true],
  ['BillingPeriodEnd',                   'datetime', ALL,      true],
  ['BillingPeriodStart',                 'datetime', ALL,      true],
  ['CapacityReservationId',              'string',   FROM_1_1, false],
  ['CapacityReservationStatus',          'string',   FROM_1_1, false],
  ['ChargeCategory',                     'string',   ALL,      true],
  ['ChargeClass',                        'string',   ALL,      true],
  ['ChargeDescription',                  'string',   ALL,      true],
  ['ChargeFrequency',                    'string',   ALL,      false],
  ['ChargePeriodEnd',                    'datetime', ALL,      true],
  ['ChargePeriodStart',                  'datetime', ALL,      true],
  ['CommitmentDiscountCategory',         'string',   ALL,      false],
  ['CommitmentDiscountId',               'string',   ALL,      false],
  ['CommitmentDiscountName',             'string',   ALL,      false],
  ['CommitmentDiscountQuantity',         'decimal',  FROM_1_1, false],
  ['CommitmentDiscountStatus',           'string',   ALL,      false],
  ['CommitmentDiscountType',             'string',   ALL,      false],
  ['CommitmentDiscountUnit',             'string',   FROM_1_1, false],
  ['ConsumedQuantity',                   'decimal',  ALL,      false],
  ['ConsumedUnit',                       'string',   ALL,      false],
  ['ContractedCost',                     'decimal',  ALL,      true],
  ['ContractedUnitPrice',                'decimal',  ALL,      false],
  ['EffectiveCost',                      'decimal',  ALL,      true],
  ['InvoiceId',                          'string',   FROM_1_2, false],
  ['InvoiceIssuerName',                  'string',   ALL,      true],
  ['ListCost',                           'decimal',  ALL,      true],
  ['ListUnitPrice',                      'decimal',  ALL,      false],
  ['PricingCategory',                    'string',   ALL,      false],
  ['PricingCurrency',                    'string',   FROM_1_2, false],
  ['PricingCurrencyContractedUnitPrice', 'decimal',  FROM_1_2, false],
  ['PricingCurrencyEffectiveCost',       'decimal',  FROM_1_2, false],
  ['PricingCurrencyListUnitPrice',       'decimal',  FROM_1_2, false],
  ['PricingQuantity',                    'decimal',  ALL,      true],
  ['PricingUnit',                        'string',   ALL,      true],
  ['ProviderName',                       'string',   ALL,      true],
  ['PublisherName',                      'string',   ALL,      true],
  ['RegionId',                           'string',   ALL,      false],
  ['RegionName',                         'string',   ALL,      false],
  ['ResourceId',                         'string',   ALL,      false],
  ['ResourceName',                       'string',   ALL,      false],
  ['ResourceType',                       'string',   ALL,      false],
  ['ServiceCategory',                    'string',   ALL,      true],
  ['ServiceName',                        'string',   ALL,      true],
  ['ServiceSubcategory',                 'string',   FROM_1_1, false],
  ['SkuId',                              'string',   ALL,      false],
  ['SkuMeter',                           'string',   FROM_1_1, false],
  ['SkuPriceDetails',                    'json',     FROM_1_1, false],
  ['SkuPriceId',                         'string',   ALL,      false],
  ['SubAccountId',                       'string',   ALL,      false],
  ['SubAccountName',                     'string',   ALL,      false],
  ['SubAccountType',                     'string',   FROM_1_2, false],
  ['Tags',                               'json',     ALL,      false],
];

/**
 * Successor columns of FOCUS 1.3 that exports labelled 1.2 already write.
 * They are accepted in any version and count as 1.2 evidence.
 */
const SUCCESSOR_COLUMNS: readonly FocusColumn[] = [
  {
    name: 'ServiceProviderName',
    type: 'string',
    versions: FROM_1_2,
    mandatory: [],
    replaces: ['ProviderName', 'PublisherName'],
  },
  {
    name: 'HostProviderName',
    type: 'string',
    versions: FROM_1_2,
    mandatory: [],
  },
];

/** Every FOCUS column this package knows, by column id. */
export const FOCUS_COLUMNS: Readonly<Record<string, FocusColumn>> =
  Object.freeze(
    Object.fromEntries(
      [
        ...COLUMN_ROWS.map(
          ([name, type, versions, mandatory]): FocusColumn => ({
            name,
            type,
            versions,
            mandatory: mandatory ? versions : [],
          }),
        ),
        ...SUCCESSOR_COLUMNS,
      ].map(column => [column.name, Object.freeze(column)]),
    ),
  );

/** Tells whether a column id is a provider's custom column (`x_` prefix). */
export function isCustomColumn(name: string): boolean {
  return name.startsWith('x_');
}

/** The mandatory column ids of a FOCUS version, in alphabetical order. */
export function mandatoryColumns(version: FocusVersion): string[] {
  return Object.values(FOCUS_COLUMNS)
    .filter(column => column.mandatory.includes(version))
    .map(column => column.name)
    .sort();
}

/** Result of {@link detectFocusVersion}. */
export interface FocusVersionDetection {
  version: FocusVersion;
  /**
   * Mandatory columns of `version` that the header lacks; empty when the
   * header fits a version.
   */
  missing: string[];
}

function missingColumns(
  present: ReadonlySet<string>,
  version: FocusVersion,
): string[] {
  return mandatoryColumns(version).filter(name => !present.has(name));
}

/**
 * Detects the FOCUS version of an export from its header: the newest version
 * whose mandatory columns are all present and that the header gives evidence
 * of (a column that version introduced). Column ids are matched exactly,
 * surrounding blanks and a byte order mark aside. When no version fits (some
 * clouds leave mandatory columns out), the result is the newest version the
 * header gives evidence of, with its mandatory columns that are missing.
 */
export function detectFocusVersion(header: string[]): FocusVersionDetection {
  const present = new Set<string>();
  for (const raw of header) {
    const name = raw.replace(/^\uFEFF/, '').trim();
    present.add(name);
    for (const replaced of FOCUS_COLUMNS[name]?.replaces ?? []) {
      present.add(replaced);
    }
  }

  // The newest version that introduced a column of the header.
  let evidence = 0;
  for (const name of present) {
    const column = FOCUS_COLUMNS[name];
    if (column) {
      evidence = Math.max(evidence, FOCUS_VERSIONS.indexOf(column.versions[0]));
    }
  }

  for (let index = evidence; index >= 0; index--) {
    const version = FOCUS_VERSIONS[index];
    if (missingColumns(present, version).length === 0) {
      return { version, missing: [] };
    }
  }
  const newest = FOCUS_VERSIONS[evidence];
  return { version: newest, missing: missingColumns(present, newest) };
}
