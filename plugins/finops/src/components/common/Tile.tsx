import type { ReactNode } from 'react';
import { Card, CardBody, Flex, Text } from '@backstage/ui';

export const LABEL_STYLE = {
  textTransform: 'uppercase',
  letterSpacing: 0.5,
} as const;

/** A labelled figure with a line of detail: the tiles of the summary. */
export function Tile(props: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  accent?: string;
}) {
  const { label, value, detail, accent } = props;
  return (
    <Card
      role="group"
      aria-label={label}
      style={{
        height: '100%',
        borderTop: accent ? `4px solid ${accent}` : undefined,
      }}
    >
      <CardBody>
        <Flex direction="column" gap="1">
          <Text
            as="span"
            variant="body-x-small"
            weight="bold"
            color="secondary"
            style={LABEL_STYLE}
          >
            {label}
          </Text>
          <Text as="span" variant="title-small" weight="bold">
            {value}
          </Text>
          {detail && (
            <Text as="div" variant="body-small" color="secondary">
              {detail}
            </Text>
          )}
        </Flex>
      </CardBody>
    </Card>
  );
}
