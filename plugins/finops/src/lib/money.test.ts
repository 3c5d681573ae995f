import {
  formatChange,
  formatMoney,
  formatMoneyList,
  formatPercent,
  formatRatio,
} from './money';

describe('formatMoney', () => {
  it('writes each amount in its own currency', () => {
    expect(formatMoney(12345.67, 'USD')).toBe('$12,346');
    expect(formatMoney(12345.67, 'EUR')).toBe('€12,346');
    expect(formatMoney(999.5, 'EUR')).toBe('€999.50');
    expect(formatMoney(1234, 'JPY')).toBe('¥1,234');
  });

  it('writes the code of a currency the browser does not know', () => {
    expect(formatMoney(1500, 'XQQ1')).toBe('1,500 XQQ1');
  });

  it('writes short figures for chart axes', () => {
    expect(formatMoney(120000, 'USD', { compact: true })).toBe('$120K');
  });
});

describe('the other formats', () => {
  it('lists currencies side by side', () => {
    expect(
      formatMoneyList([
        { currency: 'USD', amount: 1200 },
        { currency: 'EUR', amount: 300 },
      ]),
    ).toBe('$1,200 · €300.00');
  });

  it('signs changes', () => {
    expect(formatRatio(0.125)).toBe('+12.5%');
    expect(formatRatio(-0.03)).toBe('-3.0%');
    expect(formatRatio(undefined)).toBeUndefined();
    expect(formatChange(-30.5, 'EUR')).toBe('\u2212€30.50');
    expect(formatChange(1200, 'USD')).toBe('+$1,200');
    expect(formatPercent(0.82)).toBe('82%');
    expect(formatPercent(0.042)).toBe('4.2%');
  });
});
