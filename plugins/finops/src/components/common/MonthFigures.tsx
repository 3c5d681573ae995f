import type { ReactNode } from 'react';
import { Flex, Grid, Text } from '@backstage/ui';
import type { CurrencySummary } from '@multicloud/plugin-finops-common';
import { monthName, startOfPreviousMonth } from '../../lib/dates';
import { formatMoney, formatPercent, formatRatio } from '../../lib/money';
import { LABEL_STYLE } from './Tile';

function Field(props: { label: string; children: ReactNode }) {
  return (
    <Flex direction="column" gap="1" role="group" aria-label={props.label}>
      <Text
        as="span"
        variant="body-x-small"
        weight="bold"
        color="secondary"
        style={LABEL_STYLE}
      >
        {props.label}
      </Text>
      <Text as="div" variant="body-medium">
        {props.children}
      </Text>
    </Flex>
  );
}

/** Month to date and forecast of one currency, for the entity cards. */
export function MonthFigures(props: {
  summary: CurrencySummary;
  asOf: string;
}) {
  const { summary, asOf } = props;
  const { currency, forecastMonth } = summary;
  const change = summary.monthToDate - summary.previousMonthToDate;
  const ratio =
    summary.previousMonthToDate > 0
      ? change / summary.previousMonthToDate
      : undefined;
  return (
    <Grid.Root columns={{ initial: '1', sm: '2' }} gap="3">
      <Grid.Item>
        <Field label={`Month to date (${currency})`}>
          <Text as="span" variant="title-x-small" weight="bold">
            {formatMoney(summary.monthToDate, currency)}
          </Text>
          <Text as="div" variant="body-small" color="secondary">
            {ratio !== undefined
              ? `${formatRatio(ratio)} vs the same days of ${monthName(
                  startOfPreviousMonth(asOf),
                )}`
              : `nothing in ${monthName(
                  startOfPreviousMonth(asOf),
                )} to compare`}
          </Text>
        </Field>
      </Grid.Item>
      <Grid.Item>
        <Field label={`Forecast ${monthName(forecastMonth.periodEnd)}`}>
          <Text as="span" variant="title-x-small" weight="bold">
            {formatMoney(forecastMonth.expected, currency)}
          </Text>
          <Text as="div" variant="body-small" color="secondary">
            {formatPercent(forecastMonth.confidence)} interval{' '}
            {formatMoney(forecastMonth.lower, currency)} –{' '}
            {formatMoney(forecastMonth.upper, currency)}
          </Text>
        </Field>
      </Grid.Item>
    </Grid.Root>
  );
}
