"""PySpark local[2]: WARC names through mapPartitions, pages through
mapInArrow, and rdd.pipe over the CLI all give the CLI's records. Skipped
where pyspark or java is missing."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import sys
from functools import partial

import pytest

from conftest import cli_binary, cli_records, without_origin, write_manifest, write_warcs

pyspark_sql = pytest.importorskip("pyspark.sql")
if shutil.which("java") is None:
    pytest.skip("java is not installed (PySpark needs a JVM)", allow_module_level=True)

import unchrome  # noqa: E402
from unchrome import parallel  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    # Workers run `python3` from PATH unless told: use this interpreter, the
    # one with unchrome installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        pyspark_sql.SparkSession.builder.master("local[2]")
        .appName("unchrome-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_warc_paths_through_map_partitions(spark, pages, tmp_path):
    warcs = write_warcs(tmp_path, pages, 4)
    cli = cli_records("--no-templates", *warcs)
    rdd = spark.sparkContext.parallelize(warcs, len(warcs))
    got = rdd.mapPartitions(partial(parallel.warc_partition, threads=1)).collect()
    assert got == cli


def test_dataframe_through_map_in_arrow(spark, pages, tmp_path):
    pytest.importorskip("pyarrow")
    html = [p for p in pages if p.suffix == ".html"] * 3
    rows = [(i, f"http://example.com/{i}", p.read_bytes()) for i, p in enumerate(html)]
    df = spark.createDataFrame(rows, "k long, url string, html binary").repartition(2)
    out = df.mapInArrow(
        partial(parallel.clean_arrow, url_column="url", id_column="k"), parallel.SPARK_SCHEMA
    )
    got = sorted(out.collect(), key=lambda r: int(r["id"]))
    expected = unchrome.clean_many(
        [{"data": body, "url": url, "id": k} for k, url, body in rows], threads=1
    )
    assert [r["text"] for r in got] == [r["text"] for r in expected]
    assert [r["title"] for r in got] == [r["title"] for r in expected]
    assert [r["url"] for r in got] == [r["url"] for r in expected]


def test_rdd_pipe_over_the_cli(spark, pages, tmp_path):
    paths = [str(p) for p in pages] * 2
    cli = cli_records("--no-templates", str(write_manifest(tmp_path / "m.jsonl", paths)))
    # rdd.pipe runs the command (one string, split like a shell) with an
    # empty environment: absolute path.
    command = [str(cli_binary()), "--input-format", "jsonl", "--format", "jsonl", "--quiet", "-"]
    lines = spark.sparkContext.parallelize(list(parallel.manifest_lines(paths)), 2)
    # checkCode=False: the CLI exits 1 when any input failed.
    got = [json.loads(line) for line in lines.pipe(shlex.join(command), checkCode=False).collect()]
    assert without_origin(got) == without_origin(cli)
