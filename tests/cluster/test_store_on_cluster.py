"""`ingest --scheduler` (and NEWSQUOTES_SCHEDULER) stores what a local ingest of the same files
stores, byte for byte in the exported table; a client killed mid-run resumes to the same store;
an upload handed to the cluster from the Data page stores what one here stores."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import distributed
import pytest

from newsquotes import cli, cluster, pipeline

from .support import CHUNK, ROOT, SAMPLE


@pytest.fixture(scope="module")
def small_chunks():
    """Chunks of eight articles, so that the 44 sample articles make six tasks."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "CHUNK", CHUNK)
        yield


def _ingest(store: Path, *more: str) -> None:
    assert cli.main(["ingest", str(SAMPLE), "--store", str(store), "--processes", "1", "-q",
                     *more]) == 0


def _export(store: Path) -> list[str]:
    """Give the store's exported JSON Lines, one record a line, sorted."""
    target = store.parent / f"{store.name}.jsonl"
    assert cli.main(["export", "--store", str(store), "--to", str(target)]) == 0
    return sorted(target.read_text(encoding="utf-8").splitlines())


def _tasks(address: str) -> int:
    """Give the chunks the workers of the scheduler at `address` have extracted so far."""
    with distributed.Client(address, set_as_default=False) as client:
        return sum(client.run(cluster.tasks_run).values())


@pytest.fixture(scope="module")
def local_export(small_chunks, tmp_path_factory) -> list[str]:
    store = tmp_path_factory.mktemp("here") / "store"
    _ingest(store)
    lines = _export(store)
    assert len(lines) > 400
    return lines


def test_ingest_on_a_local_cluster_stores_what_a_local_ingest_stores(
        small_chunks, local_cluster, local_export, tmp_path, capsys):
    address = local_cluster.scheduler.address
    before = _tasks(address)
    _ingest(tmp_path / "store", "--scheduler", address)
    assert _tasks(address) - before >= 6
    assert _export(tmp_path / "store") == local_export


def test_ingest_on_the_scheduler_in_the_environment(small_chunks, dask_processes, local_export,
                                                    tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSQUOTES_SCHEDULER", dask_processes)
    before = _tasks(dask_processes)
    _ingest(tmp_path / "store")
    assert _tasks(dask_processes) - before >= 6
    assert _export(tmp_path / "store") == local_export


def _wait_for_articles(store: Path, proc: subprocess.Popen, timeout: float = 120) -> int:
    """Give the articles the store holds once a first chunk is committed."""
    from newsquotes.store.parquet import Store

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if (store / "catalog.sqlite").exists():
            held = Store(store)
            try:
                if held.count("statements"):
                    return held.count("articles")
            finally:
                held.close()
        time.sleep(0.05)
    raise AssertionError("the ingest ended or stalled before its first chunk was stored")


def test_a_client_killed_mid_run_resumes_to_the_same_store(small_chunks, local_cluster,
                                                           local_export, tmp_path, capsys):
    store, address = tmp_path / "store", local_cluster.scheduler.address
    code = ("from newsquotes import cli, pipeline\n"
            f"pipeline.CHUNK = {CHUNK}\n"
            f"cli.main(['ingest', {str(SAMPLE)!r}, '--store', {str(store)!r}, '--processes', "
            f"'1', '-q', '--scheduler', {address!r}])\n")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        kept = _wait_for_articles(store, proc)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert 0 < kept < 44
    _ingest(store, "--scheduler", address)
    assert _export(store) == local_export


class _Upload:
    """A file as Streamlit's uploader gives it: a name and its bytes."""

    def __init__(self, path: Path) -> None:
        self.name, self._data = path.name, path.read_bytes()

    def getvalue(self) -> bytes:
        return self._data


def test_an_upload_handed_to_the_cluster_stores_what_one_here_stores(local_cluster, tmp_path):
    from components.uploads import add_uploads

    files = sorted((SAMPLE / "txt").glob("*.txt"))[:4]
    address = local_cluster.scheduler.address
    before = _tasks(address)
    for where, scheduler in (("here", None), ("there", address)):
        report = add_uploads([_Upload(f) for f in files], tmp_path / where, scheduler=scheduler)
        assert not report.error and len(report.added) == 4
    assert _tasks(address) > before
    here = _export(tmp_path / "here")
    assert len(here) > 10 and _export(tmp_path / "there") == here


def test_the_data_page_offers_the_cluster_only_when_one_is_set_and_leaves_it_off(
        monkeypatch, sample_store):
    from streamlit.testing.v1 import AppTest

    from components import data

    monkeypatch.setenv(data.STORE_ENV, str(sample_store))

    def toggles() -> list:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.run()
        at.switch_page("pages/data.py").run()
        assert not at.exception, [e.message for e in at.exception]
        return [t for t in at.toggle if t.key == "data_on_cluster"]

    monkeypatch.delenv("NEWSQUOTES_SCHEDULER", raising=False)
    assert toggles() == []
    monkeypatch.setenv("NEWSQUOTES_SCHEDULER", "tcp://127.0.0.1:8786")
    (toggle,) = toggles()
    assert toggle.value is False and "tcp://127.0.0.1:8786" in toggle.label
