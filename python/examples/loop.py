"""The baseline: a plain single-process loop over unchrome.clean.

    python loop.py PAGES_DIR [OUT.jsonl]
"""

import json
import sys
from pathlib import Path

import unchrome
from _timing import Timer, pages_in

paths = pages_in(sys.argv[1])
out = open(sys.argv[2], "w") if len(sys.argv) > 2 else None
with Timer("loop over clean") as t:
    errors = 0
    for path in paths:
        rec = unchrome.clean(Path(path).read_bytes(), id=path)
        errors += rec["error"] is not None
        if out:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    t.done(len(paths), errors)
