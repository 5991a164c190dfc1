#!/usr/bin/env bash
# Runs every check and test of Panelcast, installing what a fresh machine lacks first (idempotent):
# rustfmt, the vendored renderer's guard, clippy (server and wasm feature sets), all Rust tests, the wasm build
# and its size budget, browser tests in Chromium.
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

step "vendor/tachys is the tachys crate + vendor/tachys.patch, and cargo uses it (vendor/README.md)"
scripts/vendor-tachys.sh --check
if cargo metadata --format-version 1 2>&1 >/dev/null | grep -i "patch .tachys.* was not used"; then
  echo "cargo no longer uses vendor/tachys: update or drop the patch (vendor/README.md)" >&2
  exit 1
fi

step "clippy, server feature set (ssr)"
cargo clippy --workspace --all-targets --features app/ssr -- -D warnings

step "clippy, browser feature set (hydrate, wasm32)"
cargo clippy -p app --lib --target wasm32-unknown-unknown --features hydrate -- -D warnings

step "Rust tests (core, store contract, websocket and HTTP against the real server on port 0)"
cargo test --workspace --features app/ssr

# The build driver (xtask/, docs/TOOLCHAIN.md) builds the browser bundle as it ships (code-split, wasm-opt -Oz,
# minified glue); the journeys run against the debug server `cargo test` has just built (target/debug/server,
# built for the integration tests), so no second server build is needed.
step "browser tests: cargo xtask site --release, then end-to-end against the tested server (Playwright in Chromium)"
(cd end2end && [ -d node_modules ] || ensure_end2end_packages)
cargo xtask site --release
cargo xtask end-to-end --no-build

step "the public meeting page's bundle within its budget (brotli)"
cargo xtask bundle-size --check

printf '\nAll checks passed in %ss.\n' "$(( $(date +%s) - started ))"
