import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import { parseEnvironments } from '@multicloud/plugin-environments-common';
import {
  addDays,
  eachDay,
  isoWeekday,
  type BudgetsResponse,
  type CostSeriesResponse,
  type CostSummaryResponse,
} from '@multicloud/plugin-finops-common';
import request from 'supertest';
import { CostQueries } from '../database/CostQueries';
import { CostStore, type CostDailyRow } from '../database/CostStore';
import { createRouter, type NamespaceCostSource } from './router';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const FLEET = `environments:
  - name: workload-aws-useast1
    role: workload
    provider: aws
    type: cloud
    region: us-east-1
    cost: { budget_monthly: 5000, currency: USD }
  - name: admin-azure-westus
    role: admin
    provider: azure
    type: cloud
    region: westus
    cost: { budget_monthly: 1000, currency: USD }
  - name: workload-azure-westeurope
    role: workload
    provider: azure
    type: cloud
    region: westeurope
    cost: { budget_monthly: 1000 }
  - name: workload-gcp-europewest4
    role: workload
    provider: gcp
    type: cloud
    region: europe-west4
    cost: { budget_monthly: 2000, currency: USD }
  - name: workload-oracle-frankfurt
    role: workload
    provider: oracle
    type: cloud
    region: eu-frankfurt-1
  - name: workload-ibm-ussouth
    role: workload
    provider: ibm
    type: cloud
    region: us-south
    cost: { budget_monthly: 300, currency: USD }
`;

const FIRST_DAY = '2026-01-01';
const LAST_DAY = '2026-03-15';
const SPIKE_DAY = '2026-03-10';
const NOW = new Date('2026-03-20T12:00:00Z');

/** A busy week, a quiet weekend and a little deterministic wobble. */
function useast1Cost(date: string, index: number): number {
  const week = [20, 25, 25, 20, 10, -45, -55][isoWeekday(date) - 1];
  const wobble = ((index * 37) % 11) - 5;
  return 100 + week + wobble + (date === SPIKE_DAY ? 400 : 0);
}

function day(values: Partial<CostDailyRow> & { date: string }): CostDailyRow {
  return {
    provider: 'aws',
    chargeCategory: 'Usage',
    serviceCategory: 'Compute',
    serviceName: 'Amazon Elastic Compute Cloud',
    region: 'us-east-1',
    currency: 'USD',
    billedCost: values.effectiveCost ?? 0,
    effectiveCost: 0,
    rowCount: 1,
    ...values,
  };
}

/** The fleet's daily costs; see each environment's budget in FLEET. */
function fleetCosts(): CostDailyRow[] {
  return eachDay({ from: FIRST_DAY, to: LAST_DAY }).flatMap((date, i) => [
    day({
      date,
      environment: 'workload-aws-useast1',
      entityRef: 'component:default/ledger-peer',
      effectiveCost: useast1Cost(date, i),
      billedCost: useast1Cost(date, i) + 1,
    }),
    // 50 a day: 750 by the 15th, on course for 1550 against 1000.
    day({
      date,
      provider: 'azure',
      environment: 'admin-azure-westus',
      serviceName: 'Virtual Machines',
      region: 'westus',
      effectiveCost: 50,
    }),
    // 80 a day: over its 1000 by the 13th.
    day({
      date,
      provider: 'azure',
      environment: 'workload-azure-westeurope',
      serviceName: 'Virtual Machines',
      region: 'westeurope',
      effectiveCost: 80,
    }),
    // Billed in euros against a budget in dollars.
    day({
      date,
      provider: 'gcp',
      environment: 'workload-gcp-europewest4',
      serviceName: 'Compute Engine',
      region: 'europe-west4',
      currency: 'EUR',
      effectiveCost: 30,
    }),
    // No budget.
    day({
      date,
      provider: 'oracle',
      environment: 'workload-oracle-frankfurt',
      serviceName: 'Compute',
      serviceCategory: 'Compute',
      region: 'eu-frankfurt-1',
      effectiveCost: 5,
    }),
    // Unattributed.
    day({
      date,
      serviceName: 'Amazon S3',
      serviceCategory: 'Storage',
      effectiveCost: 10,
    }),
  ]);
}

