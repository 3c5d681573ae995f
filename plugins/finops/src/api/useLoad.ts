import { useCallback, useEffect, useRef, useState } from 'react';

/** What one read has produced so far. */
export interface Loaded<T> {
  value?: T;
  /** Why the read failed; the section shows it with a way to retry. */
  error?: Error;
  /** True while a read runs. */
  loading: boolean;
  /** Reads again. */
  retry: () => void;
}

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

/**
 * Reads `load` whenever `key` changes (a new range, grouping or filter),
 * and again on `retry`. Each section of a page has its own, so one failed
 * read never blanks the others. Costs change only when the backend ingests
 * new exports, so nothing polls.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<Omit<Loaded<T>, 'retry'>>({
    loading: true,
  });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    // What was read for another key is not shown under this one, and
    // answers that arrive after the key moved on are dropped.
    let current = true;
    setState({ loading: true });
    loadRef.current().then(
      value => {
        if (current) setState({ value, loading: false });
      },
      e => {
        if (current) setState({ loading: false, error: toError(e) });
      },
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt(a => a + 1), []);
  return { ...state, retry };
}
