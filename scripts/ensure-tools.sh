#!/usr/bin/env bash
# Installs, idempotently, every tool that building and testing Panelcast needs on a fresh Debian machine:
# the wasm32 target, wasm-opt from the npm `binaryen` package (Debian's 108 breaks hydration) and esbuild from
# npm (it minifies the JS glue), Debian Chromium, the PostgreSQL server (the store contract and multi-instance
# tests start throwaway clusters of it), and the end2end npm packages. The build itself is `cargo xtask`
# (xtask/), which does wasm-split and wasm-bindgen in-process: no cargo-leptos or wasm-bindgen-cli to build.
# Source it (`. scripts/ensure-tools.sh`) so that PATH keeps the tools folder first.
#
# Optional, for `cargo leptos watch --split` during development only (about 15 minutes to build on 2 cores):
# `. scripts/ensure-tools.sh && ensure_cargo_leptos` builds cargo-leptos 0.3.11 and wasm-bindgen-cli from their
# crates with the fixes docs/TOOLCHAIN.md describes.
set -euo pipefail

PANELCAST_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PANELCAST_CACHE=${PANELCAST_CACHE:-$HOME/.cache/panelcast}
CARGO_LEPTOS_VERSION=0.3.11
BINARYEN_VERSION=123
ESBUILD_VERSION=0.28.2
# wasm-bindgen-cli must equal the wasm-bindgen library in Cargo.lock, or the generated glue does not match.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' \
  "$PANELCAST_ROOT/Cargo.lock" 2>/dev/null || true)
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}

mkdir -p "$PANELCAST_CACHE/src" "$PANELCAST_CACHE/npm-tools"
export PATH="$PANELCAST_CACHE/npm-tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

log() { printf '[tools] %s\n' "$*" >&2; }

# Unpacks NAME-VERSION.crate from the cargo registry cache into the cache folder and prints the folder.
# A first `cargo install --locked` (which fails here for both tools) is what puts the .crate in the cache.
crate_source() {
  local name=$1 version=$2 file
  file=$(ls "$HOME"/.cargo/registry/cache/*/"$name-$version.crate" 2>/dev/null | head -n 1 || true)
  if [ -z "$file" ]; then
    cargo install "$name" --version "$version" --locked >/dev/null 2>&1 || true
    file=$(ls "$HOME"/.cargo/registry/cache/*/"$name-$version.crate" 2>/dev/null | head -n 1 || true)
  fi
  [ -n "$file" ] || { log "could not obtain the $name $version crate"; return 1; }
  rm -rf "$PANELCAST_CACHE/src/$name-$version"
  tar -xzf "$file" -C "$PANELCAST_CACHE/src"
  printf '%s\n' "$PANELCAST_CACHE/src/$name-$version"
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown && return
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

ensure_cargo_leptos() {
  ensure_wasm_bindgen
  if cargo-leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then return; fi
  log "building cargo-leptos $CARGO_LEPTOS_VERSION (about 15 minutes on 2 cores)"
  local dir; dir=$(crate_source cargo-leptos "$CARGO_LEPTOS_VERSION")
  # Its lockfile pins cargo-util-schemas 0.14.2, which needs a newer rustc than 1.95.
  (cd "$dir" && cargo update -p cargo-util-schemas --precise 0.14.1 \
    && cargo install --path . --locked --features no_downloads)
  rm -rf "$dir" # its build folder (1.6 GB): the binary is in ~/.cargo/bin, and a rebuild unpacks afresh
}

ensure_wasm_bindgen() {
  if wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then return; fi
  log "building wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes on 2 cores)"
  local dir; dir=$(crate_source wasm-bindgen-cli "$WASM_BINDGEN_VERSION")
  # Its lockfile pins webpki-roots 1.0.11, which the registry mirror here lacks.
  (cd "$dir" && { cargo update -p webpki-roots --precise 1.0.10 || true; } && cargo install --path . --locked)
  rm -rf "$dir" # its build folder (0.4 GB), as for cargo-leptos
}

ensure_wasm_opt() {
  if wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then return; fi
  log "installing wasm-opt from npm binaryen@$BINARYEN_VERSION"
  (cd "$PANELCAST_CACHE/npm-tools" && { [ -f package.json ] || echo '{"private":true}' > package.json; } \
    && npm install --no-audit --no-fund --save-exact "binaryen@$BINARYEN_VERSION" >/dev/null)
}

ensure_esbuild() {
  if esbuild --version 2>/dev/null | grep -qx "$ESBUILD_VERSION"; then return; fi
  log "installing esbuild $ESBUILD_VERSION from npm"
  (cd "$PANELCAST_CACHE/npm-tools" && { [ -f package.json ] || echo '{"private":true}' > package.json; } \
    && npm install --no-audit --no-fund --save-exact "esbuild@$ESBUILD_VERSION" >/dev/null)
}

ensure_chromium() {
  command -v chromium >/dev/null && return
  log "installing Debian chromium"
  local sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}

# The tests run `initdb`/`pg_ctl` from /usr/lib/postgresql/<version>/bin themselves; nothing is started here.
ensure_postgres() {
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && return
  log "installing Debian postgresql (server binaries for the tests)"
  local sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
}

# The webcast journeys generate a short HLS stream with Debian's ffmpeg (end2end/tests/stream.ts).
ensure_ffmpeg() {
  command -v ffmpeg >/dev/null && return
  log "installing Debian ffmpeg (the webcast journeys make a test stream with it)"
  local sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq ffmpeg >/dev/null
}

ensure_end2end_packages() {
  local dir="$PANELCAST_ROOT/end2end"
  [ -f "$dir/package.json" ] || return 0
  if [ -d "$dir/node_modules" ] && [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then return; fi
  log "installing end2end npm packages"
  (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >/dev/null)
}

ensure_all_tools() {
  ensure_wasm_target
  ensure_chromium
  ensure_postgres
  ensure_ffmpeg
  ensure_wasm_opt
  ensure_esbuild
  ensure_end2end_packages
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  ensure_all_tools
  log "all tools present"
fi
