#!/usr/bin/env bash
# Body-text F1 on hard-wrapped plain text, next to the same pages unwrapped.
#
#   benches/wrapped.sh [--bin PATH] [--width N] [--hyphens] [DATASET]
#                                   (defaults: the release build, 72, l3s-gn1)
#
# Takes the text pages of DATASET from the benchmark kit, wraps every line
# greedily at N columns (whole words; with --hyphens a line may also break
# after a hyphen inside a word, as some renderers do) and puts a blank line
# between the original lines, as a browser's "Save as text" or `lynx -dump`
# lays a page out. The variant is written to a temporary folder only. Both
# the original and the wrapped pages are run through the release binary
# (`--input-kind text`) and scored with the kit's score.py, over all pages
# and over the pages without column gaps (no run of four spaces or a tab
# inside a line): where a wrapper breaks a line at such a gap it drops the
# gap, which no unwrapping can restore, so the second pair of numbers shows
# what the join itself loses.
#
# Needs the benchmark kit beside the project (UNCHROME_BENCH_KIT, default
# ../shared/bench) and a release build. Not run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
kit="${UNCHROME_BENCH_KIT:-../shared/bench}"
bin="${CARGO_TARGET_DIR:-target}/release/unchrome"
width=72
hyphens=0
while [ $# -gt 0 ]; do
    case "$1" in
        --bin) bin="$2"; shift 2 ;;
        --width) width="$2"; shift 2 ;;
        --hyphens) hyphens=1; shift ;;
        -*) echo "wrapped.sh: unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
done
ds="${1:-l3s-gn1}"
[ -x "$bin" ] || { echo "wrapped.sh: build first: cargo build --release" >&2; exit 2; }
[ -d "$kit" ] || { echo "wrapped.sh: benchmark kit not found at $kit (set UNCHROME_BENCH_KIT)" >&2; exit 2; }

data="$("$kit/unpack.sh" "text/$ds" | tail -n 1)/text/$ds"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$data" "$tmp" "$width" "$hyphens" <<'PY'
import json, os, re, sys, textwrap
src, out, width, hyphens = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
os.makedirs(os.path.join(out, "txt"))
wrapper = textwrap.TextWrapper(width=width, break_long_words=False,
                               break_on_hyphens=hyphens, expand_tabs=False,
                               replace_whitespace=False, drop_whitespace=True)
column_gap = re.compile(r"\S( {4,}|\t)\S")
with open(os.path.join(out, "plain.jsonl"), "w") as plain, \
        open(os.path.join(out, "wrapped.jsonl"), "w") as wrapped, \
        open(os.path.join(out, "truth-no-gaps.jsonl"), "w") as no_gaps:
    for line in open(os.path.join(src, "truth.jsonl"), encoding="utf-8"):
        doc = json.loads(line)
        name = str(doc["id"]) + ".txt"
        original = os.path.join(src, "txt", name)
        with open(original, encoding="utf-8") as f:
            lines = f.read().splitlines()
        if not any(column_gap.search(l) for l in lines):
            no_gaps.write(line)
        paragraphs = ["\n".join(wrapper.wrap(l)) for l in lines if l.strip()]
        variant = os.path.join(out, "txt", name)
        with open(variant, "w", encoding="utf-8") as f:
            f.write("\n\n".join(paragraphs) + "\n")
        for manifest, path in ((plain, original), (wrapped, variant)):
            manifest.write(json.dumps({"id": doc["id"], "url": doc.get("url"), "path": path}) + "\n")
PY

"$bin" -q --format jsonl --input-kind text "$tmp/plain.jsonl" > "$tmp/plain.pred.jsonl"
"$bin" -q --format jsonl --input-kind text "$tmp/wrapped.jsonl" > "$tmp/wrapped.pred.jsonl"
# score TRUTH PRED: "F1 P R n" (score.py ignores predictions for pages not in TRUTH).
score() {
    python3 "$kit/score.py" --json --n-bootstrap 0 "$1" "$2" |
        python3 -c 'import json, sys; d = json.load(sys.stdin); print("%.4f %.4f %.4f %d" % (d["f1"], d["precision"], d["recall"], d["n"]))'
}
label="wrapped at $width"
[ "$hyphens" = 1 ] && label="$label, hyphen breaks"
label="$label, blank lines"
printf '%-36s %-9s %7s %7s %7s %5s\n' "text input ($ds)" pages F1 P R n
for truth in "$data/truth.jsonl" "$tmp/truth-no-gaps.jsonl"; do
    pages=all
    [ "$truth" = "$data/truth.jsonl" ] || pages=no-gaps
    printf '%-36s %-9s %7s %7s %7s %5s\n' "unwrapped" "$pages" $(score "$truth" "$tmp/plain.pred.jsonl")
    printf '%-36s %-9s %7s %7s %7s %5s\n' "$label" "$pages" $(score "$truth" "$tmp/wrapped.pred.jsonl")
done
