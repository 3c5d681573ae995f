import { gzipSync } from 'node:zlib';
import { mandatoryColumns } from '@multicloud/plugin-finops-common';
import type { SchemaElement } from 'hyparquet';
import { focusParquet, keyValueList, timestamp } from './focusParquet';

/**
 * FOCUS exports as each cloud writes them: the header set (custom columns
 * included), how dates, numbers, nulls and tags are written. The values are
 * ours, on the accounts of the sample fleet; the shapes are those of real
 * exports that were read to write them (see the README of this package).
 */

/** The FOCUS 1.0 columns in alphabetical order, as most exports write them. */
const FOCUS_1_0 = [
  ...mandatoryColumns('1.0'),
  'AvailabilityZone',
  'CommitmentDiscountCategory',
  'CommitmentDiscountId',
  'CommitmentDiscountName',
  'CommitmentDiscountStatus',
  'CommitmentDiscountType',
  'ConsumedQuantity',
  'ConsumedUnit',
  'ContractedUnitPrice',
  'ChargeFrequency',
  'ListUnitPrice',
  'PricingCategory',
  'RegionId',
  'RegionName',
  'ResourceId',
  'ResourceName',
  'ResourceType',
  'SkuId',
  'SkuPriceId',
  'SubAccountId',
  'SubAccountName',
  'Tags',
].sort();

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim()
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

function csv(
  header: string[],
  rows: Array<Record<string, string>>,
  lineBreak = '\n',
) {
  return [
    header.join(','),
    ...rows.map(row => header.map(c => csvCell(row[c] ?? '')).join(',')),
  ]
    .join(lineBreak)
    .concat(lineBreak);
}

/** A FOCUS export, how it is named and what reading it must give. */
export interface ProviderExport {
  /** Who writes it and how, for test names. */
  title: string;
  name: string;
  content: Buffer;
  version: string;
  rows: number;
  /** Billed cost per environment (`null`: unattributed) once ingested. */
  billed: Array<{ environment: string | null; billed: number }>;
}

// --- The FinOps Foundation's FOCUS 1.0 sample data ----------------------
//
// Real AWS, Azure and Oracle data, anonymised and written out of a
// database: every text quoted, numbers unquoted with eleven decimals, a null
// as an unquoted NULL (a quoted "NULL" is text), times as
// `YYYY-MM-DD HH:MM:SS` in UTC, and an `Id` column that is no FOCUS column,
// placed among the others.

const FOUNDATION_HEADER = (() => {
  const header = FOCUS_1_0.filter(c => c !== 'Id');
  header.splice(header.indexOf('ServiceName'), 0, 'Id');
  return header;
})();

const FOUNDATION_NUMBERS = new Set([
  'BilledCost',
  'ConsumedQuantity',
  'ContractedCost',
  'ContractedUnitPrice',
  'EffectiveCost',
  'Id',
  'ListCost',
  'PricingQuantity',
]);

function foundationCsv(rows: Array<Record<string, string | null>>): string {
  const cell = (column: string, value: string | null | undefined) => {
    if (value === null || value === undefined) {
      return 'NULL';
    }
    return FOUNDATION_NUMBERS.has(column)
      ? value
      : `"${value.replace(/"/g, '""')}"`;
  };
  return `${[
    FOUNDATION_HEADER.map(c => `"${c}"`).join(','),
    ...rows.map(row => FOUNDATION_HEADER.map(c => cell(c, row[c])).join(',')),
  ].join('\n')}\n`;
}

const FOUNDATION_COMMON = {
  AvailabilityZone: null,
  BillingCurrency: 'USD',
  BillingPeriodStart: '2026-03-01 00:00:00',
  BillingPeriodEnd: '2026-04-01 00:00:00',
  ChargeClass: null,
  CommitmentDiscountCategory: null,
  CommitmentDiscountId: null,
  CommitmentDiscountName: null,
  CommitmentDiscountStatus: null,
  CommitmentDiscountType: null,
  PricingCategory: 'Standard',
  ResourceName: null,
  ResourceType: null,
};

