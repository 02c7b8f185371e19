"""One process, all cores: unchrome.clean_many over a folder of pages.

    python clean_many.py PAGES_DIR [THREADS]
"""

import sys

import unchrome
from _timing import Timer, pages_in

paths = pages_in(sys.argv[1])
threads = int(sys.argv[2]) if len(sys.argv) > 2 else None
with Timer(f"clean_many threads={threads}") as t:
    records = unchrome.clean_many([{"path": p} for p in paths], threads=threads)
    t.done(len(records), sum(r["error"] is not None for r in records))
