import { TestDatabases } from '@backstage/backend-test-utils';
import { CostQueries, DIMENSION_COLUMNS } from './CostQueries';
import { CostStore, type CostDailyRow } from './CostStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

function daily(values: Partial<CostDailyRow>): CostDailyRow {
  return {
    date: '2026-03-02',
    provider: 'aws',
    billingAccountId: '111122223333',
    subAccountId: '412345678901',
    region: 'us-east-1',
    serviceCategory: 'Compute',
    serviceName: 'Amazon Elastic Compute Cloud',
    chargeCategory: 'Usage',
    environment: 'workload-aws-useast1',
    entityRef: 'component:default/ledger-peer',
    currency: 'USD',
    billedCost: 10,
    effectiveCost: 8,
    rowCount: 1,
    ...values,
  };
}

const ROWS: CostDailyRow[] = [
  // Monday 2026-03-02 .. Sunday 2026-03-08 is one ISO week.
  daily({ date: '2026-02-27' }),
  daily({ date: '2026-03-02' }),
  daily({
    date: '2026-03-02',
    serviceName: 'Amazon S3',
    serviceCategory: 'Storage',
    billedCost: 3,
    effectiveCost: 3,
  }),
  daily({ date: '2026-03-08' }),
  daily({ date: '2026-03-09' }),
  daily({
    date: '2026-03-03',
    provider: 'azure',
    billingAccountId: '/providers/Microsoft.Billing/billingAccounts/1234',
    subAccountId: '3f2a9c1e-7b4d-4e8a-9c21-5d6e7f8a9b01',
    region: 'westus',
    serviceName: 'Virtual Machines',
    environment: 'admin-azure-westus',
    entityRef: undefined,
    billedCost: 20,
    effectiveCost: 18,
  }),
  // Unattributed, and a second currency.
  daily({
    date: '2026-03-04',
    environment: undefined,
    subAccountId: '999999999999',
    billedCost: 2,
    effectiveCost: 1.5,
  }),
  daily({
    date: '2026-03-04',
    currency: 'EUR',
    chargeCategory: 'Tax',
    billedCost: 5,
    effectiveCost: 5,
  }),
];

