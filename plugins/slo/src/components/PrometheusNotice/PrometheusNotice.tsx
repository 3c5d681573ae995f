import { Alert, Flex, Text } from '@backstage/ui';

const PRE = {
  fontFamily: 'var(--bui-font-monospace, monospace)',
  margin: 0,
  padding: 'var(--bui-space-3, 12px)',
  overflowX: 'auto',
  whiteSpace: 'pre',
  fontSize: 'var(--bui-font-size-2, 0.75rem)',
  background: 'var(--bui-bg-neutral-2, rgba(127, 127, 127, 0.08))',
  borderRadius: 'var(--bui-radius-2, 4px)',
} as const;

/**
 * The backend's app-config to connect Prometheus: one URL for the whole
 * fleet, or one per environment when each region runs its own.
 */
export const PROMETHEUS_CONFIG_EXAMPLE = `slo:
  prometheus:
    # One Prometheus for the whole fleet; its series carry an environment label
    url: http://prometheus.monitoring:9090
    environmentLabel: environment
    # Or one Prometheus per environment of environments.yaml
    environments:
      workload-aws-useast1:
        url: http://prometheus.aws-useast1.internal:9090`;

/**
 * The backend evaluates nothing (no Prometheus, or no environment at all):
 * its notice says why, and the config below shows what connecting one looks
 * like.
 */
export function PrometheusNotice(props: { notice: string }) {
  return (
    <Alert
      status="warning"
      icon
      title="The SLOs are not evaluated: connect Prometheus"
      description={
        <Flex direction="column" gap="2">
          <Text as="p" variant="body-medium">
            {props.notice}
          </Text>
          <Text as="p" variant="body-small">
            For example, in the backend&apos;s app-config (it takes effect when
            the backend restarts):
          </Text>
          <pre aria-label="Prometheus config" style={PRE}>
            {PROMETHEUS_CONFIG_EXAMPLE}
          </pre>
        </Flex>
      }
    />
  );
}
