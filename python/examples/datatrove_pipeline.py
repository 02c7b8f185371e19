"""datatrove: the FineWeb-style pipeline with unchrome in place of
trafilatura (one line changed).

    pip install 'unchrome[datatrove]'
    python datatrove_pipeline.py WARC_DIR OUT_DIR

Pitfalls: datatrove runs one task per worker: the extractor uses threads=1.
"""

import json
import sys

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import WarcReader
from datatrove.pipeline.writers import JsonlWriter

from unchrome.datatrove import Unchrome
from _timing import Timer

if __name__ == "__main__":
    warc_dir, out_dir = sys.argv[1], sys.argv[2]
    executor = LocalPipelineExecutor(
        pipeline=[
            WarcReader(warc_dir, glob_pattern="*.warc.gz"),
            Unchrome(),  # was: Trafilatura(favour_precision=True)
            JsonlWriter(out_dir),
        ],
        tasks=2,
        workers=2,
        logging_dir=f"{out_dir}/logs",
    )
    with Timer("datatrove") as t:
        executor.run()
        # Documents read (not only those kept): the reader's count.
        stats = json.load(open(f"{out_dir}/logs/stats.json"))
        read = next(s for s in stats if "READER" in s["name"])["stats"]["documents"]["total"]
        t.done(int(read))