export const FOUNDATION_SAMPLE: ProviderExport = {
  title: 'the FinOps Foundation sample (AWS, Azure, Oracle; NULL, quoted text)',
  name: 'focus_sample.csv',
  version: '1.0',
  rows: 4,
  content: Buffer.from(
    foundationCsv([
      {
        ...FOUNDATION_COMMON,
        Id: '10482',
        BilledCost: '4.20000000000',
        EffectiveCost: '3.90000000000',
        ListCost: '4.20000000000',
        ContractedCost: '0.00000000000',
        ContractedUnitPrice: '0.00000000000',
        BillingAccountId: '111122223333',
        BillingAccountName: 'Ledger',
        ChargeCategory: 'Usage',
        ChargeDescription:
          '$0.0420 per On Demand Linux m7i.large Instance Hour',
        ChargeFrequency: 'Usage-Based',
        ChargePeriodStart: '2026-03-04 07:00:00',
        ChargePeriodEnd: '2026-03-04 08:00:00',
        ConsumedQuantity: '100.000000000000000',
        ConsumedUnit: 'Hrs',
        InvoiceIssuerName: 'Amazon Web Services, Inc.',
        ListUnitPrice: '0.042',
        PricingQuantity: '100.00000000000',
        PricingUnit: 'Hours',
        ProviderName: 'AWS',
        PublisherName: 'Amazon Web Services, Inc.',
        RegionId: 'us-east-1',
        RegionName: 'US East (N. Virginia)',
        ResourceId: 'arn:aws:ec2:us-east-1:412345678901:instance/i-0ledger',
        ServiceCategory: 'Compute',
        ServiceName: 'Amazon Elastic Compute Cloud',
        SkuId: 'Q9PZ8FB5WZUKJ2YA',
        SkuPriceId: 'Q9PZ8FB5WZUKJ2YA.JRTCKXETXF.6YS6EN2CT7',
        SubAccountId: '412345678901',
        SubAccountName: 'ledger-useast1',
        Tags: null,
      },
      {
        ...FOUNDATION_COMMON,
        Id: '10483',
        BilledCost: '-1.00000000000',
        EffectiveCost: '-1.00000000000',
        ListCost: '0.00000000000',
        ContractedCost: '0.00000000000',
        ContractedUnitPrice: '0.00000000000',
        BillingAccountId: '111122223333',
        BillingAccountName: 'Ledger',
        ChargeCategory: 'Credit',
        ChargeDescription: 'AWS Credits',
        ChargeFrequency: 'One-Time',
        ChargePeriodStart: '2026-03-01 00:00:00',
        ChargePeriodEnd: '2026-04-01 00:00:00',
        ConsumedQuantity: null,
        ConsumedUnit: null,
        InvoiceIssuerName: 'Amazon Web Services, Inc.',
        ListUnitPrice: '0',
        PricingCategory: 'Other',
        PricingQuantity: null,
        PricingUnit: null,
        ProviderName: 'AWS',
        PublisherName: 'Amazon Web Services, Inc.',
        RegionId: null,
        RegionName: null,
        ResourceId: null,
        ServiceCategory: 'Other',
        ServiceName: 'AWS Support (Business)',
        SkuId: null,
        SkuPriceId: null,
        SubAccountId: '412345678901',
        SubAccountName: 'ledger-useast1',
        Tags: null,
      },
      {
        ...FOUNDATION_COMMON,
        Id: '20917',
        BilledCost: '0.00002500000',
        EffectiveCost: '0.00002500000',
        ListCost: '0.00002500000',
        ContractedCost: '0.00000000250',
        ContractedUnitPrice: '0.05000000000',
        BillingAccountId:
          '/providers/Microsoft.Billing/billingAccounts/7700421',
        BillingAccountName: 'Ledger',
        ChargeCategory: 'Usage',
        ChargeDescription: 'Hot LRS Write Operations - West US',
        ChargeFrequency: 'Usage-Based',
        ChargePeriodStart: '2026-03-05 00:00:00',
        ChargePeriodEnd: '2026-03-06 00:00:00',
        ConsumedQuantity: '0.000500000000000',
        ConsumedUnit: 'Units',
        InvoiceIssuerName: 'Microsoft',
        ListUnitPrice: '0.05',
        PricingQuantity: '0.00000005000',
        PricingUnit: 'Units',
        ProviderName: 'Microsoft',
        PublisherName: 'Microsoft',
        RegionId: 'westus',
        RegionName: 'West US',
        ResourceId:
          '/subscriptions/3f2a9c1e-7b4d-4e8a-9c21-5d6e7f8a9b01/resourcegroups/rg-fleet-admin/providers/microsoft.storage/storageaccounts/fleetadmin',
        ResourceName: 'fleetadmin',
        ResourceType: 'Storage account',
        ServiceCategory: 'Storage',
        ServiceName: 'Storage Accounts',
        SkuId: '1009902',
        SkuPriceId: '1009902',
        SubAccountId: '/subscriptions/3f2a9c1e-7b4d-4e8a-9c21-5d6e7f8a9b01',
        SubAccountName: 'fleet-admin',
        // A key with a leading blank and a value holding ",NULL,".
        Tags: '{"env": "prod", " team": "platform", "note": ",NULL,NULL,"}',
      },
      {
        ...FOUNDATION_COMMON,
        AvailabilityZone: 'xKq2:EU-FRANKFURT-1-AD-1',
        Id: '31544',
        BilledCost: '0.03600000000',
        EffectiveCost: '0.00000000000',
        ListCost: '0.03600000000',
        ContractedCost: null,
        ContractedUnitPrice: null,
        BillingAccountId: '40218831',
        BillingAccountName: '',
        ChargeCategory: 'Adjustment',
        ChargeDescription: 'Standard - E5 - OCPU',
        ChargeFrequency: 'Usage-based',
        ChargePeriodStart: '2026-03-06 11:00:00',
        ChargePeriodEnd: '2026-03-06 12:00:00',
        CommitmentDiscountCategory: '',
        CommitmentDiscountId: '',
        CommitmentDiscountName: '',
        CommitmentDiscountType: '',
        ConsumedQuantity: '2.000000000000000',
        ConsumedUnit: 'OCPU Hours',
        InvoiceIssuerName: 'Oracle',
        ListUnitPrice: '0.018000000000',
        PricingCategory: '',
        PricingQuantity: '2.00000000000',
        PricingUnit: 'OCPU Hours',
        ProviderName: 'Oracle',
        PublisherName: 'Oracle',
        // Oracle leaves RegionId null and names the region in RegionName.
        RegionId: null,
        RegionName: 'eu-frankfurt-1',
        ResourceId: 'ocid1.instance.oc1.eu-frankfurt-1.antheljledger',
        ResourceName: '',
        ResourceType: 'instance',
        ServiceCategory: 'Compute',
        ServiceName: 'COMPUTE',
        SkuId: 'B97384',
        SkuPriceId: '',
        SubAccountId: 'ocid1.tenancy.oc1..aaaaaaaaledgerfra',
        SubAccountName: 'ledger',
        Tags: '{"application": "ledger", "environment": "prod"}',
      },
    ]),
  ),
  billed: [
    { environment: 'admin-azure-westus', billed: 0.000025 },
    { environment: 'workload-aws-useast1', billed: 3.2 },
    { environment: 'workload-oracle-frankfurt', billed: 0.036 },
  ],
};

