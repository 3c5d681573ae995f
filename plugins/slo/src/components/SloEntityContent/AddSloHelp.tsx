import { DEFAULT_NAMESPACE, type Entity } from '@backstage/catalog-model';
import { Alert, Flex, Text } from '@backstage/ui';
import {
  SLO_ANNOTATIONS,
  SLO_DEFINITIONS_ANNOTATION,
} from '@multicloud/plugin-slo-common';

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

/** The file name the example suggests, next to the entity's catalog-info.yaml. */
export const EXAMPLE_FILE = 'slos.yaml';

/**
 * An OpenSLO availability SLO for `entity`: `spec.service` names the
 * component; outside the default namespace the entity-ref annotation says
 * which one. The backend restricts each selector to the environment it
 * evaluates when one Prometheus holds several.
 */
export function openSloExample(entity: Entity): string {
  const name = entity.metadata.name;
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  const annotations =
    namespace === DEFAULT_NAMESPACE
      ? ''
      : `
  annotations:
    ${SLO_ANNOTATIONS.entityRef}: component:${namespace}/${name}`;
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}-availability
  displayName: ${name} availability${annotations}
spec:
  service: ${name}
  description: Requests answered without a server error
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 28d
      isRolling: true
  objectives:
    - target: 0.999
  indicator:
    metadata:
      name: ${name}-requests
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{service="${name}", code!~"5.."}
        total:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{service="${name}"}
`;
}

function Code(props: { children: string }) {
  return (
    <code style={{ fontFamily: 'var(--bui-font-monospace, monospace)' }}>
      {props.children}
    </code>
  );
}

/** This component has no SLO: how to write one. */
export function AddSloHelp(props: { entity: Entity }) {
  const { entity } = props;
  const name = entity.metadata.name;
  return (
    <Alert
      status="info"
      icon
      title={`No SLOs for ${name} yet`}
      description={
        <Flex direction="column" gap="2">
          <Text as="p" variant="body-medium">
            Write an OpenSLO (or Sloth) definition whose{' '}
            <Code>spec.service</Code> is <Code>{name}</Code>, save it as{' '}
            <Code>{EXAMPLE_FILE}</Code> beside the component&apos;s{' '}
            <Code>catalog-info.yaml</Code>, and point the component at it with
            the annotation{' '}
            <Code>{`${SLO_DEFINITIONS_ANNOTATION}: ./${EXAMPLE_FILE}`}</Code>{' '}
            (or list the file under <Code>slo.definitions.files</Code> in the
            backend&apos;s app-config). It is evaluated in every enabled
            environment of the fleet, or in those the{' '}
            <Code>{SLO_ANNOTATIONS.environments}</Code> annotation names.
          </Text>
          <pre aria-label="Example OpenSLO definition" style={PRE}>
            {openSloExample(entity)}
          </pre>
        </Flex>
      }
    />
  );
}
