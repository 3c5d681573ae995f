import type { ReactNode } from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { MAX_MINOR_SKEW } from '@multicloud/plugin-environments-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { plural } from './format';
import type { VersionBucket, VersionReport } from './fleet';

const SUPPORTED_COLOR = '#3f7fbf';
const UNSUPPORTED_COLOR = '#d6383e';
const ADMIN_COLOR = '#7b4bbf';

function BucketTooltip(props: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: VersionBucket }>;
}) {
  const bucket = props.active ? props.payload?.[0]?.payload : undefined;
  if (!bucket) return null;
  return (
    <div
      style={{
        padding: '8px 12px',
        borderRadius: 4,
        background: 'var(--bui-bg-neutral-1, #fff)',
        border: '1px solid var(--bui-border-1, #ccc)',
        boxShadow: '0 2px 6px rgba(0, 0, 0, 0.15)',
        maxWidth: 280,
      }}
    >
      <Text as="div" variant="body-small" weight="bold">
        Kubernetes {bucket.version}
        {bucket.admin ? ' (admin)' : ''}
      </Text>
      <Text as="div" variant="body-small" color="secondary">
        {plural(bucket.count, 'environment')} ·{' '}
        {bucket.supported ? 'supported' : 'not supported upstream'}
      </Text>
      {bucket.environments.length > 0 && (
        <Text as="div" variant="body-x-small">
          {bucket.environments.join(', ')}
        </Text>
      )}
    </div>
  );
}

function Legend(props: { adminVersion?: string }) {
  const swatch = (color: string) => (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 10,
        height: 10,
        borderRadius: 2,
        background: color,
        marginRight: 4,
      }}
    />
  );
  return (
    <Flex gap="3" style={{ flexWrap: 'wrap' }}>
      <Text as="span" variant="body-x-small" color="secondary">
        {swatch(SUPPORTED_COLOR)}supported minor
      </Text>
      <Text as="span" variant="body-x-small" color="secondary">
        {swatch(UNSUPPORTED_COLOR)}no longer (or not yet) supported
      </Text>
      {props.adminVersion && (
        <Text as="span" variant="body-x-small" color="secondary">
          <span
            aria-hidden
            style={{
              display: 'inline-block',
              width: 12,
              borderTop: `2px dashed ${ADMIN_COLOR}`,
              marginRight: 4,
              verticalAlign: 'middle',
            }}
          />
          admin version {props.adminVersion}
        </Text>
      )}
    </Flex>
  );
}

