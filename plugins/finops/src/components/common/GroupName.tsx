import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Text } from '@backstage/ui';
import { environmentEntityRef } from '@multicloud/plugin-environments-common';
import type { CostDimension } from '@multicloud/plugin-finops-common';
import { keyLabel } from '../../lib/labels';

/**
 * The name of a group: environments and components link to their catalog
 * page, a missing value reads as what is missing.
 */
export function GroupName(props: {
  dimension: CostDimension;
  value: string | null;
}) {
  const { dimension, value } = props;
  const label = keyLabel(dimension, value);
  if (value === null) {
    return (
      <Text as="span" variant="body-small" color="warning" weight="bold">
        {label}
      </Text>
    );
  }
  if (dimension === 'environment' || dimension === 'entity') {
    return (
      <EntityRefLink
        entityRef={
          dimension === 'environment' ? environmentEntityRef(value) : value
        }
        hideIcon
      >
        {label}
      </EntityRefLink>
    );
  }
  return <>{label}</>;
}
