import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { isoDay } from './dates';

const ClockContext = createContext<() => Date>(() => new Date());

/** Sets the clock of the views below: tests pin "today" with it. */
export function ClockProvider(props: { now: () => Date; children: ReactNode }) {
  return (
    <ClockContext.Provider value={props.now}>
      {props.children}
    </ClockContext.Provider>
  );
}

/** Today as `YYYY-MM-DD` (UTC, as billing days are), read once per render tree. */
export function useToday(): string {
  const now = useContext(ClockContext);
  return useMemo(() => isoDay(now()), [now]);
}
