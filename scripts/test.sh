#!/usr/bin/env bash
# Runs every check and test of Panelcast, installing what a fresh machine lacks first (idempotent):
# rustfmt, clippy (server and wasm feature sets), all Rust tests, the wasm build, browser tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-tools.sh
ensure_all_tools

# A CI run builds everything once from a fresh clone: incremental-compilation caches would only take disk
# (several GB of target/debug/incremental) and time.
if [ -n "${CI:-}" ]; then export CARGO_INCREMENTAL=0; fi

step() { printf '\n==> %s\n' "$*"; }
started=$(date +%s)

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy, server feature set (ssr)"
cargo clippy --workspace --all-targets --features app/ssr -- -D warnings

step "clippy, browser feature set (hydrate, wasm32)"
cargo clippy -p app --lib --target wasm32-unknown-unknown --features hydrate -- -D warnings

step "Rust tests (core, store contract, websocket and HTTP against the real server on port 0)"
cargo test --workspace --features app/ssr

# `--split` is required for every cargo-leptos build: the browser bundle is code-split (app/src/ui/split.rs).
step "browser tests: cargo leptos end-to-end --split (builds the wasm bundle and the server, runs Playwright in Chromium)"
(cd end2end && [ -d node_modules ] || ensure_end2end_packages)
cargo leptos end-to-end --split

printf '\nAll checks passed in %ss.\n' "$(( $(date +%s) - started ))"
