#!/usr/bin/env bash
# Starts the portal on its embedded defaults: frontend on :3000, backend on
# :7007, SQLite in memory, guest sign-in, the sample fleet and catalog, a
# Kubernetes API simulator for the clusters of the sample fleet, and (when
# Prometheus is installed) a Prometheus with sample SLI series on :9464.
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"
bootstrap

RUN_DIR="$ROOT/.run"
SIM_CONFIG="$RUN_DIR/app-config.simulator.yaml"
PROM_CONFIG="$RUN_DIR/app-config.prometheus.yaml"
PROM_PORT=9464
mkdir -p "$RUN_DIR"
rm -f "$SIM_CONFIG" "$PROM_CONFIG"

announce_when_ready() {
  local deadline=$((SECONDS + 600))
  while [ $SECONDS -lt $deadline ]; do
    if curl -fsS -o /dev/null http://localhost:7007/.backstage/health/v1/readiness 2>/dev/null &&
      curl -fsS -o /dev/null http://localhost:3000 2>/dev/null; then
      log "the portal is up: open http://localhost:3000 and sign in as guest (backend: http://localhost:7007)"
      log "simulated clusters: stop one with  curl -X POST -d '{\"state\":\"down\"}' http://127.0.0.1:7099/clusters/workload-aws-useast1"
      return
    fi
    sleep 2
  done
  log "the portal did not answer within 10 minutes; see the output above"
}

log "writing sample FOCUS cost exports for the sample fleet into .run/focus"
node --require @backstage/cli/config/nodeTransform.cjs packages/focus-sample/src/cli.ts \
  --fleet config/environments.yaml --out "$RUN_DIR/focus" >"$RUN_DIR/focus-sample.log" 2>&1 ||
  die "could not write the sample cost exports; see $RUN_DIR/focus-sample.log"

PROM_PID=""
PROM_ARGS=()
if command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; then
  log "starting a Prometheus with sample SLI series of the sample fleet on http://127.0.0.1:$PROM_PORT (data in .run/prometheus)"
  node --require @backstage/cli/config/nodeTransform.cjs packages/slo-sample/src/cli.ts \
    --fleet config/environments.yaml --out "$RUN_DIR/prometheus" --port "$PROM_PORT" \
    --config-out "$PROM_CONFIG" >"$RUN_DIR/slo-sample.log" 2>&1 &
  PROM_PID=$!
  PROM_ARGS=(--config "$PROM_CONFIG")
else
  log "prometheus is not installed: the SLO views will explain how to connect one (Debian's prometheus package gives them sample data)"
fi

log "starting the Kubernetes API simulator for the sample fleet (control API on http://127.0.0.1:7099)"
node --require @backstage/cli/config/nodeTransform.cjs packages/kubernetes-simulator/src/cli.ts \
  --fleet config/environments.yaml --config-out "$SIM_CONFIG" --control-port 7099 \
  >"$RUN_DIR/simulator.log" 2>&1 &
SIM_PID=$!
trap 'kill $SIM_PID $PROM_PID 2>/dev/null' EXIT
for _ in $(seq 1 60); do
  [ -s "$SIM_CONFIG" ] && break
  kill -0 $SIM_PID 2>/dev/null || die "the simulator stopped; see $RUN_DIR/simulator.log"
  sleep 0.5
done
[ -s "$SIM_CONFIG" ] || die "the simulator did not start; see $RUN_DIR/simulator.log"
if [ -n "$PROM_PID" ]; then
  for _ in $(seq 1 240); do
    [ -s "$PROM_CONFIG" ] && break
    kill -0 $PROM_PID 2>/dev/null || die "the sample Prometheus stopped; see $RUN_DIR/slo-sample.log"
    sleep 0.5
  done
  [ -s "$PROM_CONFIG" ] || die "the sample Prometheus did not start; see $RUN_DIR/slo-sample.log"
  log "sample Prometheus ready; what each sample SLO shows: .run/slo-sample.log"
fi

log "starting the portal (frontend http://localhost:3000, backend http://localhost:7007)"
announce_when_ready &
yarn start --config "$ROOT/app-config.yaml" --config "$SIM_CONFIG" ${PROM_ARGS[@]+"${PROM_ARGS[@]}"} "$@"
