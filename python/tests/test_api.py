"""The Python API: records equal to the CLI's, errors as records, wrong
arguments as exceptions, and the trafilatura-compatible extract()."""

from __future__ import annotations

import gzip
import io
import json
import pickle
import warnings
from functools import partial

import pytest

import unchrome
from unchrome import parallel
from conftest import cli_records, sample_pages, without_origin, write_manifest, write_warc

ARTICLE = (
    b"<html><head><title>Storm hits coast | Daily</title></head><body>"
    b"<nav><a href='/'>Home</a></nav><article><h1>Storm hits coast</h1>"
    b"<p>A storm hit the coast on Monday, and the people who live there said that it was "
    b"the worst they had seen in many years of living by the sea.</p></article>"
    b"<footer>&copy; 2024 Daily News. All rights reserved.</footer></body></html>"
)


def test_clean_gives_the_record():
    rec = unchrome.clean(ARTICLE, "https://daily.example/storm", id="a1")
    assert rec["id"] == "a1" and rec["url"] == "https://daily.example/storm"
    # The headline is the title, not the body's first line (as the CLI's
    # default); headline=True keeps it there.
    assert rec["text"].startswith("A storm hit the coast")
    assert rec["title"] == "Storm hits coast"
    kept = unchrome.clean(ARTICLE, "https://daily.example/storm", headline=True)
    assert kept["text"].startswith("Storm hits coast\nA storm hit the coast")
    assert "Home" not in rec["text"] and "rights reserved" not in rec["text"]
    assert rec["title"] == "Storm hits coast"
    assert rec["input_kind"] == "html" and rec["error"] is None
    assert "comments" not in rec and "removed" not in rec


def test_record_keys_match_the_cli(pages):
    rec = unchrome.clean(pages[0].read_bytes())
    [cli] = cli_records(str(pages[0]))
    assert list(rec) == list(cli)


def test_clean_equals_the_cli_on_every_sample(pages):
    for page in pages:
        [cli] = cli_records(str(page))
        # The CLI's extension hint: a .txt file is sniffed with it, so say so.
        kind = "text" if page.suffix == ".txt" else None
        rec = unchrome.clean(page.read_bytes(), input_kind=kind)
        assert without_origin([rec]) == without_origin([cli]), page.name


def test_str_input_is_taken_as_decoded():
    # A str is already Unicode: a page's own meta charset must not re-decode it.
    page = "<html><head><meta charset='windows-1251'></head><body><p>Привет, мир! Это статья о погоде на побережье, и она достаточно длинная.</p></body></html>"
    rec = unchrome.clean(page)
    assert "Привет, мир!" in rec["text"]
    assert rec["encoding"] == "UTF-8"
    with pytest.raises(ValueError, match="charset applies to bytes"):
        unchrome.clean(page, charset="utf-8")


def test_bad_input_is_a_record_not_an_exception():
    assert unchrome.clean(b"")["error"] == "input is empty"
    assert "binary" in unchrome.clean(bytes(range(256)) * 8)["error"]
    rec = unchrome.clean(ARTICLE, max_input_bytes=100, id=7)
    assert rec["id"] == 7 and "over the limit of 100 bytes" in rec["error"] and rec["text"] == ""


def test_wrong_arguments_raise():
    with pytest.raises(ValueError, match="favor"):
        unchrome.clean(ARTICLE, favor="fast")
    with pytest.raises(ValueError, match="input_kind"):
        unchrome.clean(ARTICLE, input_kind="pdf")
    with pytest.raises(ValueError, match="encoding"):
        unchrome.clean(ARTICLE, encoding="klingon")
    with pytest.raises(ValueError, match="charset"):
        unchrome.clean(ARTICLE, charset="klingon")
    with pytest.raises(TypeError, match="bytes or str"):
        unchrome.clean(12)
    with pytest.raises(TypeError, match="unexpected keyword argument"):
        unchrome.clean(ARTICLE, favour="precision")
    with pytest.raises(ValueError, match="threads"):
        unchrome.clean_many([ARTICLE], threads=0)


def test_options_reach_the_record():
    rec = unchrome.clean(ARTICLE, explain=True, comments=True)
    assert rec["comments"] == []
    assert any("Home" in r["text"] for r in rec["removed"])
    assert unchrome.clean(ARTICLE, input_kind="text")["input_kind"] == "text"
    cyr = "<p>Привет, мир! Это статья о погоде.</p>".encode("windows-1251")
    assert "Привет" in unchrome.clean(cyr, charset="windows-1251")["text"]
    assert unchrome.clean(cyr, encoding="koi8-r")["encoding"] == "KOI8-R"


