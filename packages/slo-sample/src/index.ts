/**
 * A real Prometheus loaded with SLI series of the sample fleet, designed so
 * that every sample SLO's SLI, error budget and burn rates are known in
 * advance, for the embedded defaults, tests and benchmarks.
 *
 * @packageDocumentation
 */

export {
  ABSENT,
  COARSE_STEP_SECONDS,
  DEFAULT_AHEAD_MINUTES,
  ENVIRONMENT_LABEL,
  FINE_SPAN_MINUTES,
  FINE_STEP_SECONDS,
  HISTORY_MINUTES,
  SAMPLE_SCENARIOS,
  SAMPLE_SERVICES,
  SERVICE_LABEL,
  alignNow,
  planSeries,
  type Episode,
  type LatencyProfile,
  type Scenario,
  type SeriesPair,
  type ServiceMetrics,
} from './design';
export {
  openMetricsChunks,
  writeOpenMetrics,
  type SeriesStats,
  type SliSeriesOptions,
} from './openmetrics';
export {
  findPrometheusBinaries,
  startPrometheus,
  type PrometheusBinaries,
  type SamplePrometheus,
  type StartPrometheusOptions,
} from './prometheus';
export { readSampleDefinitions, readSampleFleet } from './samples';
export {
  SAMPLE_SLOS,
  TRUTH_TOLERANCE,
  computeTruth,
  type SampleIndicator,
  type SampleSlo,
  type SampleTruth,
  type SloEnvironmentTruth,
} from './truth';
