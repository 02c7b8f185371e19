"""Helpers for Spark, Dask, Ray and friends, importable on every worker.

Engines ship functions to their workers by pickling them, and a function is
pickled *by reference* (module and name): one defined in your script or
notebook fails on a worker with "No module named …" unless the script is
shipped too. The functions here live in the installed package, so they pickle
everywhere; bind options with :func:`functools.partial`, which pickles too::

    from functools import partial
    from unchrome.parallel import warc_partition
    records = sc.parallelize(warc_paths, len(warc_paths)).mapPartitions(
        partial(warc_partition, threads=1))

Every helper defaults to ``threads=1``: an engine already runs one task per
core, and more threads per task would oversubscribe the machine. Helpers meant
for Dask return lists, not generators (a generator cannot be pickled back to
the client).
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence

from . import clean_many, iter_warc

__all__ = [
    "DEFAULT_FIELDS",
    "SPARK_SCHEMA",
    "arrow_schema",
    "clean_arrow",
    "clean_pandas",
    "clean_partition",
    "manifest_lines",
    "warc_partition",
    "warc_records",
]

Record = Dict[str, Any]

#: The record fields a table gets by default (all strings; ``id`` is the
#: record's id as a string: a JSON number becomes its digits).
DEFAULT_FIELDS = ("id", "url", "text", "title", "author", "date", "language", "error")

#: The Spark DDL schema of a table of :data:`DEFAULT_FIELDS`, for
#: ``mapInArrow`` / ``mapInPandas``.
SPARK_SCHEMA = ", ".join(f"{name} string" for name in DEFAULT_FIELDS)


def clean_partition(items: Iterable[Any], threads: int = 1, **options: Any) -> List[Record]:
    """:func:`unchrome.clean_many` over one partition (Dask
    ``bag.map_partitions``, Spark ``mapPartitions``): the records as a list."""
    return clean_many(items, threads=threads, **options)


def warc_partition(paths: Iterable[str], threads: int = 1, **options: Any) -> Iterator[Record]:
    """The records of every WARC archive in a partition of paths, streamed
    (Spark ``mapPartitions``: the pattern of Common Crawl's cc-pyspark)."""
    for path in paths:
        yield from iter_warc(path, threads=threads, **options)


def warc_records(paths: Iterable[str], threads: int = 1, **options: Any) -> List[Record]:
    """The records of every WARC archive in a partition of paths, as a list
    (Dask ``bag.map_partitions``: a generator cannot travel back)."""
    return list(warc_partition(paths, threads=threads, **options))


def _items(
    pages: Sequence[Any],
    url: Optional[Sequence[Any]],
    ids: Optional[Sequence[Any]],
) -> List[Any]:
    """Rows of a table as clean_many items: bare pages when there is no url or
    id column, else ``{"data", "url", "id"}`` dicts (the kind sniffed either
    way); a missing page is an empty one (an error record)."""
    if url is None and ids is None:
        return [b"" if page is None else page for page in pages]
    items = []
    for i, page in enumerate(pages):
        item: Dict[str, Any] = {"data": b"" if page is None else page}
        if url is not None and url[i] is not None:
            item["url"] = str(url[i])
        if ids is not None and ids[i] is not None:
            item["id"] = ids[i] if isinstance(ids[i], (str, int, float)) else str(ids[i])
        items.append(item)
    return items


def _column(rec: Record, name: str) -> Optional[str]:
    value = rec.get(name)
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else str(value)


def clean_pandas(
    df: Any,
    column: str = "html",
    url_column: Optional[str] = None,
    id_column: Optional[str] = None,
    fields: Sequence[str] = DEFAULT_FIELDS,
    threads: int = 1,
    **options: Any,
) -> Any:
    """Clean a pandas DataFrame of pages (bytes or str in ``column``) into a
    DataFrame of ``fields`` (strings), one row per page, in order. For Ray
    Data ``map_batches(..., batch_format="pandas")``, Spark ``mapInPandas``
    (via :func:`functools.partial`) or a pandas UDF. Without ``id_column``
    the ``id`` field is null. A page's kind is sniffed (HTML or text) unless
    ``input_kind`` says otherwise.
    """
    import pandas as pd

    pages = df[column].tolist()
    urls = df[url_column].tolist() if url_column else None
    ids = df[id_column].tolist() if id_column else None
    records = clean_many(_items(pages, urls, ids), threads=threads, **options)
    return pd.DataFrame({name: [_column(r, name) for r in records] for name in fields})


def arrow_schema(fields: Sequence[str] = DEFAULT_FIELDS) -> Any:
    """The pyarrow schema of :func:`clean_arrow`'s batches."""
    import pyarrow as pa

    return pa.schema([(name, pa.string()) for name in fields])


def clean_arrow(
    batches: Iterable[Any],
    column: str = "html",
    url_column: Optional[str] = None,
    id_column: Optional[str] = None,
    fields: Sequence[str] = DEFAULT_FIELDS,
    threads: int = 1,
    **options: Any,
) -> Iterator[Any]:
    """Spark ``mapInArrow``: clean every pyarrow RecordBatch of pages into a
    RecordBatch of ``fields`` (strings; schema :func:`arrow_schema`, Spark
    DDL :data:`SPARK_SCHEMA` for the default fields)."""
    import pyarrow as pa

    schema = arrow_schema(fields)
    for batch in batches:
        pages = batch.column(column).to_pylist()
        urls = batch.column(url_column).to_pylist() if url_column else None
        ids = batch.column(id_column).to_pylist() if id_column else None
        records = clean_many(_items(pages, urls, ids), threads=threads, **options)
        yield pa.RecordBatch.from_arrays(
            [pa.array([_column(r, name) for r in records], pa.string()) for name in fields],
            schema=schema,
        )


def manifest_lines(paths: Iterable[str], url: Optional[Dict[str, str]] = None) -> Iterator[str]:
    """JSONL manifest lines (``{"path": …}``) for the CLI, e.g. the input of
    Spark's ``rdd.pipe`` over ``unchrome --input-format jsonl -``."""
    for path in paths:
        line: Dict[str, Any] = {"path": path}
        if url and path in url:
            line["url"] = url[path]
        yield json.dumps(line, ensure_ascii=False)
