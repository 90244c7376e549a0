"""The Dask runner gives the statements a local run gives, byte for byte, on a LocalCluster and
on a `dask scheduler` with two `dask worker`s started here; a worker killed mid-run loses
nothing; spaCy loads once per worker; Dask is imported only when a scheduler is given."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from newsquotes import cluster

from .support import ROOT, free_port, same, stop

distributed = pytest.importorskip("distributed")


class Counted:
    """The chunks, counting how many the runner has taken when each result comes back."""

    def __init__(self, chunks: list[pd.DataFrame]) -> None:
        self.chunks, self.taken, self.ahead = chunks, 0, []

    def __iter__(self):
        for chunk in self.chunks:
            self.taken += 1
            yield chunk

    def run(self, runner) -> list[pd.DataFrame]:
        out = []
        for frame in runner(iter(self)):
            out.append(frame)
            self.ahead.append(self.taken - len(out))
        return out


@pytest.fixture(scope="package")
def on_local_cluster(local_cluster, chunks):
    """The chunks run through the LocalCluster, two in flight; and each worker's loads."""
    counted = Counted(chunks)
    got = counted.run(cluster.dask_runner(local_cluster, in_flight=2))
    loads = local_cluster.run(_loads)
    return got, counted, loads


def _loads() -> tuple[int, int, int]:
    """Give this process's spaCy model loads, distinct configurations held, chunks run."""
    from newsquotes.nlp import load_model

    info = load_model.cache_info()
    return info.misses, info.currsize, cluster.tasks_run()


def test_a_local_cluster_gives_the_local_statements_in_order(on_local_cluster, local):
    got, _, _ = on_local_cluster
    assert sum(map(len, local)) > 100
    same(got, local)


def test_no_more_chunks_are_taken_than_the_window(on_local_cluster, chunks):
    _, counted, _ = on_local_cluster
    assert counted.taken == len(chunks)
    # Two in flight: when a result comes back at most one more chunk has been taken.
    assert max(counted.ahead) <= 1
    assert counted.ahead[0] == 1


def test_spacy_loads_once_per_worker_not_per_chunk(on_local_cluster, chunks):
    _, _, loads = on_local_cluster
    assert len(loads) == 2
    runs = sorted(tasks for _, _, tasks in loads.values())
    assert sum(runs) == len(chunks) and runs[-1] >= 3
    for misses, held, tasks in loads.values():
        # Each configuration of the pipeline the extractor uses was loaded once.
        assert tasks == 0 or 0 < misses == held <= 4


def test_a_worker_killed_mid_run_loses_nothing(local_cluster, chunks, local):
    pids = local_cluster.run(os.getpid)
    killed = []

    def kill_a_busy_worker(frames):
        for n, frame in enumerate(frames):
            if n == 1:
                busy = [w for w, keys in local_cluster.processing().items() if keys]
                assert busy, "no chunk in flight to kill"
                killed.append(pids[busy[0]])
                os.kill(pids[busy[0]], signal.SIGKILL)
            yield frame

    got = list(kill_a_busy_worker(cluster.dask_runner(local_cluster, in_flight=4)(iter(chunks))))
    same(got, local)
    assert killed and killed[0] not in local_cluster.run(os.getpid).values()


def test_a_worker_with_other_versions_is_refused(chunks):
    with pytest.raises(cluster.ClusterError, match="install the same newsquotes"):
        cluster.extract_chunk(chunks[0], None, ("quotes-0", "spacy==0"))


def test_workers_with_other_versions_than_the_client_are_refused_before_any_chunk(
        local_cluster, chunks, monkeypatch):
    before = sum(local_cluster.run(cluster.tasks_run).values())
    monkeypatch.setattr(cluster, "fingerprint", lambda: ("quotes-0", "spacy==0"))
    with pytest.raises(cluster.ClusterError, match="run other versions than the client"):
        next(cluster.dask_runner(local_cluster)(iter(chunks)))
    assert sum(local_cluster.run(cluster.tasks_run).values()) == before


def test_a_worker_without_the_project_is_a_plain_error(tmp_path):
    # Its HTTP server on a free port: the module's LocalCluster holds the default one.
    with distributed.LocalCluster(n_workers=0, processes=False, protocol="tcp://",
                                  host="127.0.0.1", dashboard_address=":0") as lc:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        worker = subprocess.Popen(
            [str(Path(sys.executable).with_name("dask")), "worker", lc.scheduler_address,
             "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"], cwd=tmp_path,
            env=env, start_new_session=True, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        try:
            with distributed.Client(lc, set_as_default=False) as client:
                client.wait_for_workers(1, timeout=60)
                with pytest.raises(cluster.ClusterError, match="cannot run newsquotes"):
                    next(cluster.dask_runner(client)(iter([])))
        finally:
            stop([worker])


def test_an_unreachable_scheduler_is_a_plain_error():
    runner = cluster.dask_runner(f"tcp://127.0.0.1:{free_port()}", timeout="1s")
    with pytest.raises(cluster.ClusterError, match="cannot reach the Dask scheduler"):
        next(runner(iter([])))


def test_a_scheduler_and_two_workers_give_the_local_statements(dask_processes, chunks, local):
    got = list(cluster.dask_runner(dask_processes)(iter(chunks)))
    same(got, local)
    with distributed.Client(dask_processes, set_as_default=False) as client:
        runs = client.run(cluster.tasks_run)
    assert sum(runs.values()) == len(chunks) and len(runs) == 2


def test_importing_the_cli_and_a_local_ingest_leave_dask_out(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Title: Port talks\n\n“We will sign,” said Mara Olsen, the mayor.\n",
                       encoding="utf-8")
    code = ("import sys\n"
            "from newsquotes import cli\n"
            f"rc = cli.main(['ingest', {str(article)!r}, '--store', {str(tmp_path / 's')!r}, "
            "'--processes', '1', '-q'])\n"
            "print(rc, sorted(m for m in ('dask', 'distributed') if m in sys.modules))\n")
    env = {k: v for k, v in os.environ.items() if k != "NEWSQUOTES_SCHEDULER"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "0 []"


def test_the_runner_module_itself_does_not_import_dask():
    code = "import sys, newsquotes.cluster\nprint('distributed' in sys.modules)\n"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "False"
