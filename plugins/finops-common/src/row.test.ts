import {
  NORMALIZED_COLUMNS,
  formatCostProblem,
  normalizeFocusRow,
  parseTags,
  providerIdOf,
  utcDateOf,
} from './row';

const FILE = 'exports/focus.csv';

// Values as the providers' FOCUS exports write them (trimmed to the columns
// that matter here).
const AWS_ROW: Record<string, string> = {
  BilledCost: '12.3456789',
  EffectiveCost: '10.5',
  ListCost: '14.0',
  ContractedCost: '12.3456789',
  BillingCurrency: 'USD',
  BillingAccountId: '111122223333',
  SubAccountId: '412345678901',
  ChargePeriodStart: '2026-03-01T00:00:00Z',
  ChargePeriodEnd: '2026-03-02T00:00:00Z',
  BillingPeriodStart: '2026-03-01T00:00:00Z',
  ChargeCategory: 'Usage',
  ChargeClass: '',
  ProviderName: 'AWS',
  PublisherName: 'Amazon Web Services, Inc.',
  InvoiceIssuerName: 'Amazon Web Services, Inc.',
  RegionId: 'us-east-1',
  RegionName: 'US East (N. Virginia)',
  ServiceCategory: 'Compute',
  ServiceName: 'Amazon Elastic Compute Cloud',
  ResourceId: 'arn:aws:ec2:us-east-1:412345678901:instance/i-0abc',
  Tags: '{"user:component":"ledger-peer","user:env-name":"workload-aws-useast1"}',
  x_ServiceCode: 'AmazonEC2',
};

const AZURE_ROW: Record<string, string> = {
  BilledCost: '-25.00',
  EffectiveCost: '-25.00',
  BillingCurrency: 'EUR',
  BillingAccountId:
    '/providers/Microsoft.Billing/billingAccounts/1234:5678_2019-05-31',
  SubAccountId: '8C1D2E3F-4A5B-4C6D-8E7F-901A2B3C4D5E',
  ChargePeriodStart: '2026-03-31T22:00:00+02:00',
  ChargeCategory: 'Credit',
  ChargeClass: 'Correction',
  ProviderName: 'Microsoft',
  RegionId: 'westeurope',
  ServiceCategory: 'Compute',
  ServiceName: 'Virtual Machines',
  Tags: '{"environment":"workload-azure-westeurope","backup":null,"replicas":3}',
};

const GCP_ROW: Record<string, string> = {
  BilledCost: '3.2e-2',
  EffectiveCost: '0.032',
  BillingCurrency: 'USD',
  BillingAccountId: '01A2B3-C4D5E6-F7A8B9',
  SubAccountId: 'ledger-prod-euw4',
  ChargePeriodStart: '2026-03-05 07:00:00',
  ChargeCategory: 'Usage',
  ServiceProviderName: 'Google Cloud',
  HostProviderName: 'Google Cloud',
  RegionId: 'europe-west4',
  ServiceName: 'Compute Engine',
  Tags: '',
};

