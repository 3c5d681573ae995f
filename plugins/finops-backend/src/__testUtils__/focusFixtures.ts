import { mandatoryColumns } from '@multicloud/plugin-finops-common';

/** FOCUS export fixtures for the tests of this package. */

/** The AWS account of the sample fleet's us-east-1 environment. */
export const AWS_ACCOUNT = '412345678901';
/** The Azure subscription of the sample fleet's admin environment. */
export const AZURE_ADMIN = '3f2a9c1e-7b4d-4e8a-9c21-5d6e7f8a9b01';

export const COLUMNS = [
  ...mandatoryColumns('1.0'),
  'RegionId',
  'SubAccountId',
  'Tags',
];

/** A FOCUS 1.0 row of an AWS compute charge, with `values` on top. */
export function focusRow(
  values: Record<string, string>,
): Record<string, string> {
  return {
    BilledCost: '0',
    EffectiveCost: '0',
    ListCost: '0',
    ContractedCost: '0',
    BillingAccountId: '111122223333',
    BillingAccountName: 'Ledger',
    BillingCurrency: 'USD',
    BillingPeriodStart: '2026-03-01T00:00:00Z',
    BillingPeriodEnd: '2026-04-01T00:00:00Z',
    ChargeCategory: 'Usage',
    ChargeClass: '',
    ChargeDescription: '',
    ChargePeriodStart: '2026-03-01T00:00:00Z',
    ChargePeriodEnd: '2026-03-01T01:00:00Z',
    InvoiceIssuerName: 'Amazon Web Services, Inc.',
    PricingQuantity: '1',
    PricingUnit: 'Hours',
    ProviderName: 'AWS',
    PublisherName: 'Amazon Web Services, Inc.',
    ServiceCategory: 'Compute',
    ServiceName: 'Amazon Elastic Compute Cloud',
    RegionId: 'us-east-1',
    SubAccountId: AWS_ACCOUNT,
    Tags: '',
    ...values,
  };
}

/** One CSV cell, quoted when it must be. */
export function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A FOCUS export with the fixture columns. */
export function toCsv(rows: Array<Record<string, string>>): string {
  return `${[
    COLUMNS.join(','),
    ...rows.map(row => COLUMNS.map(c => quote(row[c] ?? '')).join(',')),
  ].join('\n')}\n`;
}
