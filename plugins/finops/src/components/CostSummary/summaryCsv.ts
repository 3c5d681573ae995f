import type { CostSummaryResponse } from '@multicloud/plugin-finops-common';
import { toCsv } from '../../lib/csv';

/** The figures of the summary: one row per currency. */
export function summaryCsv(summary: CostSummaryResponse): string {
  return toCsv(
    [
      'currency',
      'as_of',
      'month_to_date',
      'previous_month_to_date',
      'previous_month',
      'forecast_month_end',
      'forecast_month_expected',
      'forecast_month_lower',
      'forecast_month_upper',
      'forecast_quarter_end',
      'forecast_quarter_expected',
      'forecast_quarter_lower',
      'forecast_quarter_upper',
      'forecast_confidence',
      'unattributed',
      'unattributed_share',
    ],
    summary.currencies.map(c => [
      c.currency,
      summary.asOf,
      c.monthToDate,
      c.previousMonthToDate,
      c.previousMonth,
      c.forecastMonth.periodEnd,
      c.forecastMonth.expected,
      c.forecastMonth.lower,
      c.forecastMonth.upper,
      c.forecastQuarter.periodEnd,
      c.forecastQuarter.expected,
      c.forecastQuarter.lower,
      c.forecastQuarter.upper,
      c.forecastMonth.confidence,
      c.unattributed,
      c.unattributedShare,
    ]),
  );
}

/** The trend chart: one row per currency and day, actual or forecast. */
export function trendCsv(summary: CostSummaryResponse): string {
  return toCsv(
    ['currency', 'date', 'kind', 'amount', 'lower', 'upper'],
    summary.currencies.flatMap(c =>
      c.trend.map(point =>
        point.actual !== undefined
          ? [c.currency, point.date, 'actual', point.actual, null, null]
          : [
              c.currency,
              point.date,
              'forecast',
              point.expected,
              point.lower,
              point.upper,
            ],
      ),
    ),
  );
}