function VersionChart(props: { report: VersionReport }) {
  const { buckets, adminVersion } = props.report;
  const summary = buckets
    .map(
      b =>
        `${b.version}: ${b.count}${b.admin ? ' (admin)' : ''}${
          b.supported ? '' : ' (not supported)'
        }`,
    )
    .join(', ');
  return (
    <div
      role="img"
      aria-label={`Environments per declared Kubernetes version: ${summary}`}
      style={{ width: '100%', height: 220, color: 'var(--bui-fg-secondary)' }}
    >
      <ResponsiveContainer
        width="100%"
        height="100%"
        initialDimension={{ width: 480, height: 220 }}
      >
        <BarChart
          data={buckets}
          margin={{ top: 16, right: 8, bottom: 0, left: -16 }}
        >
          <CartesianGrid vertical={false} strokeOpacity={0.3} />
          <XAxis dataKey="version" tick={{ fill: 'currentColor' }} />
          <YAxis allowDecimals={false} tick={{ fill: 'currentColor' }} />
          <Tooltip content={<BucketTooltip />} cursor={{ fillOpacity: 0.08 }} />
          <Bar dataKey="count" name="Environments" isAnimationActive={false}>
            {buckets.map(b => (
              <Cell
                key={b.version}
                fill={b.supported ? SUPPORTED_COLOR : UNSUPPORTED_COLOR}
              />
            ))}
          </Bar>
          {adminVersion && (
            <ReferenceLine
              x={adminVersion}
              stroke={ADMIN_COLOR}
              strokeDasharray="4 3"
              strokeWidth={2}
              label={{
                value: 'admin',
                position: 'top',
                fill: ADMIN_COLOR,
                fontSize: 12,
              }}
            />
          )}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function Finding(props: {
  title: string;
  count: number;
  none: string;
  children: ReactNode;
}) {
  const { title, count, none, children } = props;
  return (
    <section aria-label={title}>
      <Flex direction="column" gap="1">
        <Text as="h4" variant="body-small" weight="bold">
          {title}
          {count > 0 && (
            <Text as="span" variant="body-small" color="warning">
              {' '}
              ({count})
            </Text>
          )}
        </Text>
        {count === 0 ? (
          <Text as="p" variant="body-small" color="secondary">
            {none}
          </Text>
        ) : (
          <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>{children}</ul>
        )}
      </Flex>
    </section>
  );
}

function EnvLink(props: { name: string; entityRef: string }) {
  return (
    <EntityRefLink entityRef={props.entityRef} hideIcon>
      {props.name}
    </EntityRefLink>
  );
}

const WHY: Record<'older' | 'newer' | 'gap', string> = {
  older: 'no longer supported',
  newer: 'newer than any supported minor',
  gap: 'not a supported minor',
};

/** Declared Kubernetes versions against the admin region's and upstream support. */
export function VersionSkew(props: { report: VersionReport }) {
  const { report } = props;
  const { adminVersion, supported } = report;
  return (
    <Card style={{ height: '100%' }}>
      <CardHeader>
        <Flex direction="column" gap="1">
          <Text as="h2" variant="title-x-small" weight="bold">
            Kubernetes versions
          </Text>
          <Text as="p" variant="body-small" color="secondary">
            Environments per declared minor. Supported upstream:{' '}
            {supported.length ? supported.join(', ') : 'unknown'}.
          </Text>
        </Flex>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="4">
          <VersionChart report={report} />
          <Legend adminVersion={adminVersion} />
          {adminVersion ? (
            <Finding
              title={`More than ${plural(
                MAX_MINOR_SKEW,
                'minor version',
              )} from the admin region (${adminVersion})`}
              count={report.skewed.length}
              none="Every environment is within the allowed skew."
            >
              {report.skewed.map(({ env, version, skew }) => (
                <li key={env.name}>
                  <Text as="span" variant="body-small">
                    <EnvLink name={env.name} entityRef={env.entityRef} /> on{' '}
                    {version}, {plural(skew, 'minor')} from the admin region
                  </Text>
                </li>
              ))}
            </Finding>
          ) : (
            <Text as="p" variant="body-small" color="secondary">
              The fleet has no admin environment with a declared version, so
              there is nothing to measure skew against.
            </Text>
          )}
          <Finding
            title="On a minor that is not supported"
            count={report.unsupported.length}
            none="Every declared version is supported upstream."
          >
            {report.unsupported.map(({ env, version, why }) => (
              <li key={env.name}>
                <Text as="span" variant="body-small">
                  <EnvLink name={env.name} entityRef={env.entityRef} /> on{' '}
                  {version}: {WHY[why]}
                </Text>
              </li>
            ))}
          </Finding>
          <Finding
            title="Server differs from the declared version"
            count={report.mismatched.length}
            none="Every API server that answered runs the declared minor."
          >
            {report.mismatched.map(({ env, declared, server }) => (
              <li key={env.name}>
                <Text as="span" variant="body-small">
                  <EnvLink name={env.name} entityRef={env.entityRef} /> declares{' '}
                  {declared}, the server reports {server}
                </Text>
              </li>
            ))}
          </Finding>
          {report.undeclared.length > 0 && (
            <Text as="p" variant="body-small" color="secondary">
              No readable Kubernetes version declared:{' '}
              {report.undeclared.map(e => e.name).join(', ')}.
            </Text>
          )}
        </Flex>
      </CardBody>
    </Card>
  );
}
