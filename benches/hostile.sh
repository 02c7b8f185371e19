#!/usr/bin/env bash
# Time and peak memory of the release binary on hostile inputs (the same
# kinds as tests/hostile.rs, at full size). Not run in CI.
#
#   benches/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${CARGO_TARGET_DIR:-target}/release/unchrome"
[ -x "$bin" ] || { echo "hostile.sh: build first: cargo build --release" >&2; exit 2; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import gzip, os, sys
d = sys.argv[1]
para = ("<p>The council met on Monday and agreed that the old bridges would be repaired next year, "
        "after many complaints from the people who live by the river.</p>")
files = {
    "deep-nesting-300k.html": "<div>" * 300_000 + para + "</div>" * 300_000,
    "unclosed-nesting-100k.html": "<span><b>" * 100_000 + para,
    # Issue 14: duplicate-attribute checks were quadratic (200,000: >120 s).
    # Budget: 2 s and 300 MB.
    "many-attributes-200k.html": "<div" + "".join(" a%d=x" % i for i in range(200_000)) + ">" + para + "</div>",
    "huge-attribute-20MB.html": '<div class="' + "a" * (20 << 20) + '">' + para + "</div>",
    "long-line-10MB.txt": "word " * 2_000_000,
    "entity-storm.html": "<p>" + "&amp;&#x1F600;&#0;&#xD800;&bogus;&" * 500_000 + "</p>" + para,
    "many-blocks-1M.html": "<li>a</li>" * 1_000_000,
    "table-soup.html": "<table><tr><td><b><i><table>" * 100_000,
    "json-ld-bomb.html": "<script type=application/ld+json>" + '{"@graph":[' * 200_000 + "</script>" + para,
    "big-page-50MB.html": "<html><body>" + para * 300_000 + "</body></html>",
}
for name, text in files.items():
    with open(os.path.join(d, name), "w") as f:
        f.write(text)
with open(os.path.join(d, "gzip-bomb-1GB.html.gz"), "wb") as f:
    with gzip.GzipFile(fileobj=f, mode="wb") as g:
        chunk = b" " * (1 << 20)
        for _ in range(1024):
            g.write(chunk)
PY
printf '%-28s %9s %10s  %s\n' input seconds "peak KB" result
for f in "$dir"/*; do
  out=$( { /usr/bin/time -f "%e %M" "$bin" -f json "$f" > "$dir/out.json"; } 2>&1 | tail -n 1 || true)
  result=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["error"] or "ok, %d chars" % len(d["text"]))' "$dir/out.json" 2>/dev/null || echo "no record")
  printf '%-28s %9s %10s  %s\n' "$(basename "$f")" ${out% *} ${out#* } "$result"
done
