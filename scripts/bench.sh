#!/usr/bin/env bash
# The benchmark: builds the release server, the naive reference and the load tool, starts both servers on
# loopback with a fresh database (and raised open-file limits), runs every load scenario, prints the table
# and writes target/bench/loadgen.json. Extra arguments go to `loadgen run` (e.g. `--only crowd,naive`).
# SSR throughput, the wasm bundle size and the criterion benches: `scripts/bench.sh --all` (see BENCH.md).
# Not part of scripts/test.sh. Only loopback traffic; every step is bounded and stops by itself.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ALL=0
if [ "${1:-}" = "--all" ]; then ALL=1; shift; fi
OUT=target/bench
mkdir -p "$OUT"
DB="$OUT/bench.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
export DATABASE_URL="sqlite://$PWD/$DB?mode=rwc"

# 10,000 viewers need ~10,000 descriptors in each process; raise the soft limit to the hard one.
ulimit -n "$(ulimit -Hn)"

cargo build --release -p server --bins
BIN=target/release
"$BIN/loadgen" prepare --database-url "$DATABASE_URL" --meetings 100

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

RUST_LOG=warn PANELCAST_ADDR=127.0.0.1:3100 LEPTOS_SITE_ROOT=target/site "$BIN/server" serve >"$OUT/server.log" 2>&1 &
pids+=($!); SERVER_PID=$!
NAIVE_ADDR=127.0.0.1:3200 "$BIN/naive_ref" >"$OUT/naive.log" 2>&1 &
pids+=($!); NAIVE_PID=$!
for _ in $(seq 1 100); do
  curl -sf http://127.0.0.1:3100/healthz >/dev/null && curl -sf http://127.0.0.1:3200/healthz >/dev/null && break
  sleep 0.1
done

timeout 1200 "$BIN/loadgen" run --database-url "$DATABASE_URL" \
  --server 127.0.0.1:3100 --server-pid "$SERVER_PID" \
  --naive 127.0.0.1:3200 --naive-pid "$NAIVE_PID" \
  --json "$OUT/loadgen.json" "$@"

if [ "$ALL" = 1 ]; then
  scripts/bench-extra.sh
fi