// --- AWS Data Exports, FOCUS 1.0 ------------------------------------------
//
// Gzip CSV, the FOCUS columns then AWS's own (x_CostCategories,
// x_Discounts, x_Operation, x_ServiceCode, x_UsageType), nothing quoted but
// what must be, an empty value for null, times with milliseconds, JSON maps
// for tags (user tags prefixed `user:`) and for the x_ maps.

const AWS_HEADER = [
  ...FOCUS_1_0,
  'x_CostCategories',
  'x_Discounts',
  'x_Operation',
  'x_ServiceCode',
  'x_UsageType',
];

const AWS_ROW = {
  BillingAccountId: '111122223333',
  BillingAccountName: 'Ledger',
  BillingCurrency: 'USD',
  BillingPeriodStart: '2026-03-01T00:00:00.000Z',
  BillingPeriodEnd: '2026-04-01T00:00:00.000Z',
  ChargeFrequency: 'Usage-Based',
  InvoiceIssuerName: 'Amazon Web Services, Inc.',
  ProviderName: 'AWS',
  PublisherName: 'Amazon Web Services, Inc.',
  PricingCategory: 'Standard',
  x_CostCategories: '{}',
};

export const AWS_DATA_EXPORT: ProviderExport = {
  title: 'AWS Data Exports (gzip, x_ columns, user: tags)',
  name: 'ledger-focus-00001.csv.gz',
  version: '1.0',
  rows: 3,
  content: gzipSync(
    Buffer.from(
      csv(AWS_HEADER, [
        {
          ...AWS_ROW,
          AvailabilityZone: 'us-east-1a',
          BilledCost: '2.016',
          EffectiveCost: '1.4112',
          ListCost: '2.016',
          ContractedCost: '1.4112',
          ChargeCategory: 'Usage',
          ChargeDescription:
            'USD 0.084 per On Demand Linux m7i.large Instance Hour',
          ChargePeriodStart: '2026-03-02T00:00:00.000Z',
          ChargePeriodEnd: '2026-03-03T00:00:00.000Z',
          ConsumedQuantity: '24',
          ConsumedUnit: 'Hrs',
          PricingQuantity: '24',
          PricingUnit: 'Hours',
          RegionId: 'us-east-1',
          RegionName: 'US East (N. Virginia)',
          ResourceId: 'i-0a1b2c3d4e5f60718',
          ServiceCategory: 'Compute',
          ServiceName: 'Amazon Elastic Compute Cloud',
          SubAccountId: '412345678901',
          SubAccountName: 'ledger-useast1',
          Tags: '{"user:component":"ledger-peer","aws:createdBy":"AssumedRole:AROAEXAMPLE:karpenter"}',
          x_Discounts: '{"bundled_discount":-0.6048}',
          x_Operation: 'RunInstances',
          x_ServiceCode: 'AmazonEC2',
          x_UsageType: 'BoxUsage:m7i.large',
        },
        {
          ...AWS_ROW,
          BilledCost: '0.0000004',
          EffectiveCost: '0.0000004',
          ListCost: '0.0000004',
          ContractedCost: '0.0000004',
          ChargeCategory: 'Usage',
          ChargeDescription: 'USD 0.40 per million requests',
          ChargePeriodStart: '2026-03-02T13:00:00.000Z',
          ChargePeriodEnd: '2026-03-02T14:00:00.000Z',
          PricingQuantity: '1',
          PricingUnit: 'Requests',
          RegionId: 'ap-southeast-1',
          ServiceCategory: 'Integration',
          ServiceName: 'Amazon Simple Queue Service',
          SubAccountId: '412345678902',
          SubAccountName: 'ledger-apsoutheast1',
          Tags: '{}',
          x_Discounts: '',
          x_Operation: 'GetQueueAttributes',
          x_ServiceCode: 'AWSQueueService',
          x_UsageType: 'APS1-Requests-Tier1',
        },
        {
          ...AWS_ROW,
          BilledCost: '12.5',
          EffectiveCost: '12.5',
          ListCost: '12.5',
          ContractedCost: '12.5',
          ChargeCategory: 'Tax',
          ChargeDescription: 'Tax for product code AmazonEC2',
          ChargeFrequency: 'One-Time',
          ChargePeriodStart: '2026-03-01T00:00:00.000Z',
          ChargePeriodEnd: '2026-04-01T00:00:00.000Z',
          ServiceCategory: 'Compute',
          ServiceName: 'Amazon Elastic Compute Cloud',
          SubAccountId: '999988887777',
          SubAccountName: 'sandbox',
          Tags: '',
          x_Discounts: '',
          x_Operation: '',
          x_ServiceCode: 'AmazonEC2',
          x_UsageType: '',
        },
      ]),
    ),
  ),
  billed: [
    { environment: 'workload-aws-apsoutheast1', billed: 0.0000004 },
    { environment: 'workload-aws-useast1', billed: 2.016 },
    { environment: null, billed: 12.5 },
  ],
};

