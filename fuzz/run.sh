#!/usr/bin/env bash
# Run every fuzz target for a while (default 600 s each), then minimise the
# corpus. Not part of CI. Needs cargo-fuzz (`cargo install cargo-fuzz`) and a
# nightly toolchain; where only stable is installed, RUSTC_BOOTSTRAP=1 lets it
# use the nightly features cargo-fuzz needs (set here only).
#
#   fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"; shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(decode html text manifest warc mhtml oracle)
toolchain=""
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  toolchain="+nightly"
else
  export RUSTC_BOOTSTRAP=1
fi
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  cargo $toolchain fuzz run "$t" "fuzz/corpus/$t" -- -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10
  # cmin rewrites the corpus as files named by their hash: the named
  # regression seeds (regression-*, inputs that once failed) are set aside
  # and put back, so they stay recognisable and are never minimised away.
  keep="$(mktemp -d)"
  find "fuzz/corpus/$t" -maxdepth 1 -name 'regression-*' -exec cp {} "$keep/" \;
  cargo $toolchain fuzz cmin "$t" "fuzz/corpus/$t"
  find "$keep" -maxdepth 1 -name 'regression-*' -exec cp {} "fuzz/corpus/$t/" \;
  rm -rf "$keep"
done
