/** Told with every failed read: what a person can check. */
export const BACKEND_HINT =
  'Check that @multicloud/plugin-finops-backend is installed and the backend is running.';

/**
 * The server's own message of a failed request, with its status: the
 * `ResponseError` of `@backstage/errors` keeps it in `cause`.
 */
export function errorDetail(error: Error): string {
  const { cause, statusCode } = error as Error & {
    cause?: { message?: unknown };
    statusCode?: number;
  };
  const serverMessage =
    error.name === 'ResponseError' &&
    typeof cause?.message === 'string' &&
    cause.message
      ? cause.message
      : undefined;
  if (serverMessage) return `${serverMessage} (HTTP ${statusCode})`;
  return error.message;
}
