"""Shared by the recipes: list the pages of a folder, report docs/s."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import List


def pages_in(folder: str) -> List[str]:
    """Every file below `folder`, sorted, as absolute paths (what a cluster
    ships to its workers: names, not HTML)."""
    paths = sorted(str(p.resolve()) for p in Path(folder).rglob("*") if p.is_file())
    if not paths:
        sys.exit(f"no files in {folder}")
    return paths


class Timer:
    """`with Timer("dask") as t: ...; t.done(n)` prints `dask: n docs in s = r docs/s`."""

    def __init__(self, label: str):
        self.label = label

    def __enter__(self) -> "Timer":
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def done(self, docs: int, errors: int = 0) -> None:
        took = time.perf_counter() - self.start
        print(
            f"{self.label}: {docs} docs ({errors} errors) in {took:.2f} s = {docs / took:.1f} docs/s",
            file=sys.stderr,
        )