def test_clean_many_keeps_order_and_equals_the_cli(pages, tmp_path):
    manifest = write_manifest(tmp_path / "m.jsonl", pages)
    cli = cli_records("--no-templates", str(manifest))
    items = [{"path": str(p)} for p in pages]
    for threads in (1, 2, None):
        got = unchrome.clean_many(items, threads=threads)
        assert got == cli, threads
    # Bare bytes: same extraction, no origin.
    html_pages = [p for p in pages if p.suffix == ".html"]
    by_bytes = unchrome.clean_many([p.read_bytes() for p in html_pages], threads=2)
    assert without_origin(by_bytes) == without_origin(
        [r for r, p in zip(cli, pages) if p.suffix == ".html"]
    )


def test_clean_many_items(tmp_path):
    gz = tmp_path / "a.html.gz"
    gz.write_bytes(gzip.compress(ARTICLE))
    got = unchrome.clean_many(
        [
            ARTICLE,
            ARTICLE.decode(),
            {"html": ARTICLE, "url": "http://x.example/", "id": 3, "warc_date": "2024"},
            {"text": "Just a line of text that is long enough to be an article body here."},
            {"data": ARTICLE, "id": "d"},
            {"path": str(gz)},
            {"path": str(tmp_path / "missing.html"), "id": "m"},
            {"html": "a", "text": "b", "id": "both"},
            42,
        ]
    )
    assert len(got) == 9
    assert [r["input_kind"] for r in got[:6]] == ["html", "html", "html", "text", "html", "html"]
    assert got[2]["id"] == 3 and got[2]["url"] == "http://x.example/"
    assert got[4]["id"] == "d"
    assert got[5]["text"] == got[0]["text"] and got[5]["path"] == str(gz)
    assert got[6]["id"] == "m" and "no such file" in got[6]["error"]
    assert got[7]["id"] == "both" and "exactly one of" in got[7]["error"]
    assert "bytes or str" in got[8]["error"]


def test_clean_many_templates_flag_runs_the_two_passes():
    lines = "Home | News | Sport\n{}\nShare this story\n© Daily\n"
    bodies = [
        f"Story number {i} tells of a storm that hit the coast on day {i}, with the town flooded and roads closed."
        for i in range(6)
    ]
    items = [{"text": lines.format(b), "url": f"http://daily.example/{i}"} for i, b in enumerate(bodies)]
    plain = unchrome.clean_many(items, threads=1)
    learned = unchrome.clean_many(items, threads=1, templates=True)
    assert len(learned) == 6
    assert all(b in r["text"] for b, r in zip(bodies, learned))
    # Learned templates never add text.
    assert all(len(a["text"]) <= len(b["text"]) for a, b in zip(learned, plain))


@pytest.mark.parametrize("gz", [False, True])
def test_iter_warc_equals_the_cli(pages, tmp_path, gz):
    warc = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    urls = write_warc(warc, pages, gz)
    cli = cli_records("--no-templates", str(warc))
    got = list(unchrome.iter_warc(warc, chunk=2, threads=2))
    assert got == cli
    assert [r["url"] for r in got] == urls
    # A file object (spooled to a temporary file) gives the same records but
    # for the path.
    with open(warc, "rb") as f:
        streamed = list(unchrome.iter_warc(f, threads=1))
    assert without_origin(streamed) == without_origin(cli)
    assert [r["id"] for r in streamed] == [r["id"] for r in cli]


def test_iter_warc_bad_archives(tmp_path):
    [rec] = list(unchrome.iter_warc(tmp_path / "none.warc"))
    assert "no such file" in rec["error"]
    broken = tmp_path / "broken.warc"
    broken.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort")
    recs = list(unchrome.iter_warc(broken))
    assert len(recs) == 1 and recs[0]["error"]
    with pytest.raises(TypeError):
        next(iter(unchrome.iter_warc(io.StringIO("WARC/1.0"))))
    with pytest.raises(ValueError, match="chunk"):
        unchrome.iter_warc(broken, chunk=0)


