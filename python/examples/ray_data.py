"""Ray Data: read a folder of pages as binary files and clean them with
map_batches over pandas batches.

    python ray_data.py PAGES_DIR OUT_DIR

Pitfalls: threads=1 per task (Ray schedules one per CPU); batch_format
"pandas" matches unchrome.parallel.clean_pandas.
"""

import sys
from functools import partial

import ray

from unchrome.parallel import clean_pandas
from _timing import Timer

pages_dir, out_dir = sys.argv[1], sys.argv[2]
ray.init(num_cpus=2, include_dashboard=False)
with Timer("ray data map_batches") as t:
    pages = ray.data.read_binary_files(pages_dir, include_paths=True)
    records = pages.map_batches(
        partial(clean_pandas, column="bytes", id_column="path"), batch_format="pandas", batch_size=64
    ).materialize()
    records.write_json(out_dir)
    t.done(records.count(), records.filter(lambda r: r["error"] is not None).count())