// --- Azure Cost Management, FOCUS 1.0 export ---------------------------------
//
// A UTF-8 byte order mark, CRLF line ends, every field quoted, Azure's
// resource paths as account ids, many x_ columns (x_SkuDetails holds JSON),
// times with seven decimals of a second, small numbers in exponent form, and
// tags written as a JSON object without its braces, as Azure's cost exports
// write them.

const AZURE_HEADER = [
  ...FOCUS_1_0,
  'BillingAccountType',
  'SubAccountType',
  'x_AccountName',
  'x_BilledCostInUsd',
  'x_BillingExchangeRate',
  'x_BillingProfileId',
  'x_EffectiveCostInUsd',
  'x_PricingSubcategory',
  'x_ResourceGroupName',
  'x_SkuDetails',
  'x_SkuMeterCategory',
  'x_SkuMeterName',
];

const AZURE_ROW = {
  BillingAccountId: '/providers/Microsoft.Billing/billingAccounts/7700421',
  BillingAccountName: 'Ledger',
  BillingAccountType: 'Billing Account',
  BillingCurrency: 'EUR',
  BillingPeriodStart: '2026-03-01T00:00:00.0000000Z',
  BillingPeriodEnd: '2026-04-01T00:00:00.0000000Z',
  ChargeCategory: 'Usage',
  ChargeFrequency: 'Usage-Based',
  InvoiceIssuerName: 'Microsoft',
  ProviderName: 'Microsoft',
  PublisherName: 'Microsoft',
  PricingCategory: 'Standard',
  SubAccountType: 'Subscription',
  x_BillingExchangeRate: '1',
  x_BillingProfileId: '7700421',
};

