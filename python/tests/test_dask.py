"""Dask: a bag of paths cleaned with map_partitions on a LocalCluster of
two worker processes gives the CLI's records, in order."""

from __future__ import annotations

import pytest

from conftest import cli_records, write_manifest, write_warcs

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")

from unchrome import parallel  # noqa: E402


@pytest.fixture(scope="module")
def client():
    # Processes, not threads: what a real cluster does (tasks are pickled).
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as c:
        yield c


def test_bag_of_paths_equals_the_cli(client, pages, tmp_path):
    # Many more items than samples, so both workers get partitions.
    paths = [str(p) for p in pages] * 6
    cli = cli_records("--no-templates", str(write_manifest(tmp_path / "m.jsonl", paths)))
    bag = dask_bag.from_sequence([{"path": p} for p in paths], npartitions=4)
    got = bag.map_partitions(parallel.clean_partition).compute()
    assert got == cli


def test_bag_of_warc_names_equals_the_cli(client, pages, tmp_path):
    warcs = write_warcs(tmp_path, pages, 3)
    cli = cli_records("--no-templates", *warcs)
    got = dask_bag.from_sequence(warcs, npartitions=3).map_partitions(parallel.warc_records).compute()
    assert got == cli
