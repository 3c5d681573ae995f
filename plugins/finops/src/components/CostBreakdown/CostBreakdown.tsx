import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { Alert, Flex, Grid, Text } from '@backstage/ui';
import type {
  CostDimension,
  CostFilter,
  CostGranularity,
  CostSeriesResponse,
} from '@multicloud/plugin-finops-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { finOpsApiRef, useLoad, type DateRange } from '../../api';
import {
  breakdownCsv,
  byCurrency,
  stackRows,
  type CurrencyBreakdown,
} from '../../lib/breakdown';
import { periodLabel, rangeLabel } from '../../lib/dates';
import { dimensionLabel, keyLabel } from '../../lib/labels';
import { formatMoney, formatPercent } from '../../lib/money';
import { CsvButton } from '../common/CsvButton';
import { DimensionSelect } from '../common/DimensionSelect';
import { GroupName } from '../common/GroupName';
import { LoadError, Loading } from '../common/LoadState';
import { Section } from '../common/Section';
import { useShowAll } from '../common/ShowAll';

/** Groups drawn as their own colour in the chart; the rest stack as one. */
const STACKED_GROUPS = 6;
/** Groups listed before "Show all". */
const LISTED_GROUPS = 10;

/** One colour per stacked group; amber is kept for cost without a value (unattributed). */
const GROUP_COLORS = [
  '#3f7fbf',
  '#e07b39',
  '#2e9d4f',
  '#7b4bbf',
  '#d6383e',
  '#1f9fa8',
];
const REST_COLOR = '#9aa5b1';
const MISSING_COLOR = '#e0a100';

/** The colour of the `index`-th largest group, the same in the chart and the list. */
function groupColor(key: string | null, index: number): string {
  if (key === null) return MISSING_COLOR;
  return index < STACKED_GROUPS
    ? GROUP_COLORS[index % GROUP_COLORS.length]
    : REST_COLOR;
}

