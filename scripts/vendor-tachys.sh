#!/usr/bin/env bash
# vendor/tachys is the published tachys crate (leptos 0.8's renderer) with one upstream change applied,
# vendor/tachys.patch (see vendor/README.md). This script keeps the two honest:
#   scripts/vendor-tachys.sh           rebuilds vendor/tachys from the crate + the patch
#   scripts/vendor-tachys.sh --check   fails if vendor/tachys is not exactly the crate + the patch (scripts/test.sh)
#   scripts/vendor-tachys.sh --record  rewrites the patch from vendor/tachys after a deliberate edit of the copy
set -euo pipefail
cd "$(dirname "$0")/.."
TACHYS_VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' vendor/tachys/Cargo.toml | head -n 1)
mode=${1:-rebuild}

# The .crate from cargo's cache; `cargo info` fetches it there through the registry when it is missing.
crate=$(ls "$HOME"/.cargo/registry/cache/*/"tachys-$TACHYS_VERSION.crate" 2>/dev/null | head -n 1 || true)
if [ -z "$crate" ]; then
  (cd "${TMPDIR:-/tmp}" && cargo info "tachys@$TACHYS_VERSION" >/dev/null)
  crate=$(ls "$HOME"/.cargo/registry/cache/*/"tachys-$TACHYS_VERSION.crate" | head -n 1)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$crate" -C "$work"
published="$work/tachys-$TACHYS_VERSION"
# Files cargo adds when it packages a crate; a path dependency does not need them.
rm -f "$published/.cargo_vcs_info.json" "$published/Cargo.lock"

case "$mode" in
  --record)
    mv "$published" "$work/a" && cp -r vendor/tachys "$work/b"
    (cd "$work" && diff -ruN a b | sed -E 's/^((---|\+\+\+) [^\t]+)\t.*$/\1/') >vendor/tachys.patch || true
    echo "vendor/tachys.patch: $(grep -c '^diff' vendor/tachys.patch) files changed from tachys $TACHYS_VERSION"
    ;;
  --check)
    (cd "$published" && patch -p1 --quiet --no-backup-if-mismatch) <vendor/tachys.patch
    if ! diff -r "$published" vendor/tachys >/dev/null; then
      echo "vendor/tachys is not tachys $TACHYS_VERSION + vendor/tachys.patch:" >&2
      diff -r "$published" vendor/tachys | head -n 20 >&2
      exit 1
    fi
    echo "vendor/tachys = tachys $TACHYS_VERSION + vendor/tachys.patch"
    ;;
  rebuild)
    (cd "$published" && patch -p1 --no-backup-if-mismatch) <vendor/tachys.patch
    rm -rf vendor/tachys && mv "$published" vendor/tachys
    echo "vendor/tachys rebuilt from tachys $TACHYS_VERSION + vendor/tachys.patch"
    ;;
  *) echo "usage: $0 [--check|--record]" >&2; exit 2 ;;
esac
