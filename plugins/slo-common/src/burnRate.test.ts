import type { BurnRate } from './api';
import {
  budgetRemaining,
  burnRate,
  burnRateStatus,
  DEFAULT_BURN_RATE_WINDOWS,
  errorBudget,
  sloState,
} from './burnRate';

describe('burn-rate arithmetic', () => {
  it('follows the SRE workbook', () => {
    expect(errorBudget(0.999)).toBeCloseTo(0.001, 12);
    expect(burnRate(0.0144, 0.999)).toBeCloseTo(14.4, 9);
    expect(budgetRemaining(0.9995, 0.999)).toBeCloseTo(0.5, 9);
    expect(budgetRemaining(0.998, 0.999)).toBeCloseTo(-1, 9);
    expect(budgetRemaining(1, 0.999)).toBe(1);
  });

  it('spends 2 % and 5 % of a 30-day budget in the page windows, 10 % in the ticket windows', () => {
    const spent = DEFAULT_BURN_RATE_WINDOWS.map(
      w =>
        (w.factor *
          Number.parseInt(w.long, 10) *
          (w.long.endsWith('d') ? 24 : 1)) /
        (30 * 24),
    );
    expect(spent.map(s => Number(s.toFixed(3)))).toEqual([
      0.02, 0.05, 0.1, 0.1,
    ]);
  });

  it('fires when both windows burn faster than the factor', () => {
    const [page] = DEFAULT_BURN_RATE_WINDOWS;
    expect(burnRateStatus(page, 20, 15).firing).toBe(true);
    expect(burnRateStatus(page, 20, 14.4).firing).toBe(false);
    expect(burnRateStatus(page, 10, 20).firing).toBe(false);
    expect(burnRateStatus(page, null, 20)).toEqual({
      long: '1h',
      short: '5m',
      factor: 14.4,
      severity: 'page',
      longRate: null,
      shortRate: 20,
      firing: false,
    });
  });
});

describe('sloState', () => {
  const burn = (severity: BurnRate['severity'], firing: boolean) => ({
    severity,
    firing,
  });

  it.each([
    ['no-data without an SLI', { burnRates: [] }, 'no-data'],
    ['no-data for NaN', { sli: Number.NaN, burnRates: [] }, 'no-data'],
    [
      'ok with budget left and nothing firing',
      { sli: 0.9995, budgetRemaining: 0.5, burnRates: [burn('page', false)] },
      'ok',
    ],
    [
      'warning under a quarter of the budget',
      { sli: 0.9998, budgetRemaining: 0.2, burnRates: [] },
      'warning',
    ],
    [
      'ok at exactly a quarter',
      { sli: 0.9998, budgetRemaining: 0.25, burnRates: [] },
      'ok',
    ],
    [
      'warning when a ticket alert fires',
      { sli: 0.9999, budgetRemaining: 0.9, burnRates: [burn('ticket', true)] },
      'warning',
    ],
    [
      'breached when a page alert fires',
      {
        sli: 0.9999,
        budgetRemaining: 0.9,
        burnRates: [burn('ticket', true), burn('page', true)],
      },
      'breached',
    ],
    [
      'breached when the budget is spent',
      { sli: 0.999, budgetRemaining: 0, burnRates: [] },
      'breached',
    ],
    [
      'breached when overspent',
      { sli: 0.99, budgetRemaining: -9, burnRates: [] },
      'breached',
    ],
  ] as const)('%s', (_, input, expected) => {
    expect(sloState(input)).toBe(expected);
  });
});
