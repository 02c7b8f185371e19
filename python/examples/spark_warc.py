"""PySpark: an RDD of WARC paths, each partition streaming its archives
through unchrome.iter_warc (the pattern of Common Crawl's cc-pyspark).

    python spark_warc.py OUT_DIR WARC [WARC ...]       # local[2]
    spark-submit --master yarn spark_warc.py OUT_DIR s3a://... # on a cluster

Pitfalls: distribute WARC *names*, never their bytes; one partition per
archive; threads=1 (Spark already runs one task per core); the function must
come from the installed package (unchrome.parallel), not from this script.
"""

import json
import os
import sys
from functools import partial

from pyspark.sql import SparkSession

from unchrome.parallel import warc_partition
from _timing import Timer

out_dir, warcs = sys.argv[1], sys.argv[2:]
# Local mode: workers run this interpreter (the one with unchrome), not
# whatever python3 is first on PATH. On a cluster, set PYSPARK_PYTHON.
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
spark = SparkSession.builder.master("local[2]").appName("unchrome-warc").getOrCreate()
sc = spark.sparkContext
with Timer("spark warc mapPartitions") as t:
    records = sc.parallelize(warcs, len(warcs)).mapPartitions(partial(warc_partition, threads=1)).cache()
    records.map(lambda r: json.dumps(r, ensure_ascii=False)).saveAsTextFile(out_dir)
    t.done(records.count(), records.filter(lambda r: r["error"] is not None).count())
spark.stop()
