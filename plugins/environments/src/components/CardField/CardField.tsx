import type { ReactNode } from 'react';
import { Flex, Grid, Text } from '@backstage/ui';

/** The two-column grid of the environment cards, one column on small screens. */
export const CARD_COLUMNS = { initial: '1', sm: '2' } as const;

/** A labelled value of an environment card, in the style of the catalog's About card. */
export function CardField(props: {
  label: string;
  children: ReactNode;
  /** Lists take the whole width so they wrap less. */
  wide?: boolean;
  bold?: boolean;
}) {
  const { label, children, wide, bold } = props;
  return (
    <Grid.Item colSpan={wide ? CARD_COLUMNS : undefined}>
      <Flex direction="column" gap="1" role="group" aria-label={label}>
        <Text
          as="span"
          variant="body-x-small"
          weight="bold"
          color="secondary"
          style={{ textTransform: 'uppercase', letterSpacing: 0.5 }}
        >
          {label}
        </Text>
        <Text as="div" variant="body-medium" weight={bold ? 'bold' : undefined}>
          {children}
        </Text>
      </Flex>
    </Grid.Item>
  );
}