function quotedCsv(header: string[], rows: Array<Record<string, string>>) {
  const cell = (value: string) => `"${value.replace(/"/g, '""')}"`;
  return `\uFEFF${[
    header.map(cell).join(','),
    ...rows.map(row => header.map(c => cell(row[c] ?? '')).join(',')),
  ].join('\r\n')}\r\n`;
}

export const AZURE_EXPORT: ProviderExport = {
  title: 'Azure cost exports (BOM, CRLF, resource paths, brace-less tags)',
  name: 'part_0_0001.csv',
  // Its 1.0 export has BillingAccountType and SubAccountType, which FOCUS
  // took up in 1.2: the header reads as 1.2.
  version: '1.2',
  rows: 3,
  content: Buffer.from(
    quotedCsv(AZURE_HEADER, [
      {
        ...AZURE_ROW,
        BilledCost: '48.3',
        EffectiveCost: '41.055',
        ListCost: '48.3',
        ContractedCost: '48.3',
        ChargeDescription: 'D8s v5',
        ChargePeriodStart: '2026-03-03T00:00:00.0000000Z',
        ChargePeriodEnd: '2026-03-04T00:00:00.0000000Z',
        ConsumedQuantity: '120',
        ConsumedUnit: 'Hours',
        PricingQuantity: '120',
        PricingUnit: 'Hours',
        RegionId: 'westeurope',
        RegionName: 'West Europe',
        ResourceId:
          '/subscriptions/8c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e/resourceGroups/MC_rg-ledger_aks-weu-01_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-ledger-vmss',
        ServiceCategory: 'Compute',
        ServiceName: 'Virtual Machines',
        SubAccountId: '/subscriptions/8c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
        SubAccountName: 'ledger-westeurope',
        Tags: '"aks-managed-poolName": "ledger", "component": "ledger-orderer"',
        x_AccountName: 'Platform',
        x_BilledCostInUsd: '52.164',
        x_EffectiveCostInUsd: '44.3394',
        x_PricingSubcategory: 'Standard',
        x_ResourceGroupName: 'mc_rg-ledger_aks-weu-01_westeurope',
        x_SkuDetails: '{"VCPUs":"8","ServiceType":"Standard_D8s_v5"}',
        x_SkuMeterCategory: 'Virtual Machines',
        x_SkuMeterName: 'D8s v5',
      },
      {
        ...AZURE_ROW,
        BilledCost: '1.5E-05',
        EffectiveCost: '1.5E-05',
        ListCost: '1.5E-05',
        ContractedCost: '1.5E-05',
        ChargeDescription: 'Hot LRS Write Operations',
        ChargePeriodStart: '2026-03-03T00:00:00Z',
        ChargePeriodEnd: '2026-03-04T00:00:00Z',
        PricingQuantity: '0.0003',
        PricingUnit: '10K',
        RegionId: 'westus',
        ServiceCategory: 'Storage',
        ServiceName: 'Storage Accounts',
        SubAccountId: '/subscriptions/3f2a9c1e-7b4d-4e8a-9c21-5d6e7f8a9b01',
        SubAccountName: 'fleet-admin',
        Tags: '{"backstage.io/component":"default/argocd"}',
        x_SkuDetails: '',
      },
      {
        ...AZURE_ROW,
        BilledCost: '-20',
        EffectiveCost: '-20',
        ListCost: '0',
        ContractedCost: '0',
        ChargeCategory: 'Credit',
        ChargeClass: 'Correction',
        ChargeDescription: 'Azure credit',
        ChargeFrequency: 'One-Time',
        ChargePeriodStart: '2026-03-01T00:00:00.0000000Z',
        ChargePeriodEnd: '2026-04-01T00:00:00.0000000Z',
        ServiceCategory: 'Other',
        ServiceName: 'Azure Grant Offer',
        SubAccountId: '/subscriptions/8c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
        Tags: '',
      },
    ]),
  ),
  billed: [
    { environment: 'admin-azure-westus', billed: 0.000015 },
    { environment: 'workload-azure-westeurope', billed: 28.3 },
  ],
};

