"""A datatrove extractor: ``unchrome.datatrove.Unchrome`` in place of
``datatrove.pipeline.extractors.Trafilatura`` in a FineWeb-style pipeline::

    from datatrove.pipeline.readers import WarcReader
    from unchrome.datatrove import Unchrome

    pipeline = [WarcReader("s3://commoncrawl/crawl-data/…"), Unchrome(), …]

Needs the optional extra: ``pip install 'unchrome[datatrove]'``.
"""

from __future__ import annotations

from itertools import islice
from typing import Any, Iterator

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor
from datatrove.utils.typeshelper import StatHints

from . import clean, clean_many

__all__ = ["Unchrome"]

# Metadata fields copied into ``doc.metadata`` (when found), under these names.
_METADATA = ("title", "author", "date", "language", "site_name", "canonical_url")


class Unchrome(BaseExtractor):
    """Extract each document's article with unchrome.

    Unlike the base class, documents are cleaned a chunk at a time in this
    process (no sandbox subprocess per document): unchrome runs in linear
    time and turns a bad page into an error record, never a hang or a
    crash, so ``timeout`` is accepted for compatibility and not needed.

    Args:
        favor: ``"precision"``, ``"balanced"`` or ``"recall"``.
        include_comments: append reader comments to the text.
        add_metadata: copy title, author, date, language, site_name and
            canonical_url into ``doc.metadata`` (only those found).
        threads: threads per task (1: datatrove already runs a task per core).
        chunk: documents cleaned per call.
        timeout: accepted for compatibility with other extractors; unused.
    """

    name = "⛏ Unchrome"

    def __init__(
        self,
        favor: str = "balanced",
        include_comments: bool = False,
        add_metadata: bool = True,
        threads: int = 1,
        chunk: int = 256,
        timeout: float = 1,
    ):
        super().__init__(timeout)
        # Fail at construction, not deep inside a worker.
        clean(b"", favor=favor)
        self.favor = favor
        self.include_comments = include_comments
        self.add_metadata = add_metadata
        self.threads = threads
        self.chunk = chunk

    def _text(self, rec: dict) -> str:
        text = rec["text"]
        if self.include_comments and rec.get("comments"):
            text = "\n".join([text, *rec["comments"]]) if text else ""
        return text

    def extract(self, text: str) -> str:
        """The article of one page (html as str), as plain text."""
        rec = clean(text, favor=self.favor, comments=self.include_comments)
        return self._text(rec)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        docs: Iterator[Any] = iter(data)
        while True:
            batch = list(islice(docs, self.chunk))
            if not batch:
                return
            items = [
                {"data": doc.text or b"", "url": doc.metadata.get("url"), "id": doc.id}
                for doc in batch
            ]
            with self.track_time(unit="batch"):
                records = clean_many(
                    items,
                    threads=self.threads,
                    favor=self.favor,
                    comments=self.include_comments,
                )
            for doc, rec in zip(batch, records):
                self.stat_update(StatHints.total)
                if rec["error"] is not None:
                    self.stat_update("clean_error")
                doc.text = self._text(rec)
                if not doc.text:
                    self.stat_update(StatHints.dropped)
                    continue
                self.stat_update("extracted")
                if self.add_metadata:
                    for key in _METADATA:
                        if rec.get(key):
                            doc.metadata[key] = rec[key]
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc
