#!/usr/bin/env bash
# docs/s of every recipe on one folder of pages, next to the CLI.
#
#   python/examples/bench.sh PAGES_DIR [WORK_DIR]
#
# Run from the repository root with the venv's python first on PATH, the
# release package installed (maturin build --release …; pip install) and the
# release CLI built (cargo build --release). Recipes whose engine is not
# installed are skipped. The pages are also packed into 8 WARC.gz archives
# (for the WARC recipes) with the tests' archive writer.
set -euo pipefail
pages=$(cd "$1" && pwd)
work=${2:-$(mktemp -d)}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cli="$repo/target/release/unchrome"
mkdir -p "$work/warcs"
python - "$pages" "$work/warcs" "$repo/python/tests" <<'PY'
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
import conftest
pages = sorted(p for p in Path(sys.argv[1]).rglob("*") if p.is_file())
for i in range(8):
    conftest.write_warc(Path(sys.argv[2]) / f"pages-{i}.warc.gz", pages[i::8], gz=True)
PY
find "$pages" -type f | sort | python -c 'import json,sys; [print(json.dumps({"path": l.strip()})) for l in sys.stdin]' > "$work/manifest.jsonl"
n=$(wc -l < "$work/manifest.jsonl")

start=$(date +%s.%N)
"$cli" -f jsonl -q "$work/manifest.jsonl" > "$work/cli.jsonl" || true
end=$(date +%s.%N)
python -c "print(f'CLI -f jsonl MANIFEST: $n docs in {$end-$start:.2f} s = {$n/($end-$start):.1f} docs/s')" >&2

cd "$here"
has() { python -c "import $1" 2>/dev/null; }
python loop.py "$pages"
python clean_many.py "$pages" 1
python clean_many.py "$pages"
has dask.distributed && python dask_bag.py "$pages" "$work/dask"
has ray && python ray_data.py "$pages" "$work/ray"
if has pyspark && command -v java >/dev/null; then
  python spark_warc.py "$work/spark-warc" "$work"/warcs/*.warc.gz 2>&1 | grep 'docs/s'
  python spark_dataframe.py "$pages" "$work/spark-df" 2>&1 | grep 'docs/s'
  python spark_pipe.py "$cli" "$pages" "$work/spark-pipe" 2>&1 | grep 'docs/s'
fi
has datatrove && python datatrove_pipeline.py "$work/warcs" "$work/datatrove" 2>&1 | grep 'docs/s'
echo "outputs in $work" >&2
