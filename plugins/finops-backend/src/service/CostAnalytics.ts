import { InputError } from '@backstage/errors';
import type { Environment } from '@multicloud/plugin-environments-common';
import {
  FORECAST_WINDOW_DAYS,
  ANOMALY_WINDOW_DAYS,
  addDays,
  bucketDays,
  detectAnomalies,
  eachDay,
  fitDailyCostModel,
  forecastDays,
  forecastPeriodTotal,
  monthOf,
  previousMonthOf,
  previousPeriod,
  quarterOf,
  sameDaysOfPreviousMonth,
  toCostGroups,
  topMovers,
  totalsByCurrency,
  type AnomaliesResponse,
  type BudgetStatus,
  type BudgetsResponse,
  type CostAnomaly,
  type CostDimension,
  type CostFilter,
  type CostGranularity,
  type CostMetric,
  type CostSeriesResponse,
  type CostSummaryResponse,
  type CurrencySummary,
  type DailyAmount,
  type DayRange,
  type GroupAmount,
  type MoversResponse,
  type PeriodAmount,
} from '@multicloud/plugin-finops-common';
import type { CostQueries } from '../database/CostQueries';

/**
 * In-cluster cost per namespace and day, from OpenCost. It is a breakdown of
 * cluster cost that the FOCUS exports already count, so it is only ever
 * shown on its own (`groupBy=namespace`), never added to fleet totals.
 */
export interface NamespaceCostSource {
  dailyByNamespace(
    range: { from: string; to: string },
    filter: { environment?: string },
  ): Promise<
    Array<{
      date: string;
      /** `<environment>/<namespace>`. */
      key: string;
      currency: string;
      amount: number;
    }>
  >;
}

/** The currency of a budget whose environment names none. */
export const DEFAULT_BUDGET_CURRENCY = 'USD';

/** The FOCUS charge categories whose days are judged for anomalies. */
const ANOMALY_CHARGE_CATEGORIES = ['Usage'] as const;

/** What every cost question names: days, grouping, cost column, filters. */
export interface CostQuestion {
  range: DayRange;
  groupBy: CostDimension;
  metric: CostMetric;
  filter: CostFilter;
}

/**
 * The answers of the FinOps API: cost series, summaries with forecasts,
 * budgets, anomalies and movers, from the FOCUS costs in the database and,
 * for namespaces, from OpenCost.
 */
export class CostAnalytics {
  static create(deps: {
    queries: CostQueries;
    namespaceCosts?: NamespaceCostSource;
  }): CostAnalytics {
    return new CostAnalytics(deps.queries, deps.namespaceCosts);
  }

  private constructor(
    private readonly queries: CostQueries,
    private readonly namespaceCosts: NamespaceCostSource | undefined,
  ) {}

  /** `GET /costs`. */
  async costs(
    question: CostQuestion & { granularity: CostGranularity },
  ): Promise<CostSeriesResponse> {
    const { range, groupBy, granularity, metric, filter } = question;
    const amounts =
      groupBy === 'namespace'
        ? bucketDays(await this.namespaceDays(range, filter), granularity)
        : await this.queries.series({
            range,
            groupBy,
            granularity,
            metric,
            filter,
          });
    return {
      from: range.from,
      to: range.to,
      groupBy,
      granularity,
      metric,
      totals: totalsByCurrency(amounts),
      groups: toCostGroups(amounts),
    };
  }

