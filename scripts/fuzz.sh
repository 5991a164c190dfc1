#!/usr/bin/env bash
# Coverage-guided fuzzing of the parsers that take outside input (docs/FUZZING.md), with AFL++ through cargo-afl
# on stable Rust. Installs cargo-afl (which builds its AFL++) if missing, builds the targets in fuzz/, writes each
# target's seed corpus from the code's samples and the tests' fixtures, and runs the targets one after another,
# one core at a time, each for a bounded number of executions. Prints executions, time, crashes and hangs per
# target; exits non-zero if any target crashed or hung.
#
#   scripts/fuzz.sh                      # every target, 1,000,000 executions each (the benchmark run)
#   scripts/fuzz.sh --smoke              # every target, 20,000 executions or 20 s each (a quick check)
#   scripts/fuzz.sh --execs 50000 command ws_frames
#
# Findings stay in fuzz/target/runs/<target>/out/default/{crashes,hangs}; replay one with
#   fuzz/target/release/<target> < that-file
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS_ALL=(command summons ws_frames agenda_pack playlist work_programme)
execs=1000000
seconds=3600
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) execs=20000; seconds=20 ;;
    --execs) execs="$2"; shift ;;
    --seconds) seconds="$2"; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) targets+=("$1") ;;
  esac
  shift
done
[ ${#targets[@]} -gt 0 ] || targets=("${TARGETS_ALL[@]}")

# cargo-afl's install builds AFL++ itself (afl-fuzz and the LLVM runtime the targets link), for this rustc.
# `cargo afl config --build` is the step cargo-afl asks for when that build is missing (a new rustc).
if ! cargo afl --version >/dev/null 2>&1; then
  echo "==> installing cargo-afl (builds AFL++; a few minutes, once)"
  cargo install cargo-afl --locked --version 0.18.2
fi
if ! { cargo afl fuzz -h 2>&1 || true; } | grep 'afl-fuzz++' >/dev/null; then
  cargo afl config --build
fi

echo "==> building the fuzz targets (fuzz/, instrumented; its own target dir)"
cargo afl build --release --manifest-path fuzz/Cargo.toml

# A shared machine: no CPU pinning, no governor or core-dump checks, no screen UI; each run bounded.
export AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1

runs=fuzz/target/runs
failed=0
printf '\n%-12s %12s %8s %10s %8s %6s\n' target execs seconds execs/s crashes hangs
for target in "${targets[@]}"; do
  work="$runs/$target"
  rm -rf "$work"
  mkdir -p "$work"
  "fuzz/target/release/$target" --seeds "$work/seeds"
  dictionary=()
  [ -f "$work/dictionary" ] && dictionary=(-x "$work/dictionary")
  if ! nice -n 10 cargo afl fuzz -i "$work/seeds" -o "$work/out" "${dictionary[@]}" -E "$execs" -V "$seconds" \
      "fuzz/target/release/$target" >"$work/afl.log" 2>&1; then
    echo "afl-fuzz failed for $target; see $work/afl.log" >&2
    tail -20 "$work/afl.log" >&2
    failed=1
    continue
  fi
  stats="$work/out/default/fuzzer_stats"
  stat() { sed -n "s/^$1 *: //p" "$stats"; }
  printf '%-12s %12s %8s %10s %8s %6s\n' "$target" "$(stat execs_done)" "$(stat run_time)" \
    "$(stat execs_per_sec)" "$(stat saved_crashes)" "$(stat saved_hangs)"
  if [ "$(stat saved_crashes)" != 0 ] || [ "$(stat saved_hangs)" != 0 ]; then
    ls "$work/out/default/crashes" "$work/out/default/hangs" >&2
    failed=1
  fi
done
exit "$failed"
