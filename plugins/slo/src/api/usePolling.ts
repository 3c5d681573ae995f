import { useCallback, useEffect, useRef, useState } from 'react';

/** How often SLO status is read again; the backend caches its evaluations about as long. */
export const REFRESH_INTERVAL_MS = 30_000;

/** What a polled read has produced so far. */
export interface Polled<T> {
  /** The latest value read; stays while a refresh runs or after one fails. */
  value?: T;
  /** Why nothing could be read: set only while there is no value to show. */
  error?: Error;
  /** Why the latest refresh failed, while the older value stays on screen. */
  refreshError?: Error;
  /** True until the first read has finished. */
  loading: boolean;
  /** True while a read runs after the first one. */
  refreshing: boolean;
  /** When `value` was read. */
  updatedAt?: Date;
  /** Reads again now (unless a read is under way). */
  refresh: () => void;
}

type State<T> = Omit<Polled<T>, 'refresh'>;

function toError(e: unknown): Error {
  if (e instanceof Error) return e;
  // Errors from another realm (an iframe, a test environment) fail instanceof.
  if (typeof e === 'object' && e !== null && 'message' in e) {
    const error = new Error(String((e as { message: unknown }).message));
    error.name = String((e as { name?: unknown }).name ?? 'Error');
    return error;
  }
  return new Error(String(e));
}

function pageHidden(): boolean {
  return typeof document !== 'undefined' && document.hidden;
}

/**
 * Reads `load` once and again every `intervalMs`, without ever dropping what
 * is on screen: a failed refresh is reported next to the older value. Reads
 * never overlap, and while the browser tab is hidden the timer skips them;
 * coming back to a tab whose data are older than one interval reads at once.
 *
 * `key` identifies what is read: when it changes, the state starts over.
 */
export function usePolling<T>(
  load: () => Promise<T>,
  options: { key: string; intervalMs?: number },
): Polled<T> {
  const { key, intervalMs = REFRESH_INTERVAL_MS } = options;
  const [state, setState] = useState<State<T>>({
    loading: true,
    refreshing: false,
  });
  const loadRef = useRef(load);
  loadRef.current = load;
  // Each key (and unmount) starts a new generation; late answers of an older
  // one are dropped rather than shown under the wrong name.
  const generation = useRef(0);
  const inFlight = useRef(false);
  const updatedAt = useRef<number | undefined>(undefined);

  const run = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    const current = generation.current;
    setState(s => (s.loading ? s : { ...s, refreshing: true }));
    try {
      const value = await loadRef.current();
      if (current !== generation.current) return;
      updatedAt.current = Date.now();
      setState({
        value,
        loading: false,
        refreshing: false,
        updatedAt: new Date(updatedAt.current),
      });
    } catch (e) {
      if (current !== generation.current) return;
      const error = toError(e);
      setState(s =>
        s.value === undefined
          ? { loading: false, refreshing: false, error }
          : { ...s, refreshing: false, refreshError: error },
      );
    } finally {
      if (current === generation.current) inFlight.current = false;
    }
  }, []);

  useEffect(() => {
    generation.current += 1;
    inFlight.current = false;
    updatedAt.current = undefined;
    setState({ loading: true, refreshing: false });
    run();
    const timer = setInterval(() => {
      if (!pageHidden()) run();
    }, intervalMs);
    const onVisible = () => {
      const last = updatedAt.current;
      if (
        !pageHidden() &&
        (last === undefined || Date.now() - last >= intervalMs)
      ) {
        run();
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      generation.current += 1;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [key, intervalMs, run]);

  const refresh = useCallback(() => {
    run();
  }, [run]);

  return { ...state, refresh };
}
