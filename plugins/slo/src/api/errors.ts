export const BACKEND_UNREACHABLE =
  'The SLO backend is not reachable: check that @multicloud/plugin-slo-backend is installed and the backend is running';

/** Long enough for a PromQL error, short enough to keep a proxy's HTML page off the screen. */
const MAX_LENGTH = 300;

/**
 * What to tell a person about a failed read: the server's own message when
 * the backend sent one (a `ResponseError` carries it as `cause`), else the
 * error's message.
 */
export function errorMessage(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  if (
    error.name === 'ResponseError' &&
    typeof cause === 'object' &&
    cause !== null &&
    typeof (cause as { message?: unknown }).message === 'string'
  ) {
    const message = (cause as { message: string }).message;
    if (message) return shorten(message);
  }
  return shorten(error.message);
}

function shorten(message: string): string {
  return message.length > MAX_LENGTH
    ? `${message.slice(0, MAX_LENGTH - 1)}…`
    : message;
}
