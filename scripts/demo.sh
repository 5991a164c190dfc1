#!/usr/bin/env bash
# Builds and starts Panelcast with the demo meetings seeded, on http://127.0.0.1:3000 by default
# (set PANELCAST_ADDR to change it). The SQLite file is data/panelcast.db (DATABASE_URL to change it).
# Prints single-use sign-in links for the chair, a member, the Commissioner and a clerk.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-tools.sh
ensure_wasm_target
ensure_wasm_opt
ensure_esbuild
# The build driver (xtask/, docs/TOOLCHAIN.md): the code-split browser bundle, the stylesheet and assets into
# target/site, and the release server.
cargo xtask build --release
export LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg LEPTOS_OUTPUT_NAME=panelcast
export LEPTOS_SITE_ADDR=${PANELCAST_ADDR:-127.0.0.1:3000}
exec target/release/server serve --demo-links
