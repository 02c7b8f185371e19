"""PySpark: a DataFrame of pages (Spark's binaryFile source: path, content)
cleaned with mapInArrow; the output is a table of the record's fields.

    python spark_dataframe.py PAGES_DIR OUT_DIR

Pitfalls: mapInArrow needs pyarrow on every worker; threads=1 per task; the
schema must be declared (unchrome.parallel.SPARK_SCHEMA for the default
fields). A pandas UDF works the same way with unchrome.parallel.clean_pandas
(mapInPandas).
"""

import os
import sys
from functools import partial

from pyspark.sql import SparkSession

from unchrome.parallel import SPARK_SCHEMA, clean_arrow
from _timing import Timer

pages_dir, out_dir = sys.argv[1], sys.argv[2]
# Local mode: workers run this interpreter (the one with unchrome), not
# whatever python3 is first on PATH. On a cluster, set PYSPARK_PYTHON.
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
spark = (
    SparkSession.builder.master("local[2]")
    .appName("unchrome-dataframe")
    # Pages are up to a few MB: smaller Arrow batches keep memory flat.
    .config("spark.sql.execution.arrow.maxRecordsPerBatch", "256")
    .getOrCreate()
)
with Timer("spark dataframe mapInArrow") as t:
    pages = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(pages_dir)
    clean = partial(clean_arrow, column="content", id_column="path", threads=1)
    records = pages.select("path", "content").mapInArrow(clean, SPARK_SCHEMA).cache()
    records.write.mode("overwrite").parquet(out_dir)
    t.done(records.count(), records.filter("error is not null").count())
spark.stop()
