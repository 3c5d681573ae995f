import { useMemo, type ReactNode } from 'react';
import { DEFAULT_NAMESPACE } from '@backstage/catalog-model';
import {
  EntityInfoCard,
  EntityRefLink,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { Badge, Flex, Grid, Tag, TagGroup, Text } from '@backstage/ui';
import { environmentEntityRef } from '@multicloud/plugin-environments-common';
import {
  budgetLabel,
  environmentTypeLabel,
  flavourLabel,
  hciPlatformLabel,
  providerLabel,
  readEnvironment,
  regionLabel,
  roleLabel,
  type EnvironmentDetails,
  type EnvironmentLink,
} from '../../lib/environment';
import { CardField, CARD_COLUMNS } from '../CardField';

const COLUMNS = CARD_COLUMNS;
const MONOSPACE = { fontFamily: 'var(--bui-font-monospace, monospace)' };

interface Row {
  label: string;
  value: ReactNode;
  /** Lists take the whole width so they wrap less. */
  wide?: boolean;
}

function NetworkLinks(props: { links: EnvironmentLink[]; namespace: string }) {
  const { links, namespace } = props;
  return (
    <Flex direction="column" gap="1">
      {links.map(link => (
        <Flex key={link.to} gap="2" align="baseline">
          <EntityRefLink
            entityRef={environmentEntityRef(link.to, namespace)}
            hideIcon
          >
            {link.to}
          </EntityRefLink>
          {link.cost !== undefined && (
            <Text
              as="span"
              variant="body-small"
              weight="regular"
              color="secondary"
            >
              cost {link.cost}
            </Text>
          )}
        </Flex>
      ))}
    </Flex>
  );
}

function rows(env: EnvironmentDetails, namespace: string): Row[] {
  // `cond && row` keeps the list readable; falsy entries are the rows without data.
  const result: Array<Row | false | undefined | ''> = [
    env.provider && { label: 'Provider', value: providerLabel(env.provider) },
    env.region && {
      label: 'Region',
      value: regionLabel(env.provider, env.region),
    },
    env.role && { label: 'Role', value: roleLabel(env.role) },
    env.type && { label: 'Type', value: environmentTypeLabel(env.type) },
    (env.kubernetesFlavour || env.kubernetesVersion) && {
      label: 'Kubernetes',
      value: [
        env.kubernetesFlavour && flavourLabel(env.kubernetesFlavour),
        env.kubernetesVersion,
      ]
        .filter(Boolean)
        .join(' '),
    },
    env.nodeCount !== undefined && {
      label: 'Nodes',
      value: env.nodeCount === 1 ? '1 node' : `${env.nodeCount} nodes`,
    },
    env.networkCidr && {
      label: 'Network CIDR',
      value: <code style={MONOSPACE}>{env.networkCidr}</code>,
    },
    env.rolloutWave !== undefined && {
      label: 'Rollout wave',
      value: `Wave ${env.rolloutWave}`,
    },
    env.hciPlatform && {
      label: 'HCI platform',
      value: hciPlatformLabel(env.hciPlatform),
    },
    env.hciCluster && { label: 'HCI cluster', value: env.hciCluster },
    env.arcEnabled !== undefined && {
      label: 'Azure Arc',
      value: env.arcEnabled ? 'Enabled' : 'Not enabled',
    },
    env.arcResourceGroup && {
      label: 'Arc resource group',
      value: env.arcResourceGroup,
    },
    env.arcLocation && {
      label: 'Arc location',
      value: regionLabel('azure', env.arcLocation),
    },
    env.budgetMonthly !== undefined && {
      label: 'Monthly budget',
      value: budgetLabel(env.budgetMonthly, env.currency),
    },
    env.costAccounts.length > 0 && {
      label: env.costAccounts.length === 1 ? 'Cost account' : 'Cost accounts',
      value: (
        <Flex direction="column" gap="0.5">
          {env.costAccounts.map(account => (
            <code key={account} style={MONOSPACE}>
              {account}
            </code>
          ))}
        </Flex>
      ),
    },
    env.components.length > 0 && {
      label: 'Components',
      wide: true,
      value: (
        <TagGroup aria-label="Components">
          {env.components.map(component => (
            <Tag key={component} id={component} size="small">
              {component}
            </Tag>
          ))}
        </TagGroup>
      ),
    },
    env.links.length > 0 && {
      label: 'Network links',
      wide: true,
      value: <NetworkLinks links={env.links} namespace={namespace} />,
    },
  ];
  return result.filter((row): row is Row => Boolean(row));
}

/**
 * What the fleet file says about one environment, in words rather than raw
 * annotations: where it runs, what it runs, what it may cost and which other
 * environments it talks to.
 */
export function EnvironmentOverviewCard() {
  const { entity } = useEntity();
  const env = useMemo(() => readEnvironment(entity), [entity]);
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  const fields = rows(env, namespace);

  return (
    <EntityInfoCard
      title="Environment"
      headerActions={env.enabled ? undefined : <Badge>Disabled</Badge>}
    >
      {fields.length === 0 ? (
        <Text as="p" color="secondary">
          The fleet file gives no details for this environment.
        </Text>
      ) : (
        <Grid.Root columns={COLUMNS} gap="3">
          {fields.map(field => (
            <CardField
              bold
              key={field.label}
              label={field.label}
              wide={field.wide}
            >
              {field.value}
            </CardField>
          ))}
        </Grid.Root>
      )}
    </EntityInfoCard>
  );
}