function StackedChart(props: {
  dimension: CostDimension;
  breakdown: CurrencyBreakdown;
  granularity: CostGranularity;
}) {
  const { dimension, breakdown, granularity } = props;
  const { keys, rows } = useMemo(
    () => stackRows(dimension, breakdown.groups, STACKED_GROUPS),
    [dimension, breakdown.groups],
  );
  const { currency } = breakdown;
  return (
    <div
      role="img"
      aria-label={`${currency} cost per ${granularity} by ${dimensionLabel(
        dimension,
      ).toLocaleLowerCase('en-US')}: ${keys.map(k => k.label).join(', ')}`}
      style={{ width: '100%', height: 260, color: 'var(--bui-fg-secondary)' }}
    >
      <ResponsiveContainer
        width="100%"
        height="100%"
        initialDimension={{ width: 560, height: 260 }}
      >
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} strokeOpacity={0.3} />
          <XAxis
            dataKey="period"
            tickFormatter={(period: string) =>
              periodLabel(period, granularity).replace('week of ', '')
            }
            tick={{ fill: 'currentColor', fontSize: 12 }}
            minTickGap={16}
          />
          <YAxis
            width={72}
            tickFormatter={(value: number) =>
              formatMoney(value, currency, { compact: true })
            }
            tick={{ fill: 'currentColor', fontSize: 12 }}
          />
          <Tooltip
            cursor={{ fillOpacity: 0.08 }}
            labelFormatter={label => periodLabel(String(label), granularity)}
            formatter={(value, name) => [
              formatMoney(Number(value), currency),
              name,
            ]}
            contentStyle={{
              background: 'var(--bui-bg-neutral-1, #fff)',
              border: '1px solid var(--bui-border-1, #ccc)',
            }}
          />
          {keys.map(key => (
            <Bar
              key={key.id}
              dataKey={key.id}
              name={key.label}
              stackId="cost"
              fill={
                key.rank === undefined
                  ? REST_COLOR
                  : groupColor(key.key ?? null, key.rank)
              }
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function GroupList(props: {
  dimension: CostDimension;
  breakdown: CurrencyBreakdown;
}) {
  const { dimension, breakdown } = props;
  const { shown, toggle } = useShowAll(breakdown.groups, LISTED_GROUPS);
  const max = breakdown.groups[0]?.total ?? 0;
  return (
    <Flex direction="column" gap="2">
      <ul
        aria-label={`${breakdown.currency} cost by ${dimensionLabel(
          dimension,
        ).toLocaleLowerCase('en-US')}`}
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
      >
        {shown.map((group, index) => {
          const amount = formatMoney(group.total, breakdown.currency);
          const color = groupColor(group.key, index);
          return (
            <li
              key={`${group.key}`}
              aria-label={`${keyLabel(dimension, group.key)}: ${amount}`}
              style={{ marginBottom: 8 }}
            >
              <Flex justify="between" gap="2">
                <Text as="span" variant="body-small" truncate>
                  <span
                    aria-hidden
                    style={{
                      display: 'inline-block',
                      width: 10,
                      height: 10,
                      marginRight: 6,
                      borderRadius: 2,
                      background: color,
                    }}
                  />
                  <GroupName dimension={dimension} value={group.key} />
                </Text>
                <Text
                  as="span"
                  variant="body-small"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  <b>{amount}</b>{' '}
                  <Text as="span" variant="body-x-small" color="secondary">
                    {formatPercent(group.share)}
                  </Text>
                </Text>
              </Flex>
              <div
                aria-hidden
                style={{
                  height: 6,
                  marginTop: 2,
                  borderRadius: 3,
                  background: 'var(--bui-border-1, rgba(127, 127, 127, 0.2))',
                  overflow: 'hidden',
                }}
              >
                <div
                  style={{
                    width: `${
                      max > 0 ? Math.max(0, (group.total / max) * 100) : 0
                    }%`,
                    height: '100%',
                    background: color,
                  }}
                />
              </div>
            </li>
          );
        })}
      </ul>
      {toggle}
    </Flex>
  );
}

function Breakdown(props: { response: CostSeriesResponse }) {
  const { response } = props;
  const currencies = useMemo(() => byCurrency(response), [response]);
  return (
    <Flex direction="column" gap="3">
      {currencies.length > 1 && (
        <Text as="p" variant="body-small" color="secondary">
          {currencies.length} currencies, each on its own: amounts are never
          summed across currencies.
        </Text>
      )}
      <Grid.Root
        columns={{ initial: '1', lg: currencies.length > 1 ? '2' : '1' }}
        gap="5"
      >
        {currencies.map(breakdown => (
          <Grid.Item key={breakdown.currency}>
            <Flex
              direction="column"
              gap="3"
              role="group"
              aria-label={`${breakdown.currency}: ${formatMoney(
                breakdown.total,
                breakdown.currency,
              )}`}
            >
              <Text as="h3" variant="body-medium" weight="bold">
                {breakdown.currency}{' '}
                <Text as="span" variant="body-medium" color="secondary">
                  {formatMoney(breakdown.total, breakdown.currency)} in total
                </Text>
              </Text>
              <StackedChart
                dimension={response.groupBy}
                breakdown={breakdown}
                granularity={response.granularity}
              />
              <GroupList dimension={response.groupBy} breakdown={breakdown} />
            </Flex>
          </Grid.Item>
        ))}
      </Grid.Root>
    </Flex>
  );
}

/**
 * Cost over a range by one dimension, per period, with the dimension
 * selectable: a stacked chart and the groups by total, per currency.
 */
export function CostBreakdown(props: {
  title: string;
  defaultGroupBy: CostDimension;
  range: DateRange;
  granularity: CostGranularity;
  filter?: CostFilter;
  dimensions?: readonly CostDimension[];
  /** Shown when the range has no cost. */
  empty?: ReactNode;
  reloadKey?: number;
}) {
  const {
    title,
    defaultGroupBy,
    range,
    granularity,
    filter,
    dimensions,
    empty,
    reloadKey = 0,
  } = props;
  const id = useId();
  const [groupBy, setGroupBy] = useState<CostDimension>(defaultGroupBy);
  const api = useApi(finOpsApiRef);
  const load = useCallback(
    () =>
      api.getCosts({
        groupBy,
        from: range.from,
        to: range.to,
        granularity,
        filter,
      }),
    [api, groupBy, range.from, range.to, granularity, filter],
  );
  const {
    value: current,
    error,
    loading,
    retry,
  } = useLoad(
    load,
    JSON.stringify([groupBy, range, granularity, filter ?? {}, reloadKey]),
  );

  let body: ReactNode;
  if (error) {
    body = (
      <LoadError
        what={`the cost by ${dimensionLabel(groupBy).toLocaleLowerCase(
          'en-US',
        )}`}
        error={error}
        onRetry={retry}
        retrying={loading}
      />
    );
  } else if (!current) {
    body = (
      <Loading label={`Loading the ${title.toLocaleLowerCase('en-US')}`} />
    );
  } else if (current.groups.length === 0) {
    body = empty ?? (
      <Alert
        status="info"
        icon
        title={`No cost from ${rangeLabel(range)}.`}
        description="Pick a longer range, or check the ingested sources."
      />
    );
  } else {
    body = <Breakdown response={current} />;
  }

  return (
    <Section
      id={id}
      title={title}
      description={`${rangeLabel(range)}, per ${granularity}`}
      actions={
        <>
          <DimensionSelect
            value={groupBy}
            onChange={setGroupBy}
            dimensions={dimensions}
          />
          <CsvButton
            filename={`cost-by-${groupBy}-${range.from}-${range.to}.csv`}
            label={`Download the ${title.toLocaleLowerCase('en-US')} as CSV`}
            csv={
              current?.groups.length ? () => breakdownCsv(current) : undefined
            }
          />
        </>
      }
    >
      {body}
    </Section>
  );
}