// --- Oracle Cloud FOCUS reports ---------------------------------------------
//
// OCI's own columns carry an `oci_` prefix rather than `x_`, and two
// usage columns of its cost reports (UsageQuantity, UsageUnit) come along;
// times to the minute, RegionId left empty with the region in RegionName.

const OCI_HEADER = [
  ...FOCUS_1_0,
  'UsageQuantity',
  'UsageUnit',
  'oci_ReferenceNumber',
  'oci_CompartmentId',
  'oci_CompartmentName',
  'oci_OverageFlag',
  'oci_UnitPriceOverage',
  'oci_BilledQuantityOverage',
  'oci_CostOverage',
  'oci_AttributedUsage',
  'oci_AttributedCost',
  'oci_BackReferenceNumber',
];

export const OCI_REPORT: ProviderExport = {
  title: 'Oracle Cloud FOCUS reports (oci_ columns, minutes, RegionName)',
  name: '0001000000912345.csv.gz',
  version: '1.0',
  rows: 2,
  content: gzipSync(
    Buffer.from(
      csv(OCI_HEADER, [
        {
          BilledCost: '0.81',
          EffectiveCost: '0.81',
          ListCost: '0.81',
          ContractedCost: '0.81',
          BillingAccountId: '40218831',
          BillingAccountName: '',
          BillingCurrency: 'EUR',
          BillingPeriodStart: '2026-03-01T00:00Z',
          BillingPeriodEnd: '2026-04-01T00:00Z',
          ChargeCategory: 'Usage',
          ChargeDescription: 'Compute - Standard - E5 - OCPU',
          ChargeFrequency: 'Usage-based',
          ChargePeriodStart: '2026-03-06T11:00Z',
          ChargePeriodEnd: '2026-03-06T12:00Z',
          InvoiceIssuerName: 'Oracle',
          PricingQuantity: '16',
          PricingUnit: 'OCPU Hours',
          ProviderName: 'Oracle',
          PublisherName: 'Oracle',
          RegionName: 'eu-frankfurt-1',
          ResourceId: 'ocid1.instance.oc1.eu-frankfurt-1.antheljledger',
          ServiceCategory: 'Compute',
          ServiceName: 'COMPUTE',
          SubAccountId: 'ocid1.tenancy.oc1..aaaaaaaaledgerfra',
          Tags: '{"Oracle-Tags.CreatedBy":"oke","orcl-cloud.free-tier-retained":"true"}',
          UsageQuantity: '16',
          UsageUnit: 'OCPU_HOURS',
          oci_ReferenceNumber: '913277440',
          oci_CompartmentId: 'ocid1.compartment.oc1..aaaaaaaaledger',
          oci_CompartmentName: 'ledger',
          oci_OverageFlag: 'N',
          oci_AttributedUsage: '16',
          oci_AttributedCost: '0.81',
        },
        {
          BilledCost: '-0.81',
          EffectiveCost: '-0.81',
          ListCost: '0',
          ContractedCost: '0',
          BillingAccountId: '40218831',
          BillingCurrency: 'EUR',
          BillingPeriodStart: '2026-03-01T00:00Z',
          BillingPeriodEnd: '2026-04-01T00:00Z',
          ChargeCategory: 'Adjustment',
          ChargeClass: 'Correction',
          ChargeDescription: 'Compute - Standard - E5 - OCPU',
          ChargePeriodStart: '2026-03-06T11:00Z',
          ChargePeriodEnd: '2026-03-06T12:00Z',
          InvoiceIssuerName: 'Oracle',
          PricingQuantity: '0',
          PricingUnit: 'OCPU Hours',
          ProviderName: 'Oracle',
          PublisherName: 'Oracle',
          RegionName: 'eu-frankfurt-1',
          ServiceCategory: 'Compute',
          ServiceName: 'COMPUTE',
          SubAccountId: 'ocid1.tenancy.oc1..aaaaaaaaledgerfra',
          oci_ReferenceNumber: '913277441',
          oci_BackReferenceNumber: '913277440',
        },
      ]),
    ),
  ),
  billed: [{ environment: 'workload-oracle-frankfurt', billed: 0 }],
};

