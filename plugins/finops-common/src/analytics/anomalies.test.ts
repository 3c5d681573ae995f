import { detectAnomalies } from './anomalies';
import { addDays, eachDay } from './calendar';
import { syntheticSeries } from './__testUtils__/synthetic';

const RANGE = { from: '2026-03-01', to: '2026-04-29' };

describe('detectAnomalies', () => {
  it('finds a planted spike and a planted drop, and nothing else', () => {
    const series = syntheticSeries({ from: '2026-01-01', days: 120, seed: 42 });
    // A Wednesday (truth 125) and a Saturday (truth 55).
    const planted = series.map(day => {
      if (day.date === '2026-03-18') {
        return { ...day, amount: day.amount + 80 };
      }
      if (day.date === '2026-04-11') {
        return { ...day, amount: 0 };
      }
      return day;
    });
    const anomalies = detectAnomalies(planted, { range: RANGE });
    expect(anomalies).toEqual([
      {
        date: '2026-03-18',
        amount: expect.any(Number),
        expected: expect.closeTo(125, -1),
        score: expect.any(Number),
        direction: 'spike',
      },
      {
        date: '2026-04-11',
        amount: 0,
        expected: expect.closeTo(55, -1),
        score: expect.any(Number),
        direction: 'drop',
      },
    ]);
    expect(anomalies[0].score).toBeGreaterThan(4);
    expect(anomalies[1].score).toBeLessThan(-4);
  });

  it('flags no day of normal weeks, quiet weekends included', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const series = syntheticSeries({ from: '2026-01-01', days: 120, seed });
      expect(
        detectAnomalies(series, {
          range: { from: '2026-03-02', to: '2026-03-08' },
        }),
      ).toEqual([]);
    }
  });

  it('flags few normal days over many months', () => {
    let flagged = 0;
    let judged = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const series = syntheticSeries({ from: '2026-01-01', days: 150, seed });
      flagged += detectAnomalies(series, {
        range: { from: '2026-03-01', to: '2026-05-30' },
      }).length;
      judged += 91;
    }
    expect(flagged / judged).toBeLessThan(0.005);
  });

  it('does not alarm on cents', () => {
    const series = eachDay({ from: '2026-01-01', to: '2026-03-31' }).map(
      date => ({ date, amount: 0.02 }),
    );
    series[80] = { ...series[80], amount: 3 };
    expect(detectAnomalies(series, { range: RANGE })).toEqual([]);
    expect(
      detectAnomalies(series, { range: RANGE, minChange: 1 }).map(a => a.date),
    ).toEqual([series[80].date]);
  });

  it('scores a change of a perfectly flat cost finitely', () => {
    const series = eachDay({ from: '2026-01-01', to: '2026-03-31' }).map(
      date => ({ date, amount: 1000 }),
    );
    series[70] = { ...series[70], amount: 1500 };
    const [anomaly] = detectAnomalies(series, { range: RANGE });
    expect(anomaly).toEqual({
      date: series[70].date,
      amount: 1500,
      expected: 1000,
      score: 25,
      direction: 'spike',
    });
  });

  it('counts the days a group had no cost once the data covers them', () => {
    // A service that stopped: its days without rows are drops to zero.
    const series = syntheticSeries({ from: '2026-01-01', days: 70, seed: 8 });
    const stopped = detectAnomalies(series, {
      range: { from: '2026-03-12', to: '2026-03-13' },
      historyStart: '2026-01-01',
    });
    expect(stopped.map(a => [a.date, a.direction])).toEqual([
      ['2026-03-12', 'drop'],
      ['2026-03-13', 'drop'],
    ]);
  });

  it('waits for two weeks of history before judging', () => {
    const series = syntheticSeries({ from: '2026-03-01', days: 20, seed: 9 });
    series[10] = { ...series[10], amount: 10_000 };
    expect(
      detectAnomalies(series, {
        range: { from: '2026-03-01', to: '2026-03-20' },
      }),
    ).toEqual([]);
    series[15] = { ...series[15], amount: 10_000 };
    expect(
      detectAnomalies(series, {
        range: { from: '2026-03-01', to: addDays('2026-03-01', 19) },
      }).map(a => a.date),
    ).toEqual(['2026-03-16']);
  });
});
