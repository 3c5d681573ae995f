/**
 * The SLI series of a fleet as OpenMetrics text, the input of `promtool
 * tsdb create-blocks-from openmetrics`.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Environment } from '@multicloud/plugin-environments-common';
import {
  ABSENT,
  DEFAULT_AHEAD_MINUTES,
  ENVIRONMENT_LABEL,
  SERVICE_LABEL,
  alignNow,
  planSeries,
  type SeriesPair,
} from './design';
import { PairModel, type CounterName } from './model';

/** Options of {@link openMetricsChunks} and {@link writeOpenMetrics}. */
export interface SliSeriesOptions {
  /** The fleet: series are written for the sample services each enabled environment runs. */
  environments: ReadonlyArray<Environment>;
  /** The time the design is relative to; rounded down to 5 minutes. */
  now: Date;
  /** Minutes of samples after `now`; default two days. */
  aheadMinutes?: number;
}

/** What was written. */
export interface SeriesStats {
  /** `now` as used (rounded down to 5 minutes). */
  now: Date;
  series: number;
  /** Series with a sample at `now` (the others are in a gap). */
  seriesAtNow: number;
  samples: number;
  /** Unix seconds of the first and last sample; unset without samples. */
  firstTimestamp?: number;
  lastTimestamp?: number;
}

const CHUNK_CHARS = 1 << 20;

function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join(',');
}

interface SeriesOut {
  name: string;
  labels: Record<string, string>;
  counter: CounterName | 'ok';
  scale?: number;
}

/** The series of one family for one pair. */
function seriesOf(
  pair: SeriesPair,
  family: 'requests' | 'latency',
): SeriesOut[] {
  const base = {
    [SERVICE_LABEL]: pair.service,
    [ENVIRONMENT_LABEL]: pair.environment,
  };
  if (family === 'requests') {
    const requests = pair.metrics.requests!;
    return [
      {
        name: `${requests.family}_total`,
        labels: { ...base, [requests.label]: requests.ok },
        counter: 'ok',
      },
      {
        name: `${requests.family}_total`,
        labels: { ...base, [requests.label]: requests.error },
        counter: 'errors',
      },
    ];
  }
  const latency = pair.metrics.latency!;
  return [
    ...latency.buckets.map(
      (bound, i): SeriesOut => ({
        name: `${latency.family}_bucket`,
        labels: { ...base, le: String(bound) },
        counter: `bucket${i}`,
      }),
    ),
    {
      name: `${latency.family}_bucket`,
      labels: { ...base, le: '+Inf' },
      counter: 'requests',
    },
    { name: `${latency.family}_count`, labels: base, counter: 'requests' },
    {
      name: `${latency.family}_sum`,
      labels: base,
      counter: 'sumMs',
      scale: 1000,
    },
  ];
}

/**
 * The OpenMetrics text in chunks of about a megabyte: per metric family its
 * `# TYPE` and `# HELP`, then each series with its samples in time order;
 * `# EOF` last. Deterministic: the same fleet and `now` give the same text.
 * The generator returns what it wrote.
 */
export function* openMetricsChunks(
  options: SliSeriesOptions,
): Generator<string, SeriesStats> {
  const now = alignNow(options.now);
  const nowSeconds = now.getTime() / 1000;
  const aheadMinutes = options.aheadMinutes ?? DEFAULT_AHEAD_MINUTES;
  const models = planSeries(options.environments)
    .filter(pair => pair.scenario !== ABSENT)
    .map(pair => PairModel.create(pair, { aheadMinutes }));
  const minutesOf = new Map<PairModel, number[]>();
  for (const model of models) {
    const minutes: number[] = [];
    for (let m = model.firstMinute; m <= model.lastMinute; m++) {
      if (model.sampled(m)) minutes.push(m);
    }
    minutesOf.set(model, minutes);
  }
  const counts: SeriesStats = {
    now,
    series: 0,
    seriesAtNow: 0,
    samples: 0,
  };

  // One pass per family: OpenMetrics wants the samples of a family together.
  const families = new Map<
    string,
    {
      type: string;
      help: string;
      kind: 'requests' | 'latency';
      models: PairModel[];
    }
  >();
  for (const model of models) {
    const { requests, latency } = model.pair.metrics;
    for (const [kind, family] of [
      ['requests', requests],
      ['latency', latency],
    ] as const) {
      if (!family) continue;
      const entry = families.get(family.family) ?? {
        type: kind === 'requests' ? 'counter' : 'histogram',
        help: family.help,
        kind,
        models: [],
      };
      entry.models.push(model);
      families.set(family.family, entry);
    }
  }

  let chunk = '';
  for (const [family, { type, help, kind, models: members }] of families) {
    chunk += `# TYPE ${family} ${type}\n# HELP ${family} ${help}\n`;
    for (const model of members) {
      const minutes = minutesOf.get(model)!;
      for (const series of seriesOf(model.pair, kind)) {
        const prefix = `${series.name}{${labelText(series.labels)}} `;
        counts.series++;
        if (model.sampled(0)) counts.seriesAtNow++;
        counts.samples += minutes.length;
        const values = model.values(
          series.counter === 'ok' ? 'requests' : series.counter,
        );
        const subtract =
          series.counter === 'ok' ? model.values('errors') : undefined;
        const scale = series.scale ?? 1;
        for (const minute of minutes) {
          const i = minute - model.firstMinute;
          const value = subtract ? values[i] - subtract[i] : values[i] / scale;
          chunk += `${prefix}${value} ${nowSeconds + minute * 60}\n`;
          if (chunk.length >= CHUNK_CHARS) {
            yield chunk;
            chunk = '';
          }
        }
        if (minutes.length > 0) {
          counts.firstTimestamp = Math.min(
            counts.firstTimestamp ?? Infinity,
            nowSeconds + minutes[0] * 60,
          );
          counts.lastTimestamp = Math.max(
            counts.lastTimestamp ?? -Infinity,
            nowSeconds + minutes[minutes.length - 1] * 60,
          );
        }
      }
    }
  }
  yield `${chunk}# EOF\n`;
  return counts;
}

/** Writes the OpenMetrics text of {@link openMetricsChunks} to a file. */
export function writeOpenMetrics(
  path: string,
  options: SliSeriesOptions,
): SeriesStats {
  const fd = openSync(path, 'w');
  try {
    const chunks = openMetricsChunks(options);
    for (;;) {
      const next = chunks.next();
      if (next.done) return next.value;
      writeSync(fd, next.value);
    }
  } finally {
    closeSync(fd);
  }
}