  /** `GET /summary`: month to date, previous month, forecasts per currency. */
  async summary(question: {
    asOf?: string;
    metric: CostMetric;
    filter: CostFilter;
    today: string;
  }): Promise<CostSummaryResponse> {
    const { metric, filter } = question;
    const covered = await this.queries.dataRange();
    const asOf = question.asOf ?? covered?.to ?? question.today;
    if (!covered) {
      return { asOf, metric, currencies: [] };
    }
    const month = monthOf(asOf);
    const previousMonth = previousMonthOf(asOf);
    const quarter = quarterOf(asOf);
    const historyFrom = earliest(
      previousMonth.from,
      quarter.from,
      addDays(asOf, 1 - FORECAST_WINDOW_DAYS),
    );
    const [days, monthByEnvironment] = await Promise.all([
      this.queries.series({
        range: { from: historyFrom, to: asOf },
        granularity: 'day',
        metric,
        filter,
      }),
      this.queries.totals({
        range: { from: month.from, to: asOf },
        groupBy: 'environment',
        metric,
        filter,
      }),
    ]);

    const trendFrom = latest(previousMonth.from, covered.from);
    const currencies = [...byCurrency(days).entries()].map(
      ([currency, history]): CurrencySummary => {
        const model = fitDailyCostModel(history, {
          asOf,
          historyStart: covered.from,
        });
        const forecastMonth = forecastPeriodTotal(history, model, month);
        const monthToDate = forecastMonth.actual;
        const unattributed = sum(
          monthByEnvironment.filter(
            group => group.key === null && group.currency === currency,
          ),
        );
        const actuals = new Map(history.map(d => [d.date, d.amount]));
        return {
          currency,
          monthToDate,
          previousMonthToDate: sumWithin(
            history,
            sameDaysOfPreviousMonth(asOf),
          ),
          previousMonth: sumWithin(history, previousMonth),
          forecastMonth,
          forecastQuarter: forecastPeriodTotal(history, model, quarter),
          unattributed,
          unattributedShare: monthToDate > 0 ? unattributed / monthToDate : 0,
          trend: [
            ...(trendFrom <= asOf
              ? eachDay({ from: trendFrom, to: asOf })
              : []
            ).map(date => ({ date, actual: actuals.get(date) ?? 0 })),
            ...forecastDays(model, month),
          ],
        };
      },
    );
    currencies.sort(
      (a, b) =>
        b.monthToDate - a.monthToDate || a.currency.localeCompare(b.currency),
    );
    return { asOf, metric, currencies };
  }

  /**
   * `GET /budgets`: every environment of the fleet file against its
   * `cost.budget_monthly`, on the effective cost.
   */
  async budgets(question: {
    asOf?: string;
    environments: readonly Environment[];
    today: string;
  }): Promise<BudgetsResponse> {
    const covered = await this.queries.dataRange();
    const asOf = question.asOf ?? covered?.to ?? question.today;
    const month = monthOf(asOf);
    const days = covered
      ? await this.queries.series({
          range: {
            from: earliest(month.from, addDays(asOf, 1 - FORECAST_WINDOW_DAYS)),
            to: asOf,
          },
          groupBy: 'environment',
          granularity: 'day',
          metric: 'effective',
        })
      : [];
    const byEnvironment = new Map<string, PeriodAmount[]>();
    for (const amount of days) {
      if (amount.key !== null) {
        const list = byEnvironment.get(amount.key) ?? [];
        list.push(amount);
        byEnvironment.set(amount.key, list);
      }
    }

    const budgets = question.environments.map((environment): BudgetStatus => {
      const environmentDays = byEnvironment.get(environment.name) ?? [];
      const monthToDate = totalsByCurrency(
        environmentDays.filter(d => d.period >= month.from),
      );
      const amount = environment.cost?.budget_monthly;
      if (amount === undefined) {
        return {
          environment: environment.name,
          monthToDate,
          state: 'no-budget',
        };
      }
      const budget = {
        currency: environment.cost?.currency ?? DEFAULT_BUDGET_CURRENCY,
        amount,
      };
      if (
        monthToDate.some(m => m.currency !== budget.currency && m.amount !== 0)
      ) {
        return {
          environment: environment.name,
          budget,
          monthToDate,
          state: 'currency-mismatch',
        };
      }
      const history = byCurrency(environmentDays).get(budget.currency) ?? [];
      const model = fitDailyCostModel(history, {
        asOf,
        historyStart: covered?.from,
      });
      const forecast = forecastPeriodTotal(history, model, month);
      let state: BudgetStatus['state'] = 'ok';
      if (forecast.actual > amount) {
        state = 'over';
      } else if (forecast.expected > amount) {
        state = 'at-risk';
      }
      return {
        environment: environment.name,
        budget,
        monthToDate,
        forecast,
        state,
        ...(amount > 0 && {
          used: forecast.actual / amount,
          forecastUsed: forecast.expected / amount,
        }),
      };
    });
    return { asOf, budgets };
  }

