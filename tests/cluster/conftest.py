"""Fixtures of the cluster tests: the sample corpus in chunks and its statements extracted
here; a LocalCluster of two worker processes; a `dask scheduler` and two `dask worker`s started
as processes. Each lives as long as the tests of this folder and is stopped after them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from newsquotes import pipeline
from newsquotes.ingest.files import read_paths
from newsquotes.records import Article

from .support import CHUNK, ROOT, SAMPLE, frame, free_port, stop

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="package")
def chunks() -> list[pd.DataFrame]:
    """The sample corpus's articles in chunks of eight, as the streaming ingest gives them."""
    df = frame([a for a in read_paths([SAMPLE]) if isinstance(a, Article)])
    assert len(df) >= 40
    return [df.iloc[lo:lo + CHUNK] for lo in range(0, len(df), CHUNK)]


@pytest.fixture(scope="package")
def local(chunks) -> list[pd.DataFrame]:
    """Each chunk's statements extracted here, one process: what the cluster must give."""
    return [pipeline.build_statements(chunk, None, n_process=1) for chunk in chunks]


@pytest.fixture(scope="package")
def local_cluster():
    """A client of a LocalCluster: two worker processes of one thread each."""
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  host="127.0.0.1", dashboard_address=None) as lc, \
            distributed.Client(lc, set_as_default=False) as client:
        yield client


@pytest.fixture(scope="package")
def dask_processes():
    """A `dask scheduler` and two `dask worker`s (one thread each) on 127.0.0.1."""
    dask = Path(sys.executable).with_name("dask")
    address = f"tcp://127.0.0.1:{free_port()}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    common = {"cwd": ROOT, "env": env, "start_new_session": True,
              "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    procs = [subprocess.Popen([str(dask), "scheduler", "--host", "127.0.0.1", "--port",
                               address.rsplit(":", 1)[1], "--no-dashboard"], **common)]
    try:
        for name in ("w1", "w2"):
            procs.append(subprocess.Popen([str(dask), "worker", address, "--nthreads", "1",
                                           "--host", "127.0.0.1", "--no-dashboard",
                                           "--name", name], **common))
        with distributed.Client(address, set_as_default=False, timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        stop(procs)
