# Sourced by the project's scripts, after toolchain.sh. Installs (from
# Debian's packages) and starts the external parts that tests need.

# System tools (runuser, useradd, apt-get) live in sbin, which a minimal PATH lacks.
case ":$PATH:" in *":/usr/sbin:"*) ;; *) export PATH="$PATH:/usr/sbin:/sbin" ;; esac

APT_UPDATED=""
ensure_apt() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ -z "$APT_UPDATED" ]; then
    log "apt-get update"
    $sudo apt-get update -qq >&2
    APT_UPDATED=1
  fi
  log "installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

ensure_chromium() {
  ensure_apt chromium fonts-liberation
  export PORTAL_CHROMIUM="${PORTAL_CHROMIUM:-/usr/bin/chromium}"
}

PG_PORT="${PORTAL_PG_PORT:-54329}"
PG_DIR="${PORTAL_PG_DIR:-/tmp/multicloud-portal-pg}"
PG_PASSWORD="portal-test"

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }
  done
}

# Starts a throwaway PostgreSQL on loopback (installing Debian's package when
# absent) and exports the connection string that TestDatabases reads.
start_postgres() {
  [ -n "$(pg_bin)" ] || ensure_apt postgresql
  local bin
  bin="$(pg_bin)"
  [ -n "$bin" ] || die "PostgreSQL binaries not found after installing the postgresql package"
  local major
  major="$("$bin/postgres" --version | sed -E 's/[^0-9]*([0-9]+).*/\1/')"
  local as_user=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
    as_user=(runuser -u postgres --)
  fi
  if ! "${as_user[@]}" "$bin/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
    if [ ! -f "$PG_DIR/PG_VERSION" ]; then
      rm -rf "$PG_DIR"
      mkdir -p "$PG_DIR"
      [ ${#as_user[@]} -gt 0 ] && chown postgres "$PG_DIR"
      local pwfile
      pwfile="$(mktemp)"
      echo "$PG_PASSWORD" >"$pwfile"
      chmod 644 "$pwfile"
      "${as_user[@]}" "$bin/initdb" -D "$PG_DIR" -U postgres --pwfile="$pwfile" --auth=md5 >/dev/null
      rm -f "$pwfile"
    fi
    log "starting PostgreSQL $major on 127.0.0.1:$PG_PORT"
    "${as_user[@]}" "$bin/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 \
      -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null
  fi
  export BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING="postgresql://postgres:$PG_PASSWORD@127.0.0.1:$PG_PORT"
  export PORTAL_TEST_POSTGRES_ID="POSTGRES_${major}"
}

stop_postgres() {
  local bin
  bin="$(pg_bin)"
  [ -n "$bin" ] && [ -f "$PG_DIR/PG_VERSION" ] || return 0
  local as_user=()
  [ "$(id -u)" -eq 0 ] && as_user=(runuser -u postgres --)
  "${as_user[@]}" "$bin/pg_ctl" -D "$PG_DIR" -m fast stop >/dev/null 2>&1 || true
}

# Installs Debian's Prometheus (server and promtool) when absent and exports
# where they are. The package's own service is never used: tests and the
# start command run their own server on loopback with their own data.
ensure_prometheus() {
  if ! command -v prometheus >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1; then
    ensure_apt prometheus
  fi
  export PORTAL_PROMETHEUS="${PORTAL_PROMETHEUS:-$(command -v prometheus)}"
  export PORTAL_PROMTOOL="${PORTAL_PROMTOOL:-$(command -v promtool)}"
  [ -x "$PORTAL_PROMETHEUS" ] && [ -x "$PORTAL_PROMTOOL" ] || die "prometheus and promtool not found after installing the prometheus package"
  # The package starts its own server on :9090; tests never rely on it.
  if command -v systemctl >/dev/null 2>&1; then systemctl stop prometheus >/dev/null 2>&1 || true; fi
}
