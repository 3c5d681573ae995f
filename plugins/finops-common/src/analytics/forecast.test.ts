import { addDays, monthOf, quarterOf } from './calendar';
import {
  fitDailyCostModel,
  forecastDays,
  forecastPeriodTotal,
  type DailyAmount,
} from './forecast';
import { syntheticSeries } from './__testUtils__/synthetic';

function sumOf(series: readonly DailyAmount[], from: string, to: string) {
  return series
    .filter(day => day.date >= from && day.date <= to)
    .reduce((sum, day) => sum + day.amount, 0);
}

/** Share of back-tests whose interval holds the true total of the period. */
function coverage(
  periodOf: (day: string) => { from: string; to: string },
  confidence?: number,
) {
  const trials = 300;
  let covered = 0;
  for (let seed = 1; seed <= trials; seed++) {
    const series = syntheticSeries({ from: '2025-11-01', days: 160, seed });
    // Eight weeks of history, then an as-of day that moves through the month.
    const asOf = addDays('2025-11-01', 55 + (seed % 31));
    const model = fitDailyCostModel(series, { asOf });
    const period = periodOf(asOf);
    const forecast = forecastPeriodTotal(series, model, period, confidence);
    const truth = sumOf(series, period.from, period.to);
    if (truth >= forecast.lower && truth <= forecast.upper) {
      covered++;
    }
  }
  return covered / trials;
}

