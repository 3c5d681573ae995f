#!/usr/bin/env bash
# Starts the portal on its embedded defaults: frontend on :3000, backend on
# :7007, SQLite in memory, guest sign-in, the sample fleet and catalog.
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"
bootstrap

announce_when_ready() {
  local deadline=$((SECONDS + 600))
  while [ $SECONDS -lt $deadline ]; do
    if curl -fsS -o /dev/null http://localhost:7007/.backstage/health/v1/readiness 2>/dev/null &&
      curl -fsS -o /dev/null http://localhost:3000 2>/dev/null; then
      log "the portal is up: open http://localhost:3000 and sign in as guest (backend: http://localhost:7007)"
      return
    fi
    sleep 2
  done
  log "the portal did not answer within 10 minutes; see the output above"
}

log "starting the portal (frontend http://localhost:3000, backend http://localhost:7007)"
announce_when_ready &
exec yarn start "$@"
