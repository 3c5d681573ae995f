import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Text } from '@backstage/ui';
import { environmentEntityRef } from '@multicloud/plugin-environments-common';
import type { CostDimension } from '@multicloud/plugin-finops-common';
import { keyLabel } from '../../lib/labels';

// A key that is not a full ref (an older backend, a hand-made source)
// shows as text: a link that cannot be built must not break the page.
function isEntityRef(value: string): boolean {
  try {
    parseEntityRef(value);
    return true;
  } catch {
    return false;
  }
}

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
  const entityRef =
    dimension === 'environment' ? environmentEntityRef(value) : value;
  if (
    (dimension === 'environment' || dimension === 'entity') &&
    isEntityRef(entityRef)
  ) {
    return (
      <EntityRefLink entityRef={entityRef} hideIcon>
        {label}
      </EntityRefLink>
    );
  }
  return <>{label}</>;
}
