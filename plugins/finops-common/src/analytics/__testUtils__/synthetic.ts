import { addDays, isoWeekday } from '../calendar';
import type { DailyAmount } from '../forecast';

/** A seeded pseudo-random generator (mulberry32): uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws from a uniform generator (Box-Muller). */
export function seededNormal(seed: number): () => number {
  const uniform = seededRandom(seed);
  return () =>
    Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** Extra cost of each ISO weekday (Monday first) over the base. */
export const OFFICE_WEEK = [20, 25, 25, 20, 10, -45, -55];

/**
 * Daily costs from `from` on: `base` plus the weekday pattern plus normal
 * noise of `sigma`, so the truth behind every day is known.
 */
export function syntheticSeries(options: {
  from: string;
  days: number;
  seed: number;
  base?: number;
  sigma?: number;
  week?: readonly number[];
  slope?: number;
}): DailyAmount[] {
  const {
    from,
    days,
    seed,
    base = 100,
    sigma = 8,
    week = OFFICE_WEEK,
    slope = 0,
  } = options;
  const noise = seededNormal(seed);
  return Array.from({ length: days }, (_, i) => {
    const date = addDays(from, i);
    return {
      date,
      amount: base + slope * i + week[isoWeekday(date) - 1] + sigma * noise(),
    };
  });
}
