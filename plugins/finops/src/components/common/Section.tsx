import type { ReactNode } from 'react';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';

/**
 * One part of a costs view with its own title, controls and state: it loads
 * and fails on its own, so the rest of the page stays.
 */
export function Section(props: {
  id: string;
  title: string;
  description?: ReactNode;
  /** Selectors and the CSV button, top right. */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { id, title, description, actions, children } = props;
  return (
    <Card
      style={{ height: '100%', overflow: 'visible' }}
      role="region"
      aria-labelledby={id}
    >
      <CardHeader>
        <Flex
          justify="between"
          align="start"
          gap="3"
          style={{ flexWrap: 'wrap' }}
        >
          <Flex direction="column" gap="1" style={{ minWidth: 200, flex: 1 }}>
            <Text as="h2" id={id} variant="title-x-small" weight="bold">
              {title}
            </Text>
            {description && (
              <Text as="p" variant="body-small" color="secondary">
                {description}
              </Text>
            )}
          </Flex>
          {actions && (
            <Flex gap="2" align="end" style={{ flexWrap: 'wrap' }}>
              {actions}
            </Flex>
          )}
        </Flex>
      </CardHeader>
      <CardBody>{children}</CardBody>
    </Card>
  );
}