const NAMESPACES: NamespaceCostSource = {
  async dailyByNamespace(range, filter) {
    return eachDay(range)
      .filter(date => date >= FIRST_DAY && date <= LAST_DAY)
      .flatMap(date => [
        {
          date,
          key: 'workload-aws-useast1/ledger',
          currency: 'USD',
          amount: 40,
        },
        {
          date,
          key: 'workload-aws-useast1/monitoring',
          currency: 'USD',
          amount: 5,
        },
        { date, key: 'admin-azure-westus/portal', currency: 'USD', amount: 20 },
      ])
      .filter(
        row =>
          !filter.environment || row.key.startsWith(`${filter.environment}/`),
      );
  },
};

async function startApi(
  databaseId: TestDatabaseId,
  options: { rows?: CostDailyRow[]; namespaceCosts?: NamespaceCostSource } = {},
) {
  const knex = await databases.init(databaseId);
  const store = await CostStore.create(knex);
  const rows = options.rows ?? fleetCosts();
  if (rows.length > 0) {
    await store.replaceFile(
      'exports/fleet.csv',
      {
        sha256: 'x',
        focusVersion: '1.2',
        rowsRead: rows.length,
        rowsIngested: rows.length,
        problems: [],
        ingestedAt: '2026-03-16T02:00:00.000Z',
      },
      rows,
    );
  }
  const { environments } = parseEnvironments(FLEET);
  const plugin = createBackendPlugin({
    pluginId: 'finops',
    register(env) {
      env.registerInit({
        deps: {
          httpAuth: coreServices.httpAuth,
          httpRouter: coreServices.httpRouter,
        },
        async init({ httpAuth, httpRouter }) {
          httpRouter.use(
            await createRouter({
              store,
              queries: CostQueries.create(knex),
              httpAuth,
              readEnvironments: async () => environments,
              namespaceCosts: options.namespaceCosts,
              clock: () => NOW,
            }),
          );
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [plugin, mockServices.database.factory({ knex })],
  });
  return {
    get: (path: string) => request(backend.server).get(`/api/finops${path}`),
    stop: () => backend.stop(),
  };
}

function sumOf(rows: CostDailyRow[], keep: (row: CostDailyRow) => boolean) {
  return rows.filter(keep).reduce((sum, row) => sum + row.effectiveCost, 0);
}

describe.each(databases.eachSupportedId())(
  'the FinOps API on %s',
  databaseId => {
    it('gives cost series by month, currencies apart, unattributed as null', async () => {
      const api = await startApi(databaseId);
      const res = await api.get(
        '/costs?groupBy=environment&from=2026-02-01&to=2026-03-31&granularity=month',
      );
      expect(res.status).toBe(200);
      const body: CostSeriesResponse = res.body;
      const rows = fleetCosts();
      const inRange = (row: CostDailyRow) => row.date >= '2026-02-01';
      expect(body).toMatchObject({
        from: '2026-02-01',
        to: '2026-03-31',
        groupBy: 'environment',
        granularity: 'month',
        metric: 'effective',
      });
      expect(body.totals).toEqual([
        { currency: 'EUR', amount: expect.closeTo(30 * 43, 6) },
        {
          currency: 'USD',
          amount: expect.closeTo(
            sumOf(rows, r => inRange(r) && r.currency === 'USD'),
            6,
          ),
        },
      ]);
      expect(body.groups.map(g => [g.key, g.currency])).toEqual([
        ['workload-aws-useast1', 'USD'],
        ['workload-azure-westeurope', 'USD'],
        ['admin-azure-westus', 'USD'],
        ['workload-gcp-europewest4', 'EUR'],
        [null, 'USD'],
        ['workload-oracle-frankfurt', 'USD'],
      ]);
      const unattributed = body.groups.find(g => g.key === null)!;
      expect(unattributed.points).toEqual([
        { period: '2026-02-01', amount: expect.closeTo(280, 6) },
        { period: '2026-03-01', amount: expect.closeTo(150, 6) },
      ]);
      expect(unattributed.total).toBeCloseTo(430, 6);
      await api.stop();
    });

    it('gives weekly and daily series with filters and the billed cost', async () => {
      const api = await startApi(databaseId);
      const weeks = await api.get(
        '/costs?groupBy=service&from=2026-03-01&to=2026-03-15&granularity=week&provider=azure',
      );
      expect(weeks.status).toBe(200);
      expect(weeks.body.groups).toEqual([
        {
          key: 'Virtual Machines',
          currency: 'USD',
          total: expect.closeTo(130 * 15, 6),
          points: [
            { period: '2026-02-23', amount: expect.closeTo(130, 6) },
            { period: '2026-03-02', amount: expect.closeTo(910, 6) },
            { period: '2026-03-09', amount: expect.closeTo(910, 6) },
          ],
        },
      ]);

      const billed = await api.get(
        '/costs?groupBy=entity&from=2026-03-10&to=2026-03-10&metric=billed&entity=component:default/ledger-peer',
      );
      expect(billed.body.groups).toEqual([
        {
          key: 'component:default/ledger-peer',
          currency: 'USD',
          total: useast1Cost(SPIKE_DAY, 68) + 1,
          points: [
            { period: SPIKE_DAY, amount: useast1Cost(SPIKE_DAY, 68) + 1 },
          ],
        },
      ]);

      const storage = await api.get(
        '/costs?groupBy=environment&from=2026-03-01&to=2026-03-02&serviceCategory=Storage',
      );
      expect(storage.body.groups).toEqual([
        {
          key: null,
          currency: 'USD',
          total: 20,
          points: [
            { period: '2026-03-01', amount: 10 },
            { period: '2026-03-02', amount: 10 },
          ],
        },
      ]);
      await api.stop();
    });

    it('gives in-cluster costs per namespace, never in the fleet totals', async () => {
      const api = await startApi(databaseId, { namespaceCosts: NAMESPACES });
      const res = await api.get(
        '/costs?groupBy=namespace&from=2026-03-01&to=2026-03-31&granularity=month&environment=workload-aws-useast1',
      );
      expect(res.status).toBe(200);
      expect(res.body.totals).toEqual([{ currency: 'USD', amount: 675 }]);
      expect(res.body.groups.map((g: { key: string }) => g.key)).toEqual([
        'workload-aws-useast1/ledger',
        'workload-aws-useast1/monitoring',
      ]);

      const summary = await api.get('/summary');
      const withoutNamespaces = await startApi(databaseId);
      const reference = await withoutNamespaces.get('/summary');
      expect(summary.body.currencies[0].monthToDate).toBe(
        reference.body.currencies[0].monthToDate,
      );

      const filtered = await api.get(
        '/costs?groupBy=namespace&from=2026-03-01&to=2026-03-31&provider=aws',
      );
      expect(filtered.status).toBe(400);
      expect(filtered.body.error.message).toBe(
        'Invalid query: groupBy=namespace can only be filtered by environment, not by provider',
      );
      await withoutNamespaces.stop();
      await api.stop();
    });

    it('refuses namespaces without an OpenCost source', async () => {
      const api = await startApi(databaseId);
      const res = await api.get(
        '/costs?groupBy=namespace&from=2026-03-01&to=2026-03-31',
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        'Invalid query: groupBy=namespace needs in-cluster costs, but no OpenCost source is configured',
      );
      await api.stop();
    });

    it('summarises month to date against the same days of last month, with forecasts', async () => {
      const api = await startApi(databaseId);
      const res = await api.get('/summary');
      expect(res.status).toBe(200);
      const body: CostSummaryResponse = res.body;
      expect(body.asOf).toBe(LAST_DAY);
      expect(body.metric).toBe('effective');
      expect(body.currencies.map(c => c.currency)).toEqual(['USD', 'EUR']);

      const rows = fleetCosts();
      const usd = (from: string, to: string) =>
        sumOf(
          rows,
          r => r.currency === 'USD' && r.date >= from && r.date <= to,
        );
      const [dollars, euros] = body.currencies;
      expect(dollars.monthToDate).toBeCloseTo(usd('2026-03-01', LAST_DAY), 6);
      expect(dollars.previousMonthToDate).toBeCloseTo(
        usd('2026-02-01', '2026-02-15'),
        6,
      );
      expect(dollars.previousMonth).toBeCloseTo(
        usd('2026-02-01', '2026-02-28'),
        6,
      );
      expect(dollars.unattributed).toBeCloseTo(150, 6);
      expect(dollars.unattributedShare).toBeCloseTo(
        150 / dollars.monthToDate,
        9,
      );

      for (const forecast of [dollars.forecastMonth, dollars.forecastQuarter]) {
        expect(forecast.periodEnd).toBe('2026-03-31');
        expect(forecast.confidence).toBe(0.8);
        expect(forecast.actual).toBeCloseTo(
          forecast === dollars.forecastMonth
            ? dollars.monthToDate
            : usd('2026-01-01', LAST_DAY),
          6,
        );
        expect(forecast.lower).toBeGreaterThanOrEqual(forecast.actual);
        expect(forecast.lower).toBeLessThanOrEqual(forecast.expected);
        expect(forecast.expected).toBeLessThanOrEqual(forecast.upper);
      }
      // The 16 days left cost what the pattern says, without the spike.
      const rest = eachDay({ from: '2026-03-16', to: '2026-03-31' }).reduce(
        (sum, date, i) => sum + useast1Cost(date, 74 + i) + 50 + 80 + 5 + 10,
        0,
      );
      expect(
        dollars.forecastMonth.expected - dollars.monthToDate,
      ).toBeGreaterThan(rest * 0.97);
      expect(dollars.forecastMonth.expected - dollars.monthToDate).toBeLessThan(
        rest * 1.03,
      );

      expect(euros).toMatchObject({
        currency: 'EUR',
        monthToDate: 450,
        previousMonth: 840,
        unattributed: 0,
        unattributedShare: 0,
      });
      expect(euros.forecastMonth.expected).toBeCloseTo(930, 0);

      // February and March up to the 15th, then the band to the 31st.
      expect(dollars.trend).toHaveLength(28 + 31);
      expect(dollars.trend[0]).toEqual({
        date: '2026-02-01',
        actual: expect.closeTo(usd('2026-02-01', '2026-02-01'), 6),
      });
      expect(dollars.trend[28 + 14]).toEqual({
        date: LAST_DAY,
        actual: expect.any(Number),
      });
      const band = dollars.trend[28 + 15];
      expect(band.date).toBe('2026-03-16');
      expect(band.actual).toBeUndefined();
      expect(band.lower!).toBeLessThanOrEqual(band.expected!);
      expect(band.expected!).toBeLessThanOrEqual(band.upper!);
      expect(dollars.trend[dollars.trend.length - 1].date).toBe('2026-03-31');
      await api.stop();
    });

    it('summarises one environment, at an earlier day on request', async () => {
      const api = await startApi(databaseId);
      const res = await api.get(
        '/summary?environment=admin-azure-westus&asOf=2026-02-10',
      );
      expect(res.status).toBe(200);
      expect(res.body.asOf).toBe('2026-02-10');
      expect(res.body.currencies).toHaveLength(1);
      expect(res.body.currencies[0]).toMatchObject({
        currency: 'USD',
        monthToDate: 500,
        previousMonthToDate: 500,
        previousMonth: 1550,
        unattributed: 0,
        forecastMonth: { periodEnd: '2026-02-28', actual: 500 },
        forecastQuarter: { periodEnd: '2026-03-31', actual: 2050 },
      });
      expect(res.body.currencies[0].forecastMonth.expected).toBeCloseTo(
        1400,
        0,
      );
      await api.stop();
    });

    it('summarises nothing before any cost is ingested', async () => {
      const api = await startApi(databaseId, { rows: [] });
      const res = await api.get('/summary');
      expect(res.body).toEqual({
        asOf: '2026-03-20',
        metric: 'effective',
        currencies: [],
      });
      await api.stop();
    });

    it('holds every environment of the fleet file against its budget', async () => {
      const api = await startApi(databaseId);
      const res = await api.get('/budgets');
      expect(res.status).toBe(200);
      const body: BudgetsResponse = res.body;
      expect(body.asOf).toBe(LAST_DAY);
      expect(body.budgets.map(b => [b.environment, b.state])).toEqual([
        ['workload-aws-useast1', 'ok'],
        ['admin-azure-westus', 'at-risk'],
        ['workload-azure-westeurope', 'over'],
        ['workload-gcp-europewest4', 'currency-mismatch'],
        ['workload-oracle-frankfurt', 'no-budget'],
        ['workload-ibm-ussouth', 'ok'],
      ]);
      const [useast1, westus, westeurope, gcp, oracle, ibm] = body.budgets;
      expect(useast1.forecast!.expected).toBeLessThan(5000);
      expect(westus).toEqual({
        environment: 'admin-azure-westus',
        budget: { currency: 'USD', amount: 1000 },
        monthToDate: [{ currency: 'USD', amount: 750 }],
        forecast: expect.objectContaining({
          periodEnd: '2026-03-31',
          actual: 750,
          expected: expect.closeTo(1550, 0),
        }),
        state: 'at-risk',
        used: 0.75,
        forecastUsed: expect.closeTo(1.55, 2),
      });
      // Without a currency in the file, the budget is in US dollars.
      expect(westeurope).toMatchObject({
        budget: { currency: 'USD', amount: 1000 },
        used: 1.2,
      });
      expect(gcp).toEqual({
        environment: 'workload-gcp-europewest4',
        budget: { currency: 'USD', amount: 2000 },
        monthToDate: [{ currency: 'EUR', amount: 450 }],
        state: 'currency-mismatch',
      });
      expect(oracle).toEqual({
        environment: 'workload-oracle-frankfurt',
        monthToDate: [{ currency: 'USD', amount: 75 }],
        state: 'no-budget',
      });
      expect(ibm).toMatchObject({
        monthToDate: [],
        used: 0,
        forecastUsed: 0,
        forecast: { actual: 0, expected: 0 },
      });
      await api.stop();
    });

    it('finds the planted spike and nothing else', async () => {
      const api = await startApi(databaseId);
      const res = await api.get('/anomalies?from=2026-02-01&to=2026-03-31');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        from: '2026-02-01',
        to: '2026-03-31',
        anomalies: [
          {
            date: SPIKE_DAY,
            dimension: 'environment',
            key: 'workload-aws-useast1',
            currency: 'USD',
            amount: useast1Cost(SPIKE_DAY, 68),
            expected: expect.closeTo(125, -1),
            score: expect.any(Number),
            direction: 'spike',
          },
        ],
      });
      expect(res.body.anomalies[0].score).toBeGreaterThan(4);

      const byService = await api.get(
        '/anomalies?from=2026-03-01&to=2026-03-15&groupBy=service&provider=aws',
      );
      expect(
        byService.body.anomalies.map((a: { key: string }) => a.key),
      ).toEqual(['Amazon Elastic Compute Cloud']);
      await api.stop();
    });

    it('does not judge scheduled charges: a monthly fee and its credit', async () => {
      const scheduled = ['2026-02-01', '2026-03-01'].flatMap(date => [
        day({
          date,
          chargeCategory: 'Purchase',
          environment: 'workload-aws-useast1',
          serviceName: 'AWS Support (Business)',
          effectiveCost: 900,
        }),
        day({
          date,
          chargeCategory: 'Credit',
          environment: 'workload-aws-useast1',
          effectiveCost: -300,
        }),
      ]);
      const api = await startApi(databaseId, {
        rows: [...fleetCosts(), ...scheduled],
      });
      const res = await api.get('/anomalies?from=2026-02-01&to=2026-03-31');
      expect(
        res.body.anomalies.map((a: { date: string; key: string }) => [
          a.date,
          a.key,
        ]),
      ).toEqual([[SPIKE_DAY, 'workload-aws-useast1']]);
      await api.stop();
    });

    it('reports a group that stopped costing as a drop', async () => {
      const rows = fleetCosts().filter(
        r =>
          !(r.environment === 'admin-azure-westus' && r.date >= '2026-03-14'),
      );
      const api = await startApi(databaseId, { rows });
      const res = await api.get(
        '/anomalies?from=2026-03-12&to=2026-03-31&environment=admin-azure-westus',
      );
      expect(
        res.body.anomalies.map(
          (a: { date: string; direction: string; amount: number }) => [
            a.date,
            a.direction,
            a.amount,
          ],
        ),
      ).toEqual([
        [LAST_DAY, 'drop', 0],
        ['2026-03-14', 'drop', 0],
      ]);
      await api.stop();
    });

    it('ranks the movers against the previous period of equal length', async () => {
      const rows = fleetCosts().map(row =>
        row.environment === 'workload-azure-westeurope' &&
        row.date >= '2026-03-08'
          ? { ...row, effectiveCost: 200 }
          : row,
      );
      const api = await startApi(databaseId, { rows });
      const res = await api.get(
        '/movers?from=2026-03-08&to=2026-03-14&groupBy=environment&limit=2',
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        from: '2026-03-08',
        to: '2026-03-14',
        previousFrom: '2026-03-01',
        previousTo: '2026-03-07',
        movers: [
          {
            dimension: 'environment',
            key: 'workload-azure-westeurope',
            currency: 'USD',
            current: 1400,
            previous: 560,
            change: 840,
            changeRatio: 1.5,
          },
          {
            dimension: 'environment',
            key: 'workload-aws-useast1',
            currency: 'USD',
            current: expect.any(Number),
            previous: expect.any(Number),
            change: expect.closeTo(400 + sumWobble(), 6),
            changeRatio: expect.any(Number),
          },
        ],
      });
      const byService = await api.get('/movers?from=2026-03-08&to=2026-03-14');
      expect(byService.body.movers[0]).toMatchObject({
        dimension: 'service',
        key: 'Virtual Machines',
        change: 840,
      });
      await api.stop();
    });

    it('lists the ingested sources with their kind', async () => {
      const api = await startApi(databaseId);
      const res = await api.get('/files');
      expect(res.body).toEqual({
        files: [
          {
            key: 'exports/fleet.csv',
            kind: 'focus',
            focusVersion: '1.2',
            rowsRead: 444,
            rowsIngested: 444,
            problemCount: 0,
            problems: [],
            ingestedAt: '2026-03-16T02:00:00.000Z',
          },
        ],
      });
      await api.stop();
    });

    it('refuses bad queries with the parameter and the reason', async () => {
      const api = await startApi(databaseId);
      const cases: Array<[string, string]> = [
        [
          '/costs?from=2026-03-01&to=2026-03-31&granularity=hour',
          'Invalid query: granularity must be one of day, week, month, got "hour"',
        ],
        [
          '/costs?from=2026-03-01&to=2026-03-31&groupBy=team',
          'Invalid query: groupBy must be one of environment, provider, serviceCategory, service, region, subAccount, chargeCategory, entity, namespace, got "team"',
        ],
        [
          '/costs?from=2026-03-01&to=2026-03-31&metric=list',
          'Invalid query: metric must be one of effective, billed, got "list"',
        ],
        [
          '/costs?from=2025-01-01&to=2026-03-31',
          'Invalid query: from 2025-01-01 to 2026-03-31 spans 455 days; with granularity=day at most 366 are allowed',
        ],
        [
          '/costs?from=2026-03-31&to=2026-03-01',
          'Invalid query: from must not be after to',
        ],
        [
          '/costs?from=2026-03-01&to=2026-03-31&groupby=service',
          'Invalid query: unknown parameter "groupby"; known are from, to, groupBy, granularity, metric, environment, provider, serviceCategory, entity',
        ],
        [
          '/costs?from=2026-03-01&to=2026-03-31&environment=',
          'Invalid query: environment must not be empty',
        ],
        [
          '/costs?from=2026-03-01&from=2026-03-02&to=2026-03-31',
          'Invalid query: from must be given once, as YYYY-MM-DD',
        ],
        [
          '/summary?asOf=today',
          'Invalid query: asOf must be a date as YYYY-MM-DD, got "today"',
        ],
        [
          '/budgets?asOf=2026-02-30',
          'Invalid query: asOf must be a date as YYYY-MM-DD, got "2026-02-30"',
        ],
        [
          '/anomalies?to=2026-03-31',
          'Invalid query: from is required, as YYYY-MM-DD',
        ],
        [
          '/anomalies?from=2025-01-01&to=2026-03-31',
          'Invalid query: from 2025-01-01 to 2026-03-31 spans 455 days; at most 366 are allowed',
        ],
        [
          '/movers?from=2026-03-01&to=2026-03-31&limit=0',
          'Invalid query: limit must be from 1 to 100, got 0',
        ],
        [
          '/movers?from=2026-03-01&to=2026-03-31&limit=ten',
          'Invalid query: limit must be a whole number, got "ten"',
        ],
      ];
      for (const [path, message] of cases) {
        const res = await api.get(path);
        expect([
          path,
          res.status,
          res.body.error?.name,
          res.body.error?.message,
        ]).toEqual([path, 400, 'InputError', message]);
      }
      await api.stop();
    });
  },
);

/** The change of the us-east-1 wobble between the two weeks of the movers test. */
function sumWobble() {
  let change = 0;
  for (let i = 0; i < 7; i++) {
    const current = addDays('2026-03-08', i);
    const previous = addDays('2026-03-01', i);
    change +=
      useast1Cost(current, 66 + i) -
      (current === SPIKE_DAY ? 400 : 0) -
      useast1Cost(previous, 59 + i);
  }
  return change;
}