describe('forecast', () => {
  it('covers the true month total about as often as its confidence says', () => {
    expect(coverage(monthOf)).toBeGreaterThan(0.73);
    expect(coverage(monthOf)).toBeLessThan(0.87);
    const at95 = coverage(monthOf, 0.95);
    expect(at95).toBeGreaterThan(0.9);
    expect(at95).toBeLessThan(0.99);
  });

  it('covers the true quarter total about as often as its confidence says', () => {
    const share = coverage(quarterOf);
    expect(share).toBeGreaterThan(0.73);
    expect(share).toBeLessThan(0.87);
  });

  it('knows what a month of the pattern costs', () => {
    const series = syntheticSeries({ from: '2026-01-01', days: 90, seed: 7 });
    const asOf = '2026-03-10';
    const model = fitDailyCostModel(series, { asOf });
    expect(model.days).toBe(56);
    const forecast = forecastPeriodTotal(series, model, monthOf(asOf));
    expect(forecast).toMatchObject({
      periodEnd: '2026-03-31',
      actual: expect.closeTo(sumOf(series, '2026-03-01', asOf), 6),
      confidence: 0.8,
    });
    // The 21 days left: 3 of each weekday at base 100, the week sums to 0.
    expect(forecast.expected - forecast.actual).toBeGreaterThan(2100 * 0.95);
    expect(forecast.expected - forecast.actual).toBeLessThan(2100 * 1.05);
    expect(forecast.lower).toBeLessThan(forecast.expected);
    expect(forecast.upper).toBeGreaterThan(forecast.expected);
  });

  it('does not extrapolate a one-off day', () => {
    const series = syntheticSeries({ from: '2026-01-01', days: 56, seed: 13 });
    const spiked = series.map((day, i) =>
      i === 50 ? { ...day, amount: day.amount + 2000 } : day,
    );
    const asOf = '2026-02-25';
    const clean = fitDailyCostModel(series, { asOf });
    const model = fitDailyCostModel(spiked, { asOf });
    const month = { from: '2026-02-26', to: '2026-03-25' };
    const expected = clean.predictTotal(month);
    const predicted = model.predictTotal(month);
    // Left alone, the spike would add about 4600 (level and slope).
    expect(Math.abs(predicted.expected - expected.expected)).toBeLessThan(
      0.05 * expected.expected,
    );
    expect(predicted.upper - predicted.lower).toBeLessThan(
      1.2 * (expected.upper - expected.lower),
    );
  });

  it('learns the weekday pattern', () => {
    const series = syntheticSeries({ from: '2026-01-01', days: 60, seed: 3 });
    const model = fitDailyCostModel(series, { asOf: '2026-03-01' });
    // Tuesday and Sunday: 125 and 45 in truth.
    expect(model.predictDay('2026-03-03').expected).toBeCloseTo(125, -1);
    expect(model.predictDay('2026-03-08').expected).toBeCloseTo(45, -1);
  });

  it('follows a trend', () => {
    const series = syntheticSeries({
      from: '2026-01-01',
      days: 56,
      seed: 5,
      slope: 2,
      sigma: 2,
    });
    const model = fitDailyCostModel(series, { asOf: '2026-02-25' });
    // Day 70 of the series (a Thursday, +20): 100 + 2 * 70 + 20.
    const day = model.predictDay(addDays('2026-01-01', 70));
    expect(day.expected).toBeCloseTo(260, -1);
    expect(day.lower).toBeLessThan(260);
    expect(day.upper).toBeGreaterThan(260);
  });

  it('widens the interval with the days left', () => {
    const series = syntheticSeries({ from: '2026-01-01', days: 56, seed: 11 });
    const model = fitDailyCostModel(series, { asOf: '2026-02-25' });
    const week = model.predictTotal({ from: '2026-02-26', to: '2026-03-04' });
    const month = model.predictTotal({ from: '2026-02-26', to: '2026-03-25' });
    expect(month.upper - month.lower).toBeGreaterThan(
      2 * (week.upper - week.lower),
    );
    const days = forecastDays(model, { from: '2026-02-20', to: '2026-03-31' });
    expect(days[0].date).toBe('2026-02-26');
    expect(days).toHaveLength(34);
    expect(days[33].upper! - days[33].lower!).toBeGreaterThan(
      days[0].upper! - days[0].lower!,
    );
  });

  it('stays sensible with three days of history', () => {
    const series = [
      { date: '2026-03-01', amount: 100 },
      { date: '2026-03-02', amount: 100 },
      { date: '2026-03-03', amount: 100 },
    ];
    const model = fitDailyCostModel(series, { asOf: '2026-03-03' });
    const forecast = forecastPeriodTotal(series, model, monthOf('2026-03-03'));
    expect(forecast.actual).toBe(300);
    expect(forecast.expected).toBeCloseTo(3100, 6);
    // Equal days promise no certainty: at least 10% either way.
    expect(forecast.upper - forecast.expected).toBeGreaterThan(280);
    expect(forecast.lower).toBeLessThan(forecast.expected - 280);
    expect(forecast.lower).toBeGreaterThanOrEqual(forecast.actual);
  });

  it('never puts the lower bound below what is already spent', () => {
    const series = [
      { date: '2026-03-01', amount: 900 },
      { date: '2026-03-02', amount: 5 },
    ];
    const model = fitDailyCostModel(series, { asOf: '2026-03-02' });
    const forecast = forecastPeriodTotal(series, model, monthOf('2026-03-02'));
    expect(forecast.lower).toBe(905);
    expect(forecast.expected).toBeGreaterThan(forecast.lower);
    for (const day of forecastDays(model, monthOf('2026-03-02'))) {
      expect(day.lower).toBeGreaterThanOrEqual(0);
    }
  });

  it('counts a day without cost as zero once the data covers it', () => {
    const series = [{ date: '2026-03-10', amount: 70 }];
    const alone = fitDailyCostModel(series, { asOf: '2026-03-16' });
    expect(alone.days).toBe(7);
    expect(alone.predictDay('2026-03-17').expected).toBeCloseTo(10, 6);
    const covered = fitDailyCostModel(series, {
      asOf: '2026-03-16',
      historyStart: '2026-03-01',
    });
    expect(covered.days).toBe(16);
  });

  it('is exact at the end of the period and empty without history', () => {
    const series = syntheticSeries({ from: '2026-03-01', days: 31, seed: 2 });
    const model = fitDailyCostModel(series, { asOf: '2026-03-31' });
    const forecast = forecastPeriodTotal(series, model, monthOf('2026-03-31'));
    expect(forecast.lower).toBe(forecast.actual);
    expect(forecast.upper).toBe(forecast.actual);

    const none = fitDailyCostModel([], { asOf: '2026-03-31' });
    expect(forecastPeriodTotal([], none, quarterOf('2026-03-15'))).toEqual({
      periodEnd: '2026-03-31',
      actual: 0,
      expected: 0,
      lower: 0,
      upper: 0,
      confidence: 0.8,
    });
  });

  it('refuses a confidence outside (0, 1)', () => {
    const model = fitDailyCostModel([{ date: '2026-03-01', amount: 1 }], {
      asOf: '2026-03-01',
    });
    expect(() => model.predictDay('2026-03-02', 80)).toThrow(
      'confidence must be between 0 and 1 (exclusive), got 80',
    );
  });
});
