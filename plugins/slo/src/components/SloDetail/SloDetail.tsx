import { useCallback, useState, type ReactNode } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Accordion,
  AccordionPanel,
  AccordionTrigger,
  Alert,
  Card,
  CardBody,
  Flex,
  Grid,
  Skeleton,
  Text,
  ToggleButton,
  ToggleButtonGroup,
} from '@backstage/ui';
import type {
  SloEnvironmentStatus,
  SloSummary,
} from '@multicloud/plugin-slo-common';
import { errorMessage, sloApiRef, usePolling } from '../../api';
import {
  formatBudget,
  formatRatio,
  formatWindow,
  parseTime,
} from '../../lib/format';
import { sloTitle } from '../../lib/slos';
import { StateChip } from '../StateChip';
import { BurnRateTable } from './BurnRateTable';
import { BudgetChart, BurnRateChart, hasData } from './SloCharts';

const MONOSPACE = { fontFamily: 'var(--bui-font-monospace, monospace)' };

/** Ranges the charts offer, as Prometheus durations. */
export const RANGES = ['6h', '1d', '7d', '30d'] as const;
export const DEFAULT_RANGE = '1d';

function Field(props: { label: string; children: ReactNode }) {
  return (
    <Flex direction="column" gap="1" role="group" aria-label={props.label}>
      <Text
        as="span"
        variant="body-x-small"
        weight="bold"
        color="secondary"
        style={{ textTransform: 'uppercase', letterSpacing: 0.5 }}
      >
        {props.label}
      </Text>
      <Text as="div" variant="body-medium">
        {props.children}
      </Text>
    </Flex>
  );
}

/** Why there is no verdict, and what to do about it. */
function NoVerdict(props: { status: SloEnvironmentStatus }) {
  const { status } = props;
  const reason = status.error ? (
    <code style={{ ...MONOSPACE, whiteSpace: 'pre-wrap' }}>{status.error}</code>
  ) : undefined;
  switch (status.state) {
    case 'error':
      return (
        <Alert
          status="danger"
          icon
          title={`The query failed in ${status.environment}: fix the SLI's PromQL`}
          description={reason}
        />
      );
    case 'unknown':
      return (
        <Alert
          status="warning"
          icon
          title={`Prometheus could not be asked for ${status.environment}`}
          description={reason}
        />
      );
    case 'no-data':
      return (
        <Alert
          status="info"
          icon
          title={`Prometheus has no data for this SLI in ${status.environment}`}
          description={reason}
        />
      );
    default:
      return null;
  }
}

function Queries(props: { slo: SloSummary }) {
  const entries = Object.entries(props.slo.sli.queries);
  return (
    <Accordion>
      <AccordionTrigger title={`Indicator queries (${props.slo.sli.kind})`} />
      <AccordionPanel>
        <Flex direction="column" gap="2">
          {entries.map(([role, query]) => (
            <Flex direction="column" gap="1" key={role}>
              <Text as="span" variant="body-x-small" weight="bold">
                {role}
              </Text>
              <code
                style={{
                  ...MONOSPACE,
                  whiteSpace: 'pre-wrap',
                  wordBreak: 'break-all',
                  fontSize: '0.8125rem',
                }}
              >
                {query}
              </code>
            </Flex>
          ))}
          <Text as="span" variant="body-x-small" color="secondary">
            Defined in {props.slo.source.file}
            {props.slo.source.line ? `:${props.slo.source.line}` : ''} (
            {props.slo.format})
          </Text>
        </Flex>
      </AccordionPanel>
    </Accordion>
  );
}