  /**
   * `GET /anomalies`: the days of the range far outside the recent pattern
   * of their group, newest first, then the strongest first. Days after the
   * last one with data are not judged: their costs are not known yet.
   * Only usage is judged: purchases, credits, tax and adjustments follow
   * schedules (a monthly fee on the 1st), not the daily pattern.
   */
  async anomalies(question: CostQuestion): Promise<AnomaliesResponse> {
    const { range, groupBy, metric, filter } = question;
    const historyFrom = addDays(range.from, -ANOMALY_WINDOW_DAYS);
    let days: PeriodAmount[];
    let covered: DayRange | undefined;
    if (groupBy === 'namespace') {
      days = await this.namespaceDays(
        { from: historyFrom, to: range.to },
        filter,
      );
      covered = spanOf(days);
    } else {
      covered = await this.queries.dataRange();
      days = covered
        ? await this.queries.series({
            range: { from: historyFrom, to: earliest(range.to, covered.to) },
            groupBy,
            granularity: 'day',
            metric,
            filter,
            chargeCategories: ANOMALY_CHARGE_CATEGORIES,
          })
        : [];
    }
    if (!covered) {
      return { from: range.from, to: range.to, anomalies: [] };
    }

    const groups = new Map<
      string,
      { key: string | null; days: PeriodAmount[] }
    >();
    for (const amount of days) {
      const id = JSON.stringify([amount.key, amount.currency]);
      const group = groups.get(id) ?? { key: amount.key, days: [] };
      group.days.push(amount);
      groups.set(id, group);
    }
    const anomalies: CostAnomaly[] = [];
    for (const { key, days: groupDays } of groups.values()) {
      const currency = groupDays[0].currency;
      const found = detectAnomalies(
        groupDays.map(d => ({ date: d.period, amount: d.amount })),
        {
          range: { from: range.from, to: earliest(range.to, covered.to) },
          historyStart: covered.from,
        },
      );
      for (const anomaly of found) {
        anomalies.push({
          date: anomaly.date,
          dimension: groupBy,
          key,
          currency,
          amount: anomaly.amount,
          expected: anomaly.expected,
          score: anomaly.score,
          direction: anomaly.direction,
        });
      }
    }
    anomalies.sort(
      (a, b) =>
        b.date.localeCompare(a.date) || Math.abs(b.score) - Math.abs(a.score),
    );
    return { from: range.from, to: range.to, anomalies };
  }

  /** `GET /movers`: the largest changes against the previous period. */
  async movers(
    question: CostQuestion & { limit?: number },
  ): Promise<MoversResponse> {
    const { range, groupBy, metric, filter } = question;
    const previous = previousPeriod(range);
    const totals = async (days: DayRange): Promise<GroupAmount[]> =>
      groupBy === 'namespace'
        ? await this.namespaceDays(days, filter)
        : await this.queries.totals({ range: days, groupBy, metric, filter });
    const [current, before] = await Promise.all([
      totals(range),
      totals(previous),
    ]);
    return {
      from: range.from,
      to: range.to,
      previousFrom: previous.from,
      previousTo: previous.to,
      movers: topMovers(current, before, question.limit).map(mover => ({
        dimension: groupBy,
        ...mover,
      })),
    };
  }

  /**
   * The daily in-cluster cost per namespace. Only the environment filter
   * applies: OpenCost knows no provider, service category or entity.
   */
  private async namespaceDays(
    range: DayRange,
    filter: CostFilter,
  ): Promise<PeriodAmount[]> {
    if (!this.namespaceCosts) {
      throw new InputError(
        'Invalid query: groupBy=namespace needs in-cluster costs, but no OpenCost source is configured',
      );
    }
    const unsupported = Object.keys(filter).filter(
      name => name !== 'environment',
    );
    if (unsupported.length > 0) {
      throw new InputError(
        `Invalid query: groupBy=namespace can only be filtered by environment, not by ${unsupported.join(
          ', ',
        )}`,
      );
    }
    const rows = await this.namespaceCosts.dailyByNamespace(range, {
      environment: filter.environment,
    });
    return rows.map(row => ({
      period: row.date,
      key: row.key,
      currency: row.currency,
      amount: row.amount,
    }));
  }
}

/** The days of each currency, in the order given. */
function byCurrency(days: readonly PeriodAmount[]): Map<string, DailyAmount[]> {
  const result = new Map<string, DailyAmount[]>();
  for (const { period, currency, amount } of days) {
    const list = result.get(currency) ?? [];
    list.push({ date: period, amount });
    result.set(currency, list);
  }
  return result;
}

function sumWithin(days: readonly DailyAmount[], range: DayRange): number {
  return days
    .filter(d => d.date >= range.from && d.date <= range.to)
    .reduce((total, d) => total + d.amount, 0);
}

function sum(amounts: ReadonlyArray<{ amount: number }>): number {
  return amounts.reduce((total, a) => total + a.amount, 0);
}

function spanOf(days: readonly PeriodAmount[]): DayRange | undefined {
  if (days.length === 0) {
    return undefined;
  }
  const dates = days.map(d => d.period).sort();
  return { from: dates[0], to: dates[dates.length - 1] };
}

function earliest(...days: string[]): string {
  return days.reduce((a, b) => (b < a ? b : a));
}

function latest(...days: string[]): string {
  return days.reduce((a, b) => (b > a ? b : a));
}