// --- Google Cloud's FOCUS export, as BigQuery writes it to Parquet -----------
//
// The export of the billing account (FOCUS 1.2 columns): no Tags,
// BillingAccountName, InvoiceIssuerName, ServiceCategory nor
// ChargeFrequency; costs as NUMERIC (DECIMAL(38, 9) in 16 bytes),
// TIMESTAMP in microseconds, labels and tags as repeated key/value structs
// (x_Labels, x_Tags, x_ProjectLabels, x_SystemLabels), credits as a list of
// structs and the project as a struct.

/** A BigQuery NUMERIC: DECIMAL(38, 9) in 16 big-endian bytes. */
const numeric = (name: string): SchemaElement[] => [
  {
    name,
    type: 'FIXED_LEN_BYTE_ARRAY',
    type_length: 16,
    converted_type: 'DECIMAL',
    logical_type: { type: 'DECIMAL', scale: 9, precision: 38 },
    scale: 9,
    precision: 38,
    repetition_type: 'OPTIONAL',
  },
];

/** `12.5` as the unscaled value of a NUMERIC, which the writer puts in 16 bytes. */
function numericValue(text: string): bigint {
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const unscaled = BigInt(whole + fraction.padEnd(9, '0').slice(0, 9));
  return text.startsWith('-') ? -unscaled : unscaled;
}

const string = (name: string): SchemaElement[] => [
  {
    name,
    type: 'BYTE_ARRAY',
    converted_type: 'UTF8',
    repetition_type: 'OPTIONAL',
  },
];

const GCP_MARCH_5 = 1772668800000000n; // 2026-03-05T00:00:00Z in µs
const HOUR_US = 3_600_000_000n;

const GCP_ROWS = [
  {
    cost: '3.2',
    effective: '2.88',
    start: GCP_MARCH_5 + 7n * HOUR_US,
    project: 'ledger-prod-euw4',
    region: 'europe-west4',
    service: 'Compute Engine',
    labels: [{ Key: 'component', Value: 'ledger-peer' }],
    credits: [
      {
        Name: 'Committed use discount: CPU',
        Amount: numericValue('-0.32'),
        FullName: 'Committed use discount',
        Id: 'committed-usage-discount',
        Type: 'COMMITTED_USAGE_DISCOUNT',
      },
    ],
  },
  {
    cost: '0.000001',
    effective: '0.000001',
    start: GCP_MARCH_5 + 8n * HOUR_US,
    project: 'billing-sandbox',
    region: null,
    service: 'Cloud Logging',
    labels: [{ Key: 'env-name', Value: 'workload-gcp-uscentral1' }],
    credits: [],
  },
  {
    cost: '-1.25',
    effective: '-1.25',
    start: GCP_MARCH_5,
    project: 'ledger-prod-usc1',
    region: 'us-central1',
    service: 'Compute Engine',
    labels: [],
    credits: [],
  },
];

