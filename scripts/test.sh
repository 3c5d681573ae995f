#!/usr/bin/env bash
# Runs every test of the repository: type check, lint, the unit and
# integration tests of every package (SQLite and PostgreSQL), and the browser
# tests against the built portal in headless Chromium. Ends with one summary
# line; exits non-zero when any step fails.
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/services.sh"
bootstrap
ensure_chromium
ensure_prometheus
start_postgres
trap stop_postgres EXIT

OUT="$ROOT/test-output"
rm -rf "$OUT"
mkdir -p "$OUT"
failed_steps=()
passed=0
failed=0
skipped=0

step() {
  local name="$1"
  shift
  log "── $name"
  local start=$SECONDS
  if "$@"; then
    log "   $name: ok ($((SECONDS - start)) s)"
  else
    log "   $name: FAILED ($((SECONDS - start)) s)"
    failed_steps+=("$name")
  fi
}

count_jest() {
  local f="$OUT/jest.json"
  [ -f "$f" ] || return 0
  read -r p f2 s < <(node -e '
    const r = require(process.argv[1]);
    console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests);
  ' "$f")
  passed=$((passed + p)); failed=$((failed + f2)); skipped=$((skipped + s))
}

count_node_test() {
  local f="$1"
  [ -f "$f" ] || return 0
  local p f2 s
  p=$(grep -E '^# pass ' "$f" | awk '{s+=$3} END {print s+0}')
  f2=$(grep -E '^# fail ' "$f" | awk '{s+=$3} END {print s+0}')
  s=$(grep -E '^# (skipped|todo) ' "$f" | awk '{s+=$3} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f2)); skipped=$((skipped + s))
}

step "type check" yarn tsc
step "lint" yarn backstage-cli repo lint
step "unit and integration tests" env CI=true yarn backstage-cli repo test \
  --json --outputFile="$OUT/jest.json"
count_jest
step "build the app" bash -c "yarn workspace app build >'$OUT/app-build.log' 2>&1 || { tail -50 '$OUT/app-build.log'; exit 1; }"
step "browser tests" bash -c "cd packages/e2e && node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination='$OUT/e2e.tap' src/*.e2e.ts"
count_node_test "$OUT/e2e.tap"

if [ ${#failed_steps[@]} -gt 0 ]; then
  log "failed steps: ${failed_steps[*]}"
  # A step that fails before its runner counts anything still fails the run.
  [ "$failed" -eq 0 ] && failed=${#failed_steps[@]}
fi
log "screenshots and logs: test-output/"
if [ "$skipped" -gt 0 ]; then
  echo "total: $passed passed, $failed failed, $skipped skipped"
else
  echo "total: $passed passed, $failed failed"
fi
[ ${#failed_steps[@]} -eq 0 ]