describe('normalizeFocusRow', () => {
  it('normalises an AWS row', () => {
    const { row, problems } = normalizeFocusRow(AWS_ROW, {
      file: FILE,
      line: 2,
      version: '1.0',
    });
    expect(problems).toEqual([]);
    expect(row).toEqual({
      date: '2026-03-01',
      billedCost: 12.3456789,
      effectiveCost: 10.5,
      currency: 'USD',
      provider: 'aws',
      billingAccountId: '111122223333',
      subAccountId: '412345678901',
      region: 'us-east-1',
      serviceCategory: 'Compute',
      serviceName: 'Amazon Elastic Compute Cloud',
      chargeCategory: 'Usage',
      resourceId: 'arn:aws:ec2:us-east-1:412345678901:instance/i-0abc',
      tags: {
        'user:component': 'ledger-peer',
        'user:env-name': 'workload-aws-useast1',
      },
    });
  });

  it('keeps an Azure credit with its negative cost, in UTC', () => {
    const { row, problems } = normalizeFocusRow(AZURE_ROW, {
      file: FILE,
      line: 3,
      version: '1.1',
    });
    expect(problems).toEqual([]);
    expect(row).toMatchObject({
      date: '2026-03-31',
      billedCost: -25,
      effectiveCost: -25,
      currency: 'EUR',
      provider: 'azure',
      chargeCategory: 'Credit',
      chargeClass: 'Correction',
      tags: {
        environment: 'workload-azure-westeurope',
        backup: '',
        replicas: '3',
      },
    });
  });

  it('reads ServiceProviderName of a 1.2 GCP row', () => {
    const { row, problems } = normalizeFocusRow(GCP_ROW, {
      file: FILE,
      line: 4,
      version: '1.2',
    });
    expect(problems).toEqual([]);
    expect(row).toMatchObject({
      date: '2026-03-05',
      billedCost: 0.032,
      provider: 'gcp',
      subAccountId: 'ledger-prod-euw4',
      region: 'europe-west4',
      tags: {},
    });
    expect(row?.serviceCategory).toBeUndefined();
  });

  it('reads the labels of an export without a Tags column', () => {
    const { row, problems } = normalizeFocusRow(
      {
        ...GCP_ROW,
        Tags: undefined as unknown as string,
        x_ProjectLabels: '[{"Key":"team","Value":"platform"}]',
        x_Labels:
          '[{"Key":"env-name","Value":"workload-gcp-euw4"},{"Key":"team","Value":"ledger"}]',
        x_Tags: 'not a list',
      },
      { file: FILE, line: 6, version: '1.2' },
    );
    expect(problems).toEqual([]);
    expect(row?.tags).toEqual({
      team: 'ledger',
      'env-name': 'workload-gcp-euw4',
    });
  });

  it('reports every unusable value with file, line and column', () => {
    const { row, problems } = normalizeFocusRow(
      {
        ...AWS_ROW,
        BilledCost: '12,5x',
        BillingCurrency: 'usd',
        ChargePeriodStart: '2026-13-01',
        ChargeCategory: 'Refund',
        ChargeClass: 'Fix',
        ProviderName: ' ',
        Tags: '["a"]',
      },
      { file: FILE, line: 17, version: '1.0' },
    );
    expect(row).toBeUndefined();
    expect(problems.map(formatCostProblem)).toEqual([
      'exports/focus.csv:17 BilledCost: "12,5x" is not a decimal number',
      'exports/focus.csv:17 BillingCurrency: "usd" is not an ISO 4217 code',
      'exports/focus.csv:17 ChargePeriodStart: "2026-13-01" is not a date',
      'exports/focus.csv:17 ChargeCategory: "Refund" is not one of Usage, Purchase, Tax, Credit, Adjustment',
      'exports/focus.csv:17 ChargeClass: "Fix" is neither empty nor Correction',
      'exports/focus.csv:17 ProviderName: value is missing',
      'exports/focus.csv:17 Tags: "[\\"a\\"]" is neither a JSON object nor a list of key/value pairs',
    ]);
    expect(problems[0]).toEqual({
      file: FILE,
      line: 17,
      column: 'BilledCost',
      message: '"12,5x" is not a decimal number',
    });
  });

  it('reports missing mandatory values', () => {
    const { row, problems } = normalizeFocusRow(
      { ChargeCategory: 'Tax', ServiceProviderName: '' },
      { file: FILE, line: 9, version: '1.2' },
    );
    expect(row).toBeUndefined();
    expect(problems.map(formatCostProblem)).toEqual([
      'exports/focus.csv:9 BilledCost: value is missing',
      'exports/focus.csv:9 EffectiveCost: value is missing',
      'exports/focus.csv:9 BillingCurrency: value is missing',
      'exports/focus.csv:9 ChargePeriodStart: value is missing',
      'exports/focus.csv:9 ServiceProviderName: value is missing',
    ]);
  });

  it('rejects malformed JSON tags', () => {
    const { problems } = normalizeFocusRow(
      { ...AWS_ROW, Tags: '{"a":' },
      { file: FILE, line: 5, version: '1.0' },
    );
    expect(problems.map(formatCostProblem)).toEqual([
      'exports/focus.csv:5 Tags: "{\\"a\\":" is neither a JSON object nor a list of key/value pairs',
    ]);
  });
});

