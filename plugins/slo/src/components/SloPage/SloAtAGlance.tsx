import type { ReactNode } from 'react';
import { Card, CardBody, Flex, Grid, Text } from '@backstage/ui';
import { plural } from '../../lib/format';
import { describeFiring, STATE, type SloTotals } from '../../lib/slos';
import { StateDot } from '../StateChip';

const LABEL = {
  textTransform: 'uppercase',
  letterSpacing: 0.5,
} as const;

function Tile(props: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  accent?: string;
  dimmed?: boolean;
  title?: string;
}) {
  const { label, value, detail, accent, dimmed, title } = props;
  return (
    <Card
      role="group"
      aria-label={label}
      title={title}
      style={{
        height: '100%',
        borderTop: accent ? `4px solid ${accent}` : undefined,
        opacity: dimmed ? 0.6 : 1,
      }}
    >
      <CardBody>
        <Flex direction="column" gap="1">
          <Text
            as="span"
            variant="body-x-small"
            weight="bold"
            color="secondary"
            style={LABEL}
          >
            {label}
          </Text>
          <Text as="span" variant="title-medium" weight="bold">
            {value}
          </Text>
          {detail && (
            <Text as="span" variant="body-small" color="secondary">
              {detail}
            </Text>
          )}
        </Flex>
      </CardBody>
    </Card>
  );
}

/** How many SLOs are breached, warning and OK, and which alerts fire. */
export function SloAtAGlance(props: { totals: SloTotals }) {
  const { totals } = props;
  const count = (state: keyof SloTotals['byState']) =>
    totals.byState[state] ?? 0;
  const withoutVerdict =
    count('no-data') + count('unknown') + count('error') + count('none');
  const firing = totals.firing.page + totals.firing.ticket;
  let firingAccent: string | undefined;
  if (totals.firing.page > 0) firingAccent = STATE.breached.color;
  else if (totals.firing.ticket > 0) firingAccent = STATE.warning.color;
  const verdictTiles = (['breached', 'warning', 'ok'] as const).map(state => ({
    state,
    value: count(state),
  }));
  return (
    <Grid.Root columns={{ initial: '2', sm: '3', lg: '5' }} gap="3">
      {verdictTiles.map(({ state, value }) => (
        <Grid.Item key={state}>
          <Tile
            label={STATE[state].label}
            title={STATE[state].description}
            value={
              <Flex align="center" gap="2">
                <StateDot state={state} size={12} />
                {value}
              </Flex>
            }
            detail={`of ${plural(totals.slos, 'SLO')}`}
            accent={STATE[state].color}
            dimmed={value === 0}
          />
        </Grid.Item>
      ))}
      <Grid.Item>
        <Tile
          label="Without verdict"
          title="SLOs that no environment could evaluate: no data, Prometheus unknown or a query error"
          value={withoutVerdict}
          detail={`${totals.withoutVerdict} of ${plural(
            totals.evaluations,
            'evaluation',
          )} without a verdict`}
          accent={STATE.unknown.color}
          dimmed={withoutVerdict === 0 && totals.withoutVerdict === 0}
        />
      </Grid.Item>
      <Grid.Item>
        <Tile
          label="Alerts firing"
          title="Multi-window burn-rate alerts whose long and short windows both burn above the threshold"
          value={firing}
          detail={describeFiring(totals.firing)}
          accent={firingAccent}
          dimmed={firing === 0}
        />
      </Grid.Item>
    </Grid.Root>
  );
}
