"""unchrome: the article in a saved web page, without the site's chrome.

Four calls cover single pages, batches and crawl archives::

    >>> import unchrome
    >>> rec = unchrome.clean(b"<html><body><p>Hello, world.</p></body></html>")
    >>> rec["text"], rec["error"]
    ('Hello, world.', None)

- :func:`clean` — one page (bytes or str) to the CLI's record, a dict.
- :func:`clean_many` — many pages on several threads, one record each, in order.
- :func:`iter_warc` — the records of a WARC/WARC.gz archive, streamed.
- :func:`extract` — a drop-in for ``trafilatura.extract``.

A page that cannot be cleaned (empty, binary, too large, unreadable) gives a
record whose ``error`` says why; a wrong argument raises ``ValueError``.
Helpers for Spark, Dask and Ray live in :mod:`unchrome.parallel`, a datatrove
extractor in :mod:`unchrome.datatrove`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import IO, Any, Dict, Iterator, Optional, Union

from . import _unchrome
from ._extract import extract

__all__ = [
    "DEFAULT_MAX_INPUT_BYTES",
    "clean",
    "clean_many",
    "extract",
    "iter_warc",
    "__version__",
]

__version__: str = _unchrome.VERSION

#: Inputs larger than this many bytes get an error record (the CLI's
#: ``--max-input-bytes`` default, 64 MiB).
DEFAULT_MAX_INPUT_BYTES: int = _unchrome.DEFAULT_MAX_INPUT_BYTES

Record = Dict[str, Any]


clean = _unchrome.clean
clean_many = _unchrome.clean_many


def _sniff_warc_suffix(head: bytes) -> str:
    return ".warc.gz" if head[:2] == b"\x1f\x8b" else ".warc"


def iter_warc(
    source: Union[str, "os.PathLike[str]", IO[bytes]],
    *,
    threads: Optional[int] = None,
    chunk: int = 256,
    **options: Any,
) -> Iterator[Record]:
    """Stream the records of a WARC or WARC.gz archive: one record per
    page-like WARC record (the same filter as the CLI: an HTTP ``response``,
    or a ``resource`` holding HTML), with the WARC-Target-URI as ``url``, the
    WARC-Record-ID as ``id`` and the archive as ``path``.

    The archive is read record by record and cleaned ``chunk`` records at a
    time on ``threads`` threads (None: one per core; 1 inside engines), so
    memory stays flat for a crawl file of any size. A record that cannot be
    read ends the archive with one error record.

    Args:
        source: a path (``.warc`` or ``.warc.gz``), or a binary file object
            (an S3 or HTTP stream, ``sys.stdin.buffer``). A file object is
            first copied to a temporary file, deleted when the iterator ends,
            because the archive reader works on files.
        threads, chunk: threads per chunk, records per chunk.
        options: as for :func:`clean` (``input_kind``, ``encoding``,
            ``favor``, ``comments``, ``explain``, ``max_input_bytes``, which
            also bounds what one record may inflate to).

    Yields:
        Records (see :func:`clean`).
    """
    if hasattr(source, "read"):
        return _iter_spooled(source, dict(threads=threads, chunk=chunk, **options))
    # Arguments are checked now, not at the first next().
    return _unchrome.WarcRecords(os.fspath(source), threads=threads, chunk=chunk, **options)


def _iter_spooled(stream: IO[bytes], options: dict) -> Iterator[Record]:
    head = stream.read(2)
    if isinstance(head, str):
        raise TypeError("iter_warc needs a binary file object (open the file with 'rb')")
    fd, path = tempfile.mkstemp(prefix="unchrome-", suffix=_sniff_warc_suffix(head))
    try:
        with os.fdopen(fd, "wb") as spool:
            spool.write(head)
            shutil.copyfileobj(stream, spool, 1 << 20)
        yield from _unchrome.WarcRecords(path, **options)
    finally:
        os.unlink(path)