def test_extract_txt_and_metadata():
    text = unchrome.extract(ARTICLE, url="https://daily.example/storm")
    assert text == unchrome.clean(ARTICLE)["text"]
    head = unchrome.extract(ARTICLE, url="https://daily.example/storm", with_metadata=True, record_id="r")
    assert head.startswith('---\ntitle: "Storm hits coast"\n')
    assert 'hostname: "daily.example"\n' in head and 'id: "r"\n' in head
    assert head.endswith("---\n" + text)
    assert unchrome.extract(b"") is None


def test_extract_json_uses_trafilatura_keys():
    doc = json.loads(unchrome.extract(ARTICLE, url="https://daily.example/storm", output_format="json", with_metadata=True))
    for key in ("title", "author", "hostname", "date", "text", "comments", "source", "source-hostname", "excerpt"):
        assert key in doc
    assert doc["source"] == "https://daily.example/storm" and doc["hostname"] == "daily.example"
    bare = json.loads(unchrome.extract(ARTICLE, output_format="json"))
    assert list(bare) == ["text", "comments"]


def test_extract_markdown_and_comments(pages):
    md = unchrome.extract(ARTICLE, output_format="markdown")
    assert md.startswith("# Storm hits coast\n") and "---" not in md
    blog = next(p for p in pages if "comments" in p.name).read_bytes()
    with_comments = unchrome.extract(blog)
    without = unchrome.extract(blog, include_comments=False)
    assert with_comments.startswith(without) and len(with_comments) > len(without)


def test_extract_arguments():
    with pytest.raises(ValueError, match="output_format"):
        unchrome.extract(ARTICLE, output_format="xmltei")
    with pytest.raises(ValueError, match="favor"):
        unchrome.extract(ARTICLE, favor_precision=True, favor_recall=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        unchrome.extract(ARTICLE, include_tables=True, include_formatting=False, fast=False)
    with pytest.warns(UserWarning, match="include_links"):
        unchrome.extract(ARTICLE, include_links=True)
    with pytest.warns(UserWarning, match="target_language"):
        unchrome.extract(ARTICLE, target_language="de")
    assert unchrome.extract(ARTICLE, favor_precision=True)


def test_parallel_helpers_pickle_by_reference(pages, tmp_path):
    # What an engine does with a task: pickle it, ship it, call it.
    items = [{"path": str(p)} for p in pages]
    task = pickle.loads(pickle.dumps(partial(parallel.clean_partition, favor="balanced")))
    assert task(items) == unchrome.clean_many(items)
    warc = tmp_path / "c.warc.gz"
    write_warc(warc, pages, gz=True)
    task = pickle.loads(pickle.dumps(partial(parallel.warc_records)))
    got = task([str(warc)])
    assert isinstance(got, list) and got == list(unchrome.iter_warc(warc))
    assert pickle.loads(pickle.dumps(unchrome.clean_many)) is unchrome.clean_many
    lines = list(parallel.manifest_lines(["a.html"], url={"a.html": "http://e/"}))
    assert json.loads(lines[0]) == {"path": "a.html", "url": "http://e/"}


def test_clean_pandas_and_arrow(pages):
    pd = pytest.importorskip("pandas")
    html = [p.read_bytes() for p in pages if p.suffix == ".html"]
    df = pd.DataFrame({"html": html, "u": [f"http://e/{i}" for i in range(len(html))], "k": range(len(html))})
    out = parallel.clean_pandas(df, url_column="u", id_column="k")
    expected = unchrome.clean_many([{"data": h, "url": f"http://e/{i}", "id": i} for i, h in enumerate(html)])
    assert out["text"].tolist() == [r["text"] for r in expected]
    assert out["id"].tolist() == [str(i) for i in range(len(html))]
    assert list(out.columns) == list(parallel.DEFAULT_FIELDS)
    pa = pytest.importorskip("pyarrow")
    batch = pa.RecordBatch.from_pandas(df[["html"]], preserve_index=False)
    [got] = list(parallel.clean_arrow([batch]))
    assert got.schema == parallel.arrow_schema()
    assert got.column("text").to_pylist() == out["text"].tolist()


def test_help_teaches():
    for fn in (unchrome.clean, unchrome.clean_many, unchrome.iter_warc, unchrome.extract):
        assert fn.__doc__ and len(fn.__doc__) > 200, fn
    assert "max_input_bytes" in unchrome.clean.__doc__
