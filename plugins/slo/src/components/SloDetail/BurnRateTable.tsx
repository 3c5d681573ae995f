import type { CSSProperties } from 'react';
import { Text } from '@backstage/ui';
import type { BurnRate } from '@multicloud/plugin-slo-common';
import { formatBurnRate } from '../../lib/format';
import { STATE, windowPair } from '../../lib/slos';

const CELL: CSSProperties = {
  padding: '8px 12px',
  textAlign: 'left',
  borderBottom: '1px solid var(--bui-border-1, rgba(127, 127, 127, 0.25))',
  whiteSpace: 'nowrap',
};

const HEAD: CSSProperties = {
  ...CELL,
  fontSize: '0.75rem',
  fontWeight: 700,
  color: 'var(--bui-fg-secondary, inherit)',
};

function Rate(props: { rate: number | null; factor: number }) {
  const { rate, factor } = props;
  const above = rate !== null && rate > factor;
  let color: 'secondary' | 'danger' | undefined;
  if (rate === null) color = 'secondary';
  else if (above) color = 'danger';
  return (
    <Text
      as="span"
      variant="body-small"
      weight={above ? 'bold' : undefined}
      color={color}
    >
      {formatBurnRate(rate)}
    </Text>
  );
}

/**
 * The multi-window burn-rate alerts of one SLO in one environment: each
 * pair of windows, its threshold, both rates, and whether it fires. A pair
 * fires when both rates are above the threshold; firing rows stand out.
 */
export function BurnRateTable(props: { burnRates: readonly BurnRate[] }) {
  const { burnRates } = props;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        aria-label="Burn rates"
        style={{ borderCollapse: 'collapse', width: '100%', minWidth: 560 }}
      >
        <thead>
          <tr>
            <th style={HEAD}>Windows (long / short)</th>
            <th style={HEAD}>Severity</th>
            <th style={HEAD}>Alert above</th>
            <th style={HEAD}>Long window</th>
            <th style={HEAD}>Short window</th>
            <th style={HEAD}>Alert</th>
          </tr>
        </thead>
        <tbody>
          {burnRates.map(rate => {
            const color =
              rate.severity === 'page'
                ? STATE.breached.color
                : STATE.warning.color;
            return (
              <tr
                key={windowPair(rate)}
                data-firing={rate.firing || undefined}
                style={{
                  background: rate.firing ? `${color}29` : undefined,
                  boxShadow: rate.firing ? `inset 4px 0 0 ${color}` : undefined,
                }}
              >
                <th scope="row" style={{ ...CELL, fontWeight: 600 }}>
                  {rate.long} / {rate.short}
                </th>
                <td style={CELL}>{rate.severity}</td>
                <td style={CELL}>{formatBurnRate(rate.factor)}</td>
                <td style={CELL}>
                  <Rate rate={rate.longRate} factor={rate.factor} />
                </td>
                <td style={CELL}>
                  <Rate rate={rate.shortRate} factor={rate.factor} />
                </td>
                <td style={CELL}>
                  {rate.firing ? (
                    <Text as="span" weight="bold" style={{ color }}>
                      Firing ({rate.severity})
                    </Text>
                  ) : (
                    <Text as="span" variant="body-small" color="secondary">
                      {rate.longRate === null || rate.shortRate === null
                        ? 'no data'
                        : 'quiet'}
                    </Text>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
