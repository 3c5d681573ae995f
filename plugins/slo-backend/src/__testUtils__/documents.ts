/** An OpenSLO v1 SLO with an inline ratio SLI over counters. */
export function openSloRatio(options: {
  name: string;
  service?: string;
  job?: string;
  target?: number;
  extraMetadata?: string;
}): string {
  const job = options.job ?? options.name;
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${options.name}
  displayName: ${options.name} availability${options.extraMetadata ?? ''}
spec:
  service: ${options.service ?? options.name}
  indicator:
    metadata:
      name: ${options.name}-requests
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{job="${job}",code!~"5.."}
        total:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{job="${job}"}
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: Availability
      target: ${options.target ?? 0.99}
`;
}
