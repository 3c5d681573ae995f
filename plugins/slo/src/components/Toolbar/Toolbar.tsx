import type { ReactNode } from 'react';
import { Button, Flex, Text } from '@backstage/ui';
import { errorMessage } from '../../api';
import { shortAgo } from '../../lib/format';
import { useNow } from '../../lib/useNow';

function Ago(props: { at: Date }) {
  const now = useNow();
  return (
    <time dateTime={props.at.toISOString()} title={props.at.toLocaleString()}>
      {shortAgo(props.at, now)}
    </time>
  );
}

/** What is shown, when it was read, and a refresh button; `actions` go beside it. */
export function Toolbar(props: {
  summary: string;
  updatedAt?: Date;
  refreshing: boolean;
  onRefresh: () => void;
  actions?: ReactNode;
}) {
  const { summary, updatedAt, refreshing, onRefresh, actions } = props;
  return (
    <Flex justify="between" align="center" gap="3" style={{ flexWrap: 'wrap' }}>
      <Text as="p" variant="body-small" color="secondary" aria-live="polite">
        {summary}
        {updatedAt && (
          <>
            {' · updated '}
            <Ago at={updatedAt} />
          </>
        )}
        {' · refreshes every 30 s'}
      </Text>
      <Flex gap="2" align="center">
        {actions}
        <Button
          size="small"
          variant="secondary"
          onPress={onRefresh}
          isPending={refreshing}
        >
          Refresh
        </Button>
      </Flex>
    </Flex>
  );
}

/** The older value stays on screen; this says it is older and why. */
export function RefreshFailed(props: { error: Error; what: string }) {
  return (
    <Text as="p" variant="body-small" color="warning" role="status">
      Could not refresh {props.what}: {errorMessage(props.error)}. Showing what
      was read before.
    </Text>
  );
}
