import type { Money } from '@multicloud/plugin-finops-common';

const LOCALE = 'en-US';
const formats = new Map<string, Intl.NumberFormat>();

function currencyFormat(
  currency: string,
  options: { compact?: boolean; fraction: number },
): Intl.NumberFormat | undefined {
  const key = `${currency}|${options.compact ? 'c' : options.fraction}`;
  if (!formats.has(key)) {
    try {
      formats.set(
        key,
        new Intl.NumberFormat(LOCALE, {
          style: 'currency',
          currency,
          ...(options.compact
            ? {
                notation: 'compact',
                minimumFractionDigits: 0,
                maximumFractionDigits: 1,
              }
            : {
                minimumFractionDigits: options.fraction,
                maximumFractionDigits: options.fraction,
              }),
        }),
      );
    } catch {
      // Not an ISO 4217 code the browser knows: the caller writes the code.
      return undefined;
    }
  }
  return formats.get(key);
}

/**
 * An amount in its own currency: `$12,345`, `€1,234.56`. Cents show below
 * 1,000, where they still matter. A code the browser does not know is
 * written out: `12,345 XYZ`.
 */
export function formatMoney(
  amount: number,
  currency: string,
  options: { compact?: boolean; cents?: boolean } = {},
): string {
  const fraction = options.cents || Math.abs(amount) < 1000 ? 2 : 0;
  const format = currencyFormat(currency, {
    compact: options.compact,
    fraction,
  });
  if (format) return format.format(amount);
  const figure = new Intl.NumberFormat(LOCALE, {
    maximumFractionDigits: fraction,
    ...(options.compact ? { notation: 'compact' } : {}),
  }).format(amount);
  return `${figure} ${currency}`;
}

/** `+12.5 %`, `−3.0 %`; undefined when there is nothing to compare with. */
export function formatRatio(ratio: number | undefined): string | undefined {
  if (ratio === undefined || !Number.isFinite(ratio)) return undefined;
  const percent = new Intl.NumberFormat(LOCALE, {
    style: 'percent',
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(ratio);
  return percent;
}

/** `82 %` of a budget or a share. */
export function formatPercent(ratio: number): string {
  return new Intl.NumberFormat(LOCALE, {
    style: 'percent',
    maximumFractionDigits: ratio < 0.1 && ratio > 0 ? 1 : 0,
  }).format(ratio);
}

/** A signed amount: `+$1,200`, `−€30.50`. */
export function formatChange(amount: number, currency: string): string {
  const text = formatMoney(Math.abs(amount), currency);
  if (amount > 0) return `+${text}`;
  if (amount < 0) return `\u2212${text}`;
  return text;
}

/** `$12,345 · €3,400`: one figure per currency, side by side, never summed. */
export function formatMoneyList(list: Money[]): string {
  return list.map(m => formatMoney(m.amount, m.currency)).join(' · ');
}

/** The distinct currencies of a list, in alphabetical order. */
export function currenciesOf(items: Iterable<{ currency: string }>): string[] {
  return [...new Set([...items].map(item => item.currency))].sort();
}
