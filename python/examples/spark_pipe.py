"""PySpark: rdd.pipe over the CLI, fed a JSONL manifest of paths. Needs no
Python package on the workers, only the unchrome binary.

    python spark_pipe.py /abs/path/to/unchrome PAGES_DIR OUT_DIR

Pitfalls: rdd.pipe starts the command with an empty environment (no PATH):
give the binary's absolute path. The CLI exits 1 when any input failed (each
failure still has its record): --allow-input-errors makes that 0, so
checkCode=True fails the task only when the CLI itself fails. --jobs 1: one
CLI per task, one task per core. The CLI answers each manifest line as soon as
it is cleaned, so the pipe never waits for a chunk to fill.
"""

import json
import os
import shlex
import sys

from pyspark.sql import SparkSession

from unchrome.parallel import manifest_lines
from _timing import Timer, pages_in

binary, pages_dir, out_dir = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
paths = pages_in(pages_dir)
# Local mode: workers run this interpreter (the one with unchrome), not
# whatever python3 is first on PATH. On a cluster, set PYSPARK_PYTHON.
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
spark = SparkSession.builder.master("local[2]").appName("unchrome-pipe").getOrCreate()
sc = spark.sparkContext
command = [binary, "--input-format", "jsonl", "--format", "jsonl", "--quiet", "--jobs", "1", "--allow-input-errors", "-"]
with Timer("spark rdd.pipe CLI") as t:
    lines = sc.parallelize(list(manifest_lines(paths)), 2)
    records = lines.pipe(shlex.join(command), checkCode=True).cache()
    records.saveAsTextFile(out_dir)
    t.done(records.count(), records.filter(lambda line: json.loads(line)["error"] is not None).count())
spark.stop()
