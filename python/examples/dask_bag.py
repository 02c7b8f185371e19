"""Dask: a bag of page paths, cleaned partition by partition on a
LocalCluster (two worker processes, one thread each).

    python dask_bag.py PAGES_DIR OUT_DIR

Pitfalls: ship paths, not HTML; threads=1 per worker (the helpers default to
it); map_partitions must return lists (unchrome.parallel's helpers do: a
generator cannot be pickled back).
"""

import json
import sys

import dask.bag as db
from dask.distributed import Client, LocalCluster

from unchrome.parallel import clean_partition
from _timing import Timer, pages_in

if __name__ == "__main__":
    pages_dir, out_dir = sys.argv[1], sys.argv[2]
    paths = pages_in(pages_dir)
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster):
        with Timer("dask bag map_partitions") as t:
            bag = db.from_sequence([{"path": p} for p in paths], npartitions=16)
            records = bag.map_partitions(clean_partition).persist()
            records.map(lambda r: json.dumps(r, ensure_ascii=False)).to_textfiles(f"{out_dir}/*.jsonl")
            t.done(records.count().compute(), records.filter(lambda r: r["error"] is not None).count().compute())
