import type { SloWindow } from '@multicloud/plugin-slo-common';

export const DASH = '—';

const PERCENT_FORMATS = new Map<number, Intl.NumberFormat>();

function percentFormat(digits: number): Intl.NumberFormat {
  let format = PERCENT_FORMATS.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'percent',
      maximumFractionDigits: digits,
    });
    PERCENT_FORMATS.set(digits, format);
  }
  return format;
}

/**
 * Error budget left as a percentage: `12%`, `3.4%`, `-35%` (overspent).
 * Small figures keep a decimal, since 0.4 % and 0 % mean different things.
 */
export function formatBudget(fraction: number | undefined): string {
  if (fraction === undefined || !Number.isFinite(fraction)) return DASH;
  return percentFormat(Math.abs(fraction) < 0.1 ? 1 : 0).format(fraction);
}

/**
 * An SLI or an objective: `99.9%`, `99.95%`, `99.987%`. Objectives are close
 * to 100 %, so decimals carry the meaning and are kept up to three.
 */
export function formatRatio(fraction: number | undefined): string {
  if (fraction === undefined || !Number.isFinite(fraction)) return DASH;
  return percentFormat(3).format(fraction);
}

const RATE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const SMALL_RATE = new Intl.NumberFormat('en-US', {
  maximumFractionDigits: 2,
});

/** A burn rate as a multiple of the sustainable rate: `14.4×`, `0.25×`. */
export function formatBurnRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) {
    return 'no data';
  }
  return `${(Math.abs(rate) < 1 ? SMALL_RATE : RATE).format(rate)}×`;
}

/** `rolling 28d`, `calendar 1M`. */
export function formatWindow(window: SloWindow): string {
  return `${window.kind} ${window.duration}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `12 s ago`, `3 min ago`, `2 h ago`, `4 d ago`; times in the future read `just now`. */
export function shortAgo(then: Date, now: Date): string {
  const seconds = Math.floor((now.getTime() - then.getTime()) / 1000);
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86400)} d ago`;
}

/** A valid date from an ISO string, or undefined. */
export function parseTime(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
