import { Alert, Button, Flex, Skeleton } from '@backstage/ui';
import { BACKEND_HINT, errorDetail } from '../../lib/errors';

/** A placeholder of roughly the size of what loads. */
export function Loading(props: { label: string; height?: number }) {
  return (
    <Flex
      direction="column"
      gap="2"
      role="status"
      aria-busy
      aria-label={props.label}
    >
      <Skeleton height={20} width="40%" />
      <Skeleton height={props.height ?? 120} />
    </Flex>
  );
}

/** Why a section could not load, what to check, and a way to try again. */
export function LoadError(props: {
  /** What could not be read: `the budgets`. */
  what: string;
  error: Error;
  onRetry: () => void;
  retrying?: boolean;
}) {
  return (
    <Alert
      status="danger"
      icon
      title={`Could not read ${props.what} from the FinOps backend`}
      description={`${errorDetail(props.error)}. ${BACKEND_HINT}`}
      customActions={
        <Button
          size="small"
          variant="secondary"
          onPress={props.onRetry}
          isPending={props.retrying}
        >
          Retry
        </Button>
      }
    />
  );
}
