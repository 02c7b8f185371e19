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
# A WARC record whose gzip member inflates to 1 GiB of page: bounded per record.
with open(os.path.join(d, "inflating-record-1GB.warc.gz"), "wb") as f:
    body_len = 1 << 30
    head = ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n").encode()
    rec = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://e.com/\r\n"
           "Content-Type: application/http\r\nContent-Length: %d\r\n\r\n" % (len(head) + body_len)).encode()
    with gzip.GzipFile(fileobj=f, mode="wb") as g:
        g.write(rec + head)
        chunk = b"<p>" + b"x" * ((1 << 20) - 3)
        for _ in range(1024):
            g.write(chunk)
        g.write(b"\r\n\r\n")
# 200 text pages of 5 MB: what is in flight is bounded by bytes, not only count.
os.mkdir(os.path.join(d, "pages-200x5MB"))
line = ("The council met on Monday and agreed that the old bridges would be repaired. " * 60 + "\n").encode()
page = line * (5_000_000 // len(line))
for i in range(200):
    with open(os.path.join(d, "pages-200x5MB", "%03d.txt" % i), "wb") as f:
        f.write(page)
with open(os.path.join(d, "gzip-bomb-1GB.html.gz"), "wb") as f:
    with gzip.GzipFile(fileobj=f, mode="wb") as g:
        chunk = b" " * (1 << 20)
        for _ in range(1024):
            g.write(chunk)
PY
printf '%-28s %9s %10s  %s\n' input seconds "peak KB" result
for f in "$dir"/*; do
  [ -f "$f" ] || continue
  case "$f" in *.warc.gz) continue;; esac
  out=$( { /usr/bin/time -f "%e %M" "$bin" -f json --max-input-bytes 100000000 "$f" > "$dir/out.json"; } 2>&1 | tail -n 1 || true)
  result=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["error"] or "ok, %d chars" % len(d["text"]))' "$dir/out.json" 2>/dev/null || echo "no record")
  printf '%-28s %9s %10s  %s\n' "$(basename "$f")" ${out% *} ${out#* } "$result"
done
# Inputs that never end, and many large pages at once (records counted).
run() {
  local name=$1; shift
  out=$( { /usr/bin/time -f "%e %M" "$@" > "$dir/out.jsonl"; } 2>&1 | tail -n 1 || true)
  printf '%-28s %9s %10s  %s records\n' "$name" ${out% *} ${out#* } "$(wc -l < "$dir/out.jsonl")"
}
run "/dev/zero, limit 1 MB" "$bin" -f jsonl --max-input-bytes 1000000 /dev/zero
run "stdin /dev/zero, limit 1 MB" sh -c "'$bin' -f jsonl --max-input-bytes 1000000 < /dev/zero"
run "WARC record to 1 GiB, 1 MB" "$bin" -f jsonl --max-input-bytes 1000000 "$dir/inflating-record-1GB.warc.gz"
run "200 x 5 MB text, -j2" "$bin" -q -f jsonl -j2 --no-templates "$dir/pages-200x5MB"
run "100 x 5 MB text, -j2" "$bin" -q -f jsonl -j2 --no-templates --include '0[0-9][0-9].txt' "$dir/pages-200x5MB"