type GcpRow = (typeof GCP_ROWS)[number];

/** A column of the export: its name, its value in a row, its schema. */
type GcpColumn = [
  name: string,
  value: (row: GcpRow) => unknown,
  schema?: (name: string) => SchemaElement[],
];

const GCP_COLUMNS: GcpColumn[] = [
  ['AvailabilityZone', () => null],
  ['BilledCost', r => numericValue(r.cost), numeric],
  ['BillingAccountId', () => '01A2B3-C4D5E6-F7A8B9'],
  ['BillingCurrency', () => 'USD'],
  ['BillingPeriodStart', () => 1772323200000000n, timestampMicros],
  ['BillingPeriodEnd', () => 1775001600000000n, timestampMicros],
  ['ChargeCategory', r => (r.cost.startsWith('-') ? 'Credit' : 'Usage')],
  ['ChargeClass', () => null],
  ['ChargeDescription', r => `${r.service} usage`],
  ['ChargePeriodStart', r => r.start, timestampMicros],
  ['ChargePeriodEnd', r => r.start + HOUR_US, timestampMicros],
  ['ConsumedQuantity', () => numericValue('1'), numeric],
  ['ContractedCost', r => numericValue(r.cost), numeric],
  ['ListCost', r => numericValue(r.cost), numeric],
  ['PricingQuantity', () => numericValue('1'), numeric],
  ['PricingUnit', () => 'hour'],
  ['ProviderName', () => 'Google Cloud'],
  ['PublisherName', () => 'Google Cloud'],
  ['RegionId', r => r.region],
  ['ServiceName', r => r.service],
  ['SubAccountId', r => r.project],
  ['SubAccountName', r => r.project],
  ['x_Credits', r => r.credits, credits],
  ['x_Labels', r => r.labels, keyValueList],
  ['x_Tags', () => [], keyValueList],
  [
    'x_Project',
    r => ({ Id: r.project, Number: '123456789012', Name: r.project }),
    project,
  ],
  ['EffectiveCost', r => numericValue(r.effective), numeric],
  ['PricingCurrency', () => 'USD'],
  ['BillingAccountType', () => 'Billing Account'],
];

export const GCP_PARQUET: ProviderExport = {
  title: 'Google Cloud FOCUS export as Parquet (NUMERIC, labels as structs)',
  name: '000000000000.parquet',
  version: '1.2',
  rows: GCP_ROWS.length,
  content: focusParquet(
    GCP_COLUMNS.map(([name, value, schema = string]) => ({
      name,
      data: GCP_ROWS.map(value),
      schema: schema(name),
    })),
  ),
  billed: [
    { environment: 'workload-gcp-europewest4', billed: 3.2 },
    { environment: 'workload-gcp-uscentral1', billed: -1.249999 },
  ],
};

function timestampMicros(name: string): SchemaElement[] {
  return timestamp(name, 'MICROS');
}

function credits(name: string): SchemaElement[] {
  return [
    {
      name,
      converted_type: 'LIST',
      repetition_type: 'OPTIONAL',
      num_children: 1,
    },
    { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
    { name: 'element', repetition_type: 'OPTIONAL', num_children: 5 },
    ...string('Name'),
    ...numeric('Amount'),
    ...string('FullName'),
    ...string('Id'),
    ...string('Type'),
  ];
}

function project(name: string): SchemaElement[] {
  return [
    { name, repetition_type: 'OPTIONAL', num_children: 3 },
    ...string('Id'),
    ...string('Number'),
    ...string('Name'),
  ];
}

/** Every provider's export. */
export const PROVIDER_EXPORTS: ProviderExport[] = [
  FOUNDATION_SAMPLE,
  AWS_DATA_EXPORT,
  AZURE_EXPORT,
  OCI_REPORT,
  GCP_PARQUET,
];
