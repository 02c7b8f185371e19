"""Shared helpers: the repository's sample pages, the CLI to compare with,
and small WARC archives written on the fly."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Iterable, List, Tuple

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"

# Keys that name where a record came from, not what was extracted.
ORIGIN_KEYS = ("id", "path")


def sample_pages() -> List[Path]:
    """The repository's sample inputs: HTML in several charsets, and text."""
    pages = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".html", ".txt") and ".expected" not in p.name)
    assert len(pages) >= 4, f"samples missing in {SAMPLES}"
    return pages


def cli_binary() -> Path:
    """The unchrome CLI: $UNCHROME_BIN, else the workspace's debug or
    release build (cargo test builds the debug one)."""
    env = os.environ.get("UNCHROME_BIN")
    candidates = [Path(env)] if env else [REPO / "target" / "debug" / "unchrome", REPO / "target" / "release" / "unchrome"]
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return c
    found = shutil.which("unchrome")
    if found:
        return Path(found)
    pytest.skip("the unchrome CLI is not built (cargo build), so records cannot be compared with it")


def cli_records(*args: str) -> List[dict]:
    """Run the CLI with --format jsonl and return its records."""
    out = subprocess.run(
        [str(cli_binary()), "--format", "jsonl", "--quiet", *args],
        capture_output=True,
        check=False,
    )
    assert out.returncode in (0, 1), out.stderr.decode()
    return [json.loads(line) for line in out.stdout.decode().splitlines()]


def without_origin(records: Iterable[dict]) -> List[dict]:
    return [{k: v for k, v in r.items() if k not in ORIGIN_KEYS} for r in records]


def write_manifest(path: Path, pages: Iterable[Path]) -> Path:
    path.write_text("".join(json.dumps({"path": str(p)}) + "\n" for p in pages))
    return path


def _warc_record(headers: List[Tuple[str, str]], block: bytes) -> bytes:
    # WARC-Date is mandatory (datatrove's reader needs it).
    headers = [*headers, ("WARC-Date", "2024-05-01T12:00:00Z")]
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    head += f"Content-Length: {len(block)}\r\n\r\n"
    return head.encode() + block + b"\r\n\r\n"


def write_warc(path: Path, pages: Iterable[Path], gz: bool) -> List[str]:
    """A crawl-like archive: a warcinfo record, then per page a request and
    its HTTP response (the first one chunked), with the page's URL. Returns
    the URLs of the HTML responses, in order: the pages the archive filter
    takes (a text/plain response is skipped, like a style sheet)."""
    records = [_warc_record([("WARC-Type", "warcinfo"), ("WARC-Record-ID", "<urn:uuid:info>")], b"software: tests\r\n")]
    urls = []
    for i, page in enumerate(pages):
        url = f"http://example.com/{i}/{page.name}"
        body = page.read_bytes()
        kind = "text/plain" if page.suffix == ".txt" else "text/html"
        if kind == "text/html":
            urls.append(url)
        if i == 0:
            coded = f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n"
            http = f"HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nTransfer-Encoding: chunked\r\n\r\n".encode() + coded
        else:
            http = f"HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\n\r\n".encode() + body
        records.append(
            _warc_record(
                [("WARC-Type", "request"), ("WARC-Record-ID", f"<urn:uuid:req-{i}>"), ("WARC-Target-URI", url)],
                f"GET /{i} HTTP/1.1\r\nHost: example.com\r\n\r\n".encode(),
            )
        )
        records.append(
            _warc_record(
                [
                    ("WARC-Type", "response"),
                    ("WARC-Record-ID", f"<urn:uuid:resp-{i}>"),
                    ("WARC-Target-URI", url),
                    ("Content-Type", "application/http; msgtype=response"),
                ],
                http,
            )
        )
    data = b"".join(gzip.compress(r) for r in records) if gz else b"".join(records)
    path.write_bytes(data)
    return urls


def write_warcs(folder: Path, pages: List[Path], count: int) -> List[str]:
    """`count` gzipped archives of the pages, for engines to spread."""
    warcs = []
    for i in range(count):
        w = folder / f"crawl-{i}.warc.gz"
        write_warc(w, pages, gz=True)
        warcs.append(str(w))
    return warcs


@pytest.fixture
def pages() -> List[Path]:
    return sample_pages()