function Charts(props: { slo: SloSummary; status: SloEnvironmentStatus }) {
  const { slo, status } = props;
  const sloApi = useApi(sloApiRef);
  const [range, setRange] = useState<string>(DEFAULT_RANGE);
  const load = useCallback(
    () => sloApi.getSeries(slo.id, { environment: status.environment, range }),
    [sloApi, slo.id, status.environment, range],
  );
  const { value, error, loading } = usePolling(load, {
    key: `${slo.id}\u0000${status.environment}\u0000${range}`,
    intervalMs: 60_000,
  });

  let content: ReactNode;
  if (loading) {
    content = (
      <Grid.Root columns={{ initial: '1', lg: '2' }} gap="4">
        <Grid.Item>
          <Skeleton height={270} />
        </Grid.Item>
        <Grid.Item>
          <Skeleton height={270} />
        </Grid.Item>
      </Grid.Root>
    );
  } else if (!value) {
    content = (
      <Alert
        status="danger"
        icon
        title="Could not read the time series"
        description={errorMessage(error ?? new Error('No answer'))}
      />
    );
  } else if (value.error) {
    content = (
      <Alert
        status="danger"
        icon
        title="Prometheus could not give the time series"
        description={
          <code style={{ ...MONOSPACE, whiteSpace: 'pre-wrap' }}>
            {value.error}
          </code>
        }
      />
    );
  } else if (!hasData(value)) {
    content = (
      <Alert
        status="info"
        icon
        title={`No data in the last ${range}`}
        description="Prometheus answered, but none of the series has a sample in this range."
      />
    );
  } else {
    content = (
      <Grid.Root columns={{ initial: '1', lg: '2' }} gap="4">
        <Grid.Item>
          <BudgetChart series={value} />
        </Grid.Item>
        <Grid.Item>
          <BurnRateChart series={value} windows={status.burnRates} />
        </Grid.Item>
      </Grid.Root>
    );
  }

  return (
    <Flex direction="column" gap="3">
      <Flex
        justify="between"
        align="center"
        gap="3"
        style={{ flexWrap: 'wrap' }}
      >
        <Text as="h3" variant="title-x-small" weight="bold">
          Over time
        </Text>
        <ToggleButtonGroup
          aria-label="Range of the charts"
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={[range]}
          onSelectionChange={keys => {
            const [next] = [...keys];
            if (next !== undefined) setRange(String(next));
          }}
        >
          {RANGES.map(r => (
            <ToggleButton key={r} id={r} size="small">
              {r}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Flex>
      {content}
    </Flex>
  );
}

/**
 * One SLO in one environment: the verdict, the figures behind it, the
 * burn-rate alerts, and charts of the error budget and the burn rates.
 */
export function SloDetail(props: {
  slo: SloSummary;
  status: SloEnvironmentStatus;
}) {
  const { slo, status } = props;
  const evaluatedAt = parseTime(status.evaluatedAt);
  const headingId = `slo-detail-${slo.id}`;
  return (
    <Card>
      <CardBody>
        <section aria-labelledby={headingId}>
          <Flex direction="column" gap="4">
            <Flex align="center" gap="3" style={{ flexWrap: 'wrap' }}>
              <Text as="h2" id={headingId} variant="title-small" weight="bold">
                {sloTitle(slo)} in {status.environment}
              </Text>
              <StateChip state={status.state} />
            </Flex>
            {slo.description && (
              <Text as="p" color="secondary">
                {slo.description}
              </Text>
            )}
            <NoVerdict status={status} />
            <Grid.Root columns={{ initial: '2', md: '5' }} gap="3">
              <Grid.Item>
                <Field label="Budget left">
                  <Text as="span" weight="bold" variant="title-small">
                    {formatBudget(status.budgetRemaining)}
                  </Text>
                </Field>
              </Grid.Item>
              <Grid.Item>
                <Field label="SLI">
                  {formatRatio(status.sli)}
                  {status.met === false && (
                    <Text as="span" color="danger" weight="bold">
                      {' '}
                      below the objective
                    </Text>
                  )}
                </Field>
              </Grid.Item>
              <Grid.Item>
                <Field label="Objective">
                  {formatRatio(slo.objective)} · {formatWindow(slo.window)}
                </Field>
              </Grid.Item>
              <Grid.Item>
                <Field label="Error budget">
                  {formatRatio(status.budget ?? 1 - slo.objective)} of{' '}
                  {slo.budgetingMethod === 'Occurrences'
                    ? 'events'
                    : 'time slices'}
                </Field>
              </Grid.Item>
              <Grid.Item>
                <Field label="Evaluated">
                  {evaluatedAt ? (
                    <time
                      dateTime={evaluatedAt.toISOString()}
                      title={evaluatedAt.toLocaleString()}
                    >
                      {evaluatedAt.toLocaleTimeString()}
                    </time>
                  ) : (
                    'not yet'
                  )}
                </Field>
              </Grid.Item>
            </Grid.Root>
            {status.burnRates.length > 0 && (
              <Flex direction="column" gap="2">
                <Text as="h3" variant="title-x-small" weight="bold">
                  Burn-rate alerts
                </Text>
                <BurnRateTable burnRates={status.burnRates} />
              </Flex>
            )}
            <Charts slo={slo} status={status} />
            <Queries slo={slo} />
          </Flex>
        </section>
      </CardBody>
    </Card>
  );
}
