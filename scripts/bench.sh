#!/usr/bin/env bash
# The benchmark (not part of scripts/test.sh). Builds the release server, the naive reference and the load
# tool; starts both servers on loopback with a fresh database and raised open-file limits; runs every load
# scenario; prints the table and writes target/bench/loadgen.json. Extra arguments go to `loadgen run`
# (e.g. `--only crowd,naive --viewers 2000`).
#
#   scripts/bench.sh            the load scenarios (about 4 minutes on 2 cores)
#   scripts/bench.sh --all      also SSR page throughput (wrk), the wasm bundle size, and `cargo bench`
#   scripts/bench.sh --chaos    only the chaos harness, full size (`loadgen chaos`, docs/CHAOS.md): it starts,
#                               kills and restarts its own server; CHAOS_PROFILE=debug uses the debug build
#                               (default: release with `--features chaos`, the fault-injection hook)
#   BENCH_DATABASE=postgres scripts/bench.sh --instances
#                               only three instances on one database, one killed mid-vote (`loadgen instances`)
#
# Environment: BENCH_NO_BUILD=1 to use the binaries already in target/release; SERVER_BIN (default target/release/server) to measure another build of the server;
# BENCH_DB_DIR (default /dev/shm) for the event log: tmpfs measures the server, not the disk's fsync
# (the log is SQLite WAL with synchronous=FULL; set BENCH_DB_DIR=target/bench to include the disk);
# BENCH_DATABASE=postgres to put the log in a throwaway PostgreSQL cluster in BENCH_DB_DIR instead (its own
# unix socket, stopped at the end; Debian's postgresql server binaries, as the tests use).
# PANELCAST_FANOUT_NICE, if set, sets the server's fan-out threads and the load tool's crowd threads alike
# (unset, both take the server's default, `DEFAULT_FANOUT_NICE`).
# Only loopback traffic; every step is bounded in time and stops by itself.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ALL=0
CHAOS=0
if [ "${1:-}" = "--all" ]; then ALL=1; shift; fi
if [ "${1:-}" = "--chaos" ]; then CHAOS=1; shift; fi
INSTANCES=0
if [ "${1:-}" = "--instances" ]; then INSTANCES=1; shift; fi
OUT=target/bench
mkdir -p "$OUT"
DB_DIR=$(cd "${BENCH_DB_DIR:-/dev/shm}" && pwd)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
if [ "${BENCH_DATABASE:-sqlite}" = postgres ]; then
  PG_DIR="$DB_DIR/panelcast-bench-pg"
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  rm -rf "$PG_DIR" && mkdir -p "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -N -E UTF8 --locale=C >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -o "-k $PG_DIR -c listen_addresses=" -l "$PG_DIR/log" -w start >/dev/null
  cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null || true
  }
  export DATABASE_URL="postgres://postgres@localhost/postgres?host=$PG_DIR"
else
  DB="$DB_DIR/panelcast-bench.db"
  rm -f "$DB" "$DB-wal" "$DB-shm"
  export DATABASE_URL="sqlite://$DB_DIR/panelcast-bench.db?mode=rwc"
fi
trap cleanup EXIT

# 10,000 viewers need ~10,000 descriptors in each process: raise the soft limit to the hard one (the
# server and loadgen also raise their own soft limits at start).
ulimit -n "$(ulimit -Hn)"

if [ "$CHAOS" = 1 ]; then
  if [ "${CHAOS_PROFILE:-release}" = debug ]; then
    CHAOS_BIN=target/debug
    [ -n "${BENCH_NO_BUILD:-}" ] || cargo build -p server --bins
  else
    CHAOS_BIN=target/release
    [ -n "${BENCH_NO_BUILD:-}" ] || cargo build --release -p server --features chaos --bins
  fi
  timeout 3700 "$CHAOS_BIN/loadgen" chaos --server-bin "$CHAOS_BIN/server" --database-url "$DATABASE_URL" \
    --addr 127.0.0.1:3119 --server-log "$OUT/chaos-server.log" --json "$OUT/chaos.json" "$@"
  exit $?
fi

[ -n "${BENCH_NO_BUILD:-}" ] || cargo build --release -p server --bins
BIN=target/release
if [ "$INSTANCES" = 1 ]; then
  timeout 900 "$BIN/loadgen" instances --server-bin "${SERVER_BIN:-$BIN/server}" --database-url "$DATABASE_URL" \
    --server-log "$OUT/instances-server.log" --json "$OUT/instances.json" "$@"
  exit $?
fi
SERVER_BIN=${SERVER_BIN:-$BIN/server}
"$BIN/loadgen" prepare --database-url "$DATABASE_URL" --meetings 100

RUST_LOG=warn PANELCAST_ADDR=127.0.0.1:3100 "$SERVER_BIN" serve >"$OUT/server.log" 2>&1 &
pids+=($!); SERVER_PID=$!
NAIVE_ADDR=127.0.0.1:3200 "$BIN/naive_ref" >"$OUT/naive.log" 2>&1 &
pids+=($!); NAIVE_PID=$!
for _ in $(seq 1 100); do
  curl -sf http://127.0.0.1:3100/healthz >/dev/null && curl -sf http://127.0.0.1:3200/healthz >/dev/null && break
  sleep 0.1
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), fd limit $(ulimit -n)"

timeout 1200 "$BIN/loadgen" run --database-url "$DATABASE_URL" \
  --server 127.0.0.1:3100 --server-pid "$SERVER_PID" \
  --naive 127.0.0.1:3200 --naive-pid "$NAIVE_PID" \
  ${PANELCAST_FANOUT_NICE:+--crowd-nice "$PANELCAST_FANOUT_NICE"} \
  --json "$OUT/loadgen.json" "$@"

# The server's own view of the run: how long its commands took (decide → log → apply → publish), to tell a
# slow command from a slow delivery when the chair's console misses.
curl -sf http://127.0.0.1:3100/metrics >"$OUT/metrics.txt" &&
  echo "server command time (panelcast_command_seconds, cumulative buckets):" &&
  grep -E '^panelcast_command_seconds_(bucket|count)' "$OUT/metrics.txt" | sed 's/^panelcast_command_seconds_/  /'

if [ "$ALL" = 1 ]; then
  command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
  echo "## SSR meeting page: wrk -t2 -c64 -d20s (public, no session)"
  timeout 60 wrk -t2 -c64 -d20s --latency http://127.0.0.1:3100/meetings/2022-12-06 | tee "$OUT/ssr.txt"

  # The bundle exactly as served: the build driver builds it (profile wasm-release), splits it at the `#[lazy]`
  # functions (app/src/ui/split.rs), runs wasm-bindgen and wasm-opt -Oz on every part. The public meeting page
  # loads only panelcast.wasm, panelcast.js and the split loader (__wasm_split.*.js); every other page adds the
  # chunks listed for it in __wasm_split_manifest.json. `bundle-size` measures brotli quality 11 of each.
  echo "## wasm bundle (hydrate, cargo xtask site --release, brotli -q 11)"
  . scripts/ensure-tools.sh >/dev/null
  cargo xtask site --release
  cargo xtask bundle-size | tee "$OUT/wasm.txt"

  echo "## cargo bench -p app --bench core"
  cargo bench -p app --bench core 2>&1 | grep -E "^[a-z].*|time:" | tee "$OUT/criterion.txt"
fi