describe('NORMALIZED_COLUMNS', () => {
  it('names every column that normalizeFocusRow reads', () => {
    const read = new Set<string>();
    const watched = (row: Record<string, string>) =>
      new Proxy(row, {
        get: (target, key) => {
          read.add(String(key));
          return target[key as string];
        },
        has: (target, key) => {
          read.add(String(key));
          return key in target;
        },
      });
    const labelled: Record<string, string> = {
      ...GCP_ROW,
      x_Labels: '[{"Key":"a","Value":"b"}]',
    };
    delete labelled.Tags;
    for (const row of [AWS_ROW, AZURE_ROW, GCP_ROW, labelled, {}]) {
      normalizeFocusRow(watched(row), { file: FILE, line: 2, version: '1.2' });
    }
    expect(read.size).toBeGreaterThan(10);
    expect([...read].filter(key => !NORMALIZED_COLUMNS.includes(key))).toEqual(
      [],
    );
  });
});

describe('parseTags', () => {
  it('reads the shapes real exports write', () => {
    expect(parseTags('{"env":"prod","replicas":3,"owner":null}')).toEqual({
      env: 'prod',
      replicas: '3',
      owner: '',
    });
    // Azure cost exports leave the braces out.
    expect(parseTags('"env": "prod", "team": "ledger"')).toEqual({
      env: 'prod',
      team: 'ledger',
    });
    // Key/value lists, as Parquet writes a map or a repeated struct.
    expect(
      parseTags('[{"Key":"env","Value":"prod"},{"key":"team","value":null}]'),
    ).toEqual({ env: 'prod', team: '' });
    expect(parseTags('[]')).toEqual({});
    expect(parseTags('{}')).toEqual({});
    expect(parseTags('  ')).toEqual({});
  });

  it('refuses what is no set of tags', () => {
    expect(parseTags('["a"]')).toBeUndefined();
    expect(parseTags('[{"value":"x"}]')).toBeUndefined();
    expect(parseTags('"env"')).toBeUndefined();
    expect(parseTags('42')).toBeUndefined();
    expect(parseTags('env=prod')).toBeUndefined();
  });
});

describe('providerIdOf', () => {
  it.each([
    ['Amazon Web Services', 'aws'],
    ['AWS', 'aws'],
    ['Microsoft', 'azure'],
    ['Microsoft  Azure', 'azure'],
    ['Google Cloud', 'gcp'],
    ['Oracle', 'oracle'],
    ['Oracle Cloud Infrastructure', 'oracle'],
    ['IBM', 'ibm'],
    ['IBM Cloud', 'ibm'],
    ['Databricks', 'databricks'],
  ])('maps %s to %s', (name, id) => {
    expect(providerIdOf(name)).toBe(id);
  });
});

describe('utcDateOf', () => {
  it('reads ISO 8601 dates and times as UTC days', () => {
    expect(utcDateOf('2026-02-28')).toBe('2026-02-28');
    expect(utcDateOf('2026-03-01T01:30:00+02:00')).toBe('2026-02-28');
    expect(utcDateOf('2026-03-01T23:30:00.000-0500')).toBe('2026-03-02');
    expect(utcDateOf('2026-02-29')).toBeUndefined();
    expect(utcDateOf('2024-02-29T00:00Z')).toBe('2024-02-29');
    expect(utcDateOf('2026-03-01T24:00:00Z')).toBeUndefined();
    expect(utcDateOf('01/03/2026')).toBeUndefined();
  });

  it('answers the same when asked again', () => {
    for (let i = 0; i < 2; i++) {
      expect(utcDateOf('2026-03-01T23:30:00-0500')).toBe('2026-03-02');
      expect(utcDateOf('2026-03-01T23:30:00-0500')).toBe('2026-03-02');
      expect(utcDateOf('2026-02-29')).toBeUndefined();
      expect(utcDateOf('2026-02-29')).toBeUndefined();
    }
  });
});