describe.each(databases.eachSupportedId())('CostQueries on %s', databaseId => {
  async function setUp(rows: CostDailyRow[] = ROWS) {
    const knex = await databases.init(databaseId);
    const store = await CostStore.create(knex);
    await store.replaceFile(
      'exports/focus.csv',
      {
        sha256: 'x',
        focusVersion: '1.0',
        rowsRead: rows.length,
        rowsIngested: rows.length,
        problems: [],
      },
      rows,
    );
    return CostQueries.create(knex);
  }

  const MARCH = { from: '2026-03-01', to: '2026-03-31' };

  it('sums per day, group and currency, unattributed as null', async () => {
    const queries = await setUp();
    const days = await queries.series({
      range: MARCH,
      groupBy: 'environment',
      granularity: 'day',
      metric: 'effective',
    });
    expect(sortRows(days)).toEqual(
      sortRows([
        {
          period: '2026-03-02',
          key: 'workload-aws-useast1',
          currency: 'USD',
          amount: 11,
        },
        {
          period: '2026-03-03',
          key: 'admin-azure-westus',
          currency: 'USD',
          amount: 18,
        },
        { period: '2026-03-04', key: null, currency: 'USD', amount: 1.5 },
        {
          period: '2026-03-04',
          key: 'workload-aws-useast1',
          currency: 'EUR',
          amount: 5,
        },
        {
          period: '2026-03-08',
          key: 'workload-aws-useast1',
          currency: 'USD',
          amount: 8,
        },
        {
          period: '2026-03-09',
          key: 'workload-aws-useast1',
          currency: 'USD',
          amount: 8,
        },
      ]),
    );
  });

  it('sums ISO weeks and months, the billed cost on demand', async () => {
    const queries = await setUp();
    const weeks = await queries.series({
      range: { from: '2026-02-01', to: '2026-03-31' },
      groupBy: 'provider',
      granularity: 'week',
      metric: 'billed',
    });
    expect(sortRows(weeks)).toEqual(
      sortRows([
        { period: '2026-02-23', key: 'aws', currency: 'USD', amount: 10 },
        { period: '2026-03-02', key: 'aws', currency: 'USD', amount: 25 },
        { period: '2026-03-02', key: 'aws', currency: 'EUR', amount: 5 },
        { period: '2026-03-02', key: 'azure', currency: 'USD', amount: 20 },
        { period: '2026-03-09', key: 'aws', currency: 'USD', amount: 10 },
      ]),
    );
    const months = await queries.series({
      range: { from: '2026-02-01', to: '2026-03-31' },
      granularity: 'month',
      metric: 'billed',
    });
    expect(sortRows(months)).toEqual(
      sortRows([
        { period: '2026-02-01', key: null, currency: 'USD', amount: 10 },
        { period: '2026-03-01', key: null, currency: 'USD', amount: 55 },
        { period: '2026-03-01', key: null, currency: 'EUR', amount: 5 },
      ]),
    );
  });

  it('groups by every stored dimension through its column', async () => {
    const queries = await setUp();
    const expected: Record<
      keyof typeof DIMENSION_COLUMNS,
      Array<string | null>
    > = {
      environment: ['admin-azure-westus', 'workload-aws-useast1', null],
      provider: ['aws', 'azure'],
      serviceCategory: ['Compute', 'Storage'],
      service: [
        'Amazon Elastic Compute Cloud',
        'Amazon S3',
        'Virtual Machines',
      ],
      region: ['us-east-1', 'westus'],
      subAccount: [
        '3f2a9c1e-7b4d-4e8a-9c21-5d6e7f8a9b01',
        '412345678901',
        '999999999999',
      ],
      chargeCategory: ['Tax', 'Usage'],
      entity: ['component:default/ledger-peer', null],
    };
    for (const groupBy of Object.keys(DIMENSION_COLUMNS) as Array<
      keyof typeof DIMENSION_COLUMNS
    >) {
      const totals = await queries.totals({
        range: MARCH,
        groupBy,
        metric: 'effective',
      });
      expect([groupBy, sortKeys(totals.map(t => t.key))]).toEqual([
        groupBy,
        expected[groupBy],
      ]);
    }
  });

  it('filters by environment, provider, service category and entity', async () => {
    const queries = await setUp();
    const total = async (filter: object) =>
      (
        await queries.totals({ range: MARCH, metric: 'effective', filter })
      ).sort((a, b) => a.currency.localeCompare(b.currency));
    expect(await total({ environment: 'admin-azure-westus' })).toEqual([
      { key: null, currency: 'USD', amount: 18 },
    ]);
    expect(await total({ provider: 'aws' })).toEqual([
      { key: null, currency: 'EUR', amount: 5 },
      { key: null, currency: 'USD', amount: 28.5 },
    ]);
    expect(await total({ serviceCategory: 'Storage' })).toEqual([
      { key: null, currency: 'USD', amount: 3 },
    ]);
    expect(
      await total({
        entity: 'component:default/ledger-peer',
        provider: 'aws',
        environment: 'workload-aws-useast1',
      }),
    ).toEqual([
      { key: null, currency: 'EUR', amount: 5 },
      { key: null, currency: 'USD', amount: 27 },
    ]);
    expect(await total({ environment: 'nowhere' })).toEqual([]);
  });

  it('knows the days the data covers', async () => {
    const knex = await databases.init(databaseId);
    await CostStore.create(knex);
    expect(await CostQueries.create(knex).dataRange()).toBeUndefined();
    const queries = await setUp();
    expect(await queries.dataRange()).toEqual({
      from: '2026-02-27',
      to: '2026-03-09',
    });
  });
});

/** The distinct keys, `null` last. */
function sortKeys(keys: Array<string | null>) {
  return [...new Set(keys)].sort((a, b) => {
    if (a === b) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    return a.localeCompare(b);
  });
}

function sortRows<
  T extends { period: string; key: string | null; currency: string },
>(rows: T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      a.period.localeCompare(b.period) ||
      String(a.key).localeCompare(String(b.key)) ||
      a.currency.localeCompare(b.currency),
  );
}
