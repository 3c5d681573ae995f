import { useCallback, type ReactNode } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { Alert, Flex, Grid, Text } from '@backstage/ui';
import type {
  CostFilter,
  CostForecast,
  CurrencySummary,
} from '@multicloud/plugin-finops-common';
import { finOpsApiRef, useLoad } from '../../api';
import {
  longDayLabel,
  monthName,
  quarterName,
  startOfMonth,
  startOfPreviousMonth,
} from '../../lib/dates';
import {
  formatChange,
  formatMoney,
  formatPercent,
  formatRatio,
} from '../../lib/money';
import { CsvButton } from '../common/CsvButton';
import { LoadError, Loading } from '../common/LoadState';
import { Section } from '../common/Section';
import { Tile } from '../common/Tile';
import { TrendChart, TrendLegend } from '../TrendChart';
import { summaryCsv, trendCsv } from './summaryCsv';

/** What to do about cost that no environment could be attributed. */
export const UNATTRIBUTED_ADVICE =
  'Tag the resources with environment: <name> or list their account under cost.accounts in environments.yaml.';

/** Above this share the unattributed cost is a warning, not a note. */
const UNATTRIBUTED_WARNING_SHARE = 0.05;

export function mixedCurrenciesNotice(currencies: string[]): string {
  return `Costs come in ${currencies.length} currencies (${currencies.join(
    ', ',
  )}): each is shown on its own, never summed or converted.`;
}

function Change(props: { summary: CurrencySummary; asOf: string }) {
  const { summary, asOf } = props;
  const change = summary.monthToDate - summary.previousMonthToDate;
  const ratio =
    summary.previousMonthToDate > 0
      ? change / summary.previousMonthToDate
      : undefined;
  const previous = monthName(startOfPreviousMonth(asOf));
  if (summary.previousMonthToDate === 0 && summary.previousMonth === 0) {
    return <>No cost in {previous} to compare with</>;
  }
  return (
    <>
      <Text
        as="span"
        variant="body-small"
        weight="bold"
        color={change > 0 ? 'warning' : 'success'}
      >
        {formatRatio(ratio) ?? formatChange(change, summary.currency)}
      </Text>{' '}
      vs the same days of {previous} (
      {formatMoney(summary.previousMonthToDate, summary.currency)})
    </>
  );
}

function Interval(props: { forecast: CostForecast; currency: string }) {
  const { forecast, currency } = props;
  return (
    <>
      {formatPercent(forecast.confidence)} interval{' '}
      {formatMoney(forecast.lower, currency)} –{' '}
      {formatMoney(forecast.upper, currency)}
    </>
  );
}

function Unattributed(props: { summary: CurrencySummary }) {
  const { summary } = props;
  if (summary.unattributed <= 0) return null;
  return (
    <Alert
      status={
        summary.unattributedShare >= UNATTRIBUTED_WARNING_SHARE
          ? 'warning'
          : 'info'
      }
      icon
      title={`${formatPercent(summary.unattributedShare)} of this month's ${
        summary.currency
      } cost (${formatMoney(
        summary.unattributed,
        summary.currency,
      )}) is not attributed to any environment`}
      description={UNATTRIBUTED_ADVICE}
    />
  );
}

