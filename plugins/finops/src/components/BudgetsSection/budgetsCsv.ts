import type { BudgetsResponse } from '@multicloud/plugin-finops-common';
import { toCsv, type CsvCell } from '../../lib/csv';

/** One row per environment and currency of its month to date. */
export function budgetsCsv(response: BudgetsResponse): string {
  return toCsv(
    [
      'environment',
      'state',
      'as_of',
      'budget_currency',
      'budget',
      'currency',
      'month_to_date',
      'used',
      'forecast_expected',
      'forecast_lower',
      'forecast_upper',
      'forecast_used',
    ],
    response.budgets.flatMap(status => {
      const costs = status.monthToDate.length
        ? status.monthToDate
        : [{ currency: status.budget?.currency ?? '', amount: 0 }];
      return costs.map((cost): CsvCell[] => {
        const compared = cost.currency === status.budget?.currency;
        return [
          status.environment,
          status.state,
          response.asOf,
          status.budget?.currency,
          status.budget?.amount,
          cost.currency,
          cost.amount,
          compared ? status.used : undefined,
          compared ? status.forecast?.expected : undefined,
          compared ? status.forecast?.lower : undefined,
          compared ? status.forecast?.upper : undefined,
          compared ? status.forecastUsed : undefined,
        ];
      });
    }),
  );
}
