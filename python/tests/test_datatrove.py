"""The datatrove extractor: documents in, articles out, equal to clean();
skipped where datatrove is not installed (it is an optional extra)."""

from __future__ import annotations

import pickle

import pytest

pytest.importorskip("datatrove")

from datatrove.data import Document  # noqa: E402

import unchrome  # noqa: E402
from unchrome.datatrove import Unchrome  # noqa: E402


def test_extractor_cleans_documents(pages):
    html = [p for p in pages if p.suffix == ".html"]
    docs = [Document(text=p.read_text(errors="replace"), id=p.name, metadata={"url": f"http://e/{p.name}"}) for p in html]
    docs.append(Document(text="", id="empty", metadata={}))
    # Before the run: the extractor replaces each document's text.
    expected = [unchrome.clean(d.text, f"http://e/{d.id}")["text"] for d in docs[:-1]]
    first = docs[0].text
    step = pickle.loads(pickle.dumps(Unchrome(chunk=2)))
    out = list(step.run(iter(docs)))
    assert [d.text for d in out] == [t for t in expected if t]
    assert all(d.metadata.get("title") for d in out if d.id.startswith("jsonld"))
    assert step.extract(first) == expected[0]
    with pytest.raises(ValueError):
        Unchrome(favor="fast")