function CurrencyBlock(props: {
  summary: CurrencySummary;
  asOf: string;
  showCurrency: boolean;
  showUnattributed: boolean;
}) {
  const { summary, asOf, showCurrency, showUnattributed } = props;
  const { currency, forecastMonth, forecastQuarter } = summary;
  return (
    <Flex
      direction="column"
      gap="3"
      role="group"
      aria-label={`Costs in ${currency}`}
    >
      {showCurrency && (
        <Text as="h3" variant="body-medium" weight="bold">
          {currency}
        </Text>
      )}
      <Grid.Root
        columns={{ initial: '1', sm: showUnattributed ? '2' : '3' }}
        gap="3"
      >
        <Grid.Item>
          <Tile
            label="Month to date"
            value={formatMoney(summary.monthToDate, currency)}
            detail={<Change summary={summary} asOf={asOf} />}
          />
        </Grid.Item>
        <Grid.Item>
          <Tile
            label={`Forecast ${monthName(forecastMonth.periodEnd)}`}
            value={formatMoney(forecastMonth.expected, currency)}
            detail={<Interval forecast={forecastMonth} currency={currency} />}
          />
        </Grid.Item>
        <Grid.Item>
          <Tile
            label={`Forecast ${quarterName(forecastQuarter.periodEnd)}`}
            value={formatMoney(forecastQuarter.expected, currency)}
            detail={<Interval forecast={forecastQuarter} currency={currency} />}
          />
        </Grid.Item>
        {showUnattributed && (
          <Grid.Item>
            <Tile
              label="Unattributed"
              value={formatPercent(summary.unattributedShare)}
              accent={
                summary.unattributedShare >= UNATTRIBUTED_WARNING_SHARE
                  ? '#e0a100'
                  : undefined
              }
              detail={`${formatMoney(
                summary.unattributed,
                currency,
              )} of the month to date`}
            />
          </Grid.Item>
        )}
      </Grid.Root>
      {showUnattributed && <Unattributed summary={summary} />}
      <TrendChart
        trend={summary.trend}
        currency={currency}
        monthStart={startOfMonth(asOf)}
      />
      <TrendLegend confidence={forecastMonth.confidence} />
    </Flex>
  );
}

/**
 * Month to date per currency against the same days of the previous month,
 * forecasts of the month and the quarter with their intervals, the share
 * nobody could be attributed, and the daily trend. Currencies side by side.
 */
export function CostSummary(props: {
  /** Narrows every figure: one environment, one component. */
  filter?: CostFilter;
  /** Shown when there is no cost at all (for the filter). */
  empty: ReactNode;
  title?: string;
  /** Changes to read again. */
  reloadKey?: number;
}) {
  const { filter, empty, title = 'Month to date', reloadKey = 0 } = props;
  const api = useApi(finOpsApiRef);
  const load = useCallback(() => api.getSummary({ filter }), [api, filter]);
  const { value, error, loading, retry } = useLoad(
    load,
    `${JSON.stringify(filter ?? {})}|${reloadKey}`,
  );

  let body: ReactNode;
  if (error) {
    body = (
      <LoadError
        what="the cost summary"
        error={error}
        onRetry={retry}
        retrying={loading}
      />
    );
  } else if (!value) {
    body = <Loading label="Loading the cost summary" height={260} />;
  } else if (value.currencies.length === 0) {
    body = empty;
  } else {
    const currencies = value.currencies.map(c => c.currency);
    body = (
      <Flex direction="column" gap="4">
        {currencies.length > 1 && (
          <Alert status="info" icon title={mixedCurrenciesNotice(currencies)} />
        )}
        <Grid.Root
          columns={{ initial: '1', lg: currencies.length > 1 ? '2' : '1' }}
          gap="5"
        >
          {value.currencies.map(summary => (
            <Grid.Item key={summary.currency}>
              <CurrencyBlock
                summary={summary}
                asOf={value.asOf}
                showCurrency={currencies.length > 1}
                showUnattributed={!filter?.environment && !filter?.entity}
              />
            </Grid.Item>
          ))}
        </Grid.Root>
      </Flex>
    );
  }

  return (
    <Section
      id="finops-summary"
      title={title}
      description={
        value && value.currencies.length > 0
          ? `${monthName(value.asOf)} 1 to ${longDayLabel(value.asOf)}, ${
              value.metric === 'billed' ? 'billed' : 'effective'
            } cost (the last day with data)`
          : undefined
      }
      actions={
        <>
          <CsvButton
            filename="cost-summary.csv"
            label="Download the figures as CSV"
            text="Figures CSV"
            csv={value?.currencies.length ? () => summaryCsv(value) : undefined}
          />
          <CsvButton
            filename="cost-trend.csv"
            label="Download the trend as CSV"
            text="Trend CSV"
            csv={value?.currencies.length ? () => trendCsv(value) : undefined}
          />
        </>
      }
    >
      {body}
    </Section>
  );
}
