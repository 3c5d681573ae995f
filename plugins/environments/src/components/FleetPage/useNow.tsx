import {
  createContext,
  useContext,
  useEffect,
  useState,
  type ReactNode,
} from 'react';

const NowContext = createContext<Date | undefined>(undefined);

function useTicking(enabled: boolean, intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!enabled) return undefined;
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [enabled, intervalMs]);
  return now;
}

/**
 * One clock for every "N s ago" below it, so that a table of a hundred rows
 * runs one timer rather than a hundred.
 */
export function NowProvider(props: {
  children: ReactNode;
  intervalMs?: number;
}) {
  const now = useTicking(true, props.intervalMs ?? 1000);
  return (
    <NowContext.Provider value={now}>{props.children}</NowContext.Provider>
  );
}

/** The current time, renewed every second: from the nearest NowProvider, else its own timer. */
export function useNow(): Date {
  const shared = useContext(NowContext);
  const own = useTicking(shared === undefined, 1000);
  return shared ?? own;
}
