#!/usr/bin/env bash
# Throughput of unchrome against resiliparse and trafilatura, measured one
# after the other on the same machine, single-threaded and with --jobs 2,
# printed as ratios. The one-job ratio against resiliparse is the median of
# three alternated runs of each (the runs are printed too). Also peak memory
# (RSS) for 1,000 and 10,000 pages.
#
#   benches/compare.sh [DATASET]        (default: dragnet-train)
#
# Needs the benchmark kit beside the project (UNCHROME_BENCH_KIT, default
# ../shared/bench) and a release build. Not run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
kit="${UNCHROME_BENCH_KIT:-../shared/bench}"
ds="${1:-dragnet-train}"
bin="${CARGO_TARGET_DIR:-target}/release/unchrome"
[ -x "$bin" ] || { echo "compare.sh: build first: cargo build --release" >&2; exit 2; }
[ -d "$kit" ] || { echo "compare.sh: benchmark kit not found at $kit (set UNCHROME_BENCH_KIT)" >&2; exit 2; }

rate() { awk -v ds="$ds" '$1 ~ /^(unchrome|resiliparse|trafilatura)$/ && $2 == ds { print $10 }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# One job against resiliparse: three runs each, alternated (unchrome,
# resiliparse, unchrome, …) so that a change in the machine's load falls on
# both, and the median of each three. The ratio of the medians is the figure.
u1s=(); rps=()
for _ in 1 2 3; do
  u1s+=("$("$kit/run.sh" --jobs 1 --kind html "$ds" 2>/dev/null | rate)")
  rps+=("$("$kit/peers.sh" --system resiliparse --kind html "$ds" 2>/dev/null | rate)")
done
u1=$(median "${u1s[@]}"); rp=$(median "${rps[@]}")
u2=$("$kit/run.sh" --jobs 2 --kind html "$ds" 2>/dev/null | rate)
tf=$("$kit/peers.sh" --system trafilatura --kind html "$ds" 2>/dev/null | rate)

# Peak RSS: the dataset's manifest repeated to 1,000 and 10,000 lines.
data=$("$kit/unpack.sh" "html/$ds" | tail -n 1)
tmp=$(mktemp -d)
python3 - "$data/html/$ds" "$tmp" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
lines = [json.dumps({"id": d["id"], "path": os.path.join(src, "html", d["id"] + ".html")})
         for d in map(json.loads, open(os.path.join(src, "truth.jsonl")))]
for n in (1000, 10000):
    with open(os.path.join(out, f"m{n}.jsonl"), "w") as f:
        for i in range(n):
            f.write(lines[i % len(lines)] + "\n")
PY
rss() { /usr/bin/time -f "%M" "$bin" -q -j 2 -f jsonl "$1" 2>&1 >/dev/null | tail -n 1; }
r1=$(rss "$tmp/m1000.jsonl"); r10=$(rss "$tmp/m10000.jsonl")
rm -rf "$tmp"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
printf '%-28s %10s\n' "measure ($ds, html)" "value"
printf '%-28s %10s\n' "unchrome docs/s, 1 job" "$u1"
printf '%-28s %10s\n' "  (the three runs)" "${u1s[*]}"
printf '%-28s %10s\n' "unchrome docs/s, 2 jobs" "$u2"
printf '%-28s %10s\n' "resiliparse docs/s" "$rp"
printf '%-28s %10s\n' "  (the three runs)" "${rps[*]}"
printf '%-28s %10s\n' "trafilatura docs/s" "$tf"
printf '%-28s %10s\n' "ratio vs resiliparse, 1 job" "$(ratio "$u1" "$rp")"
printf '%-28s %10s\n' "ratio vs resiliparse, 2 jobs" "$(ratio "$u2" "$rp")"
printf '%-28s %10s\n' "ratio vs trafilatura, 1 job" "$(ratio "$u1" "$tf")"
printf '%-28s %10s\n' "peak RSS, 1,000 pages (KB)" "$r1"
printf '%-28s %10s\n' "peak RSS, 10,000 pages (KB)" "$r10"
