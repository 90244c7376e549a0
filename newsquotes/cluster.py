"""Extraction on a Dask cluster: a runner (contract 3) that sends chunks of articles to workers.

Reading stays on the client; each chunk goes to a worker as one task, which runs
`pipeline.build_statements(chunk, aliases, n_process=1)` and sends the statements back, in the
order the chunks came, to the client's own streaming, checkpointed write path: one writer, so
the store's catalog transactions stay on one machine and no storage is shared.

spaCy loads once per worker process, through the module-level cache of `nlp.load_model` (an
lru_cache): the first task a worker runs loads it, every later one reuses it. Dask is imported
only when a runner runs, never when this module is imported.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterator
from importlib import metadata
from typing import TYPE_CHECKING

import pandas as pd

from newsquotes.nlp import MODEL_PACKAGES

if TYPE_CHECKING:
    from distributed import Client

# Retries of a task that raised (a worker that dies is rescheduled by the scheduler itself,
# up to its `distributed.scheduler.allowed-failures`, default 3).
RETRIES = 2
# One task at a time per worker process: the spaCy pipeline and its cache are shared by the
# threads of a process and are not made for concurrent use. Use `--nworkers`, not `--nthreads`.
_ONE_AT_A_TIME = threading.Lock()
_TASKS_RUN = [0]  # tasks this process ran, read by the tests through `Client.run`


class ClusterError(RuntimeError):
    """A worker cannot give the statements this client would (another version, no project)."""


def fingerprint() -> tuple[str, ...]:
    """Give what decides the statements besides the text: extractor, spaCy and model versions."""
    from newsquotes.extract.pipeline import EXTRACTOR_VERSION

    models = []
    for name in MODEL_PACKAGES:
        try:
            models.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return (EXTRACTOR_VERSION, f"spacy=={metadata.version('spacy')}", *models)


def extract_chunk(chunk: pd.DataFrame, aliases: dict[str, str] | None,
                  expected: tuple[str, ...]) -> pd.DataFrame:
    """Give the statements of one chunk of articles, on a worker whose versions are `expected`."""
    from newsquotes import pipeline

    mine = fingerprint()
    if mine != expected:
        raise ClusterError(f"this worker runs {mine}, the client {expected}: install the "
                           "same newsquotes, spaCy and model on every worker")
    with _ONE_AT_A_TIME:
        _TASKS_RUN[0] += 1
        return pipeline.build_statements(chunk, aliases, n_process=1)


def tasks_run() -> int:
    """Give the number of chunks this process has extracted (for tests and benchmarks)."""
    return _TASKS_RUN[0]


def _window(client: Client, in_flight: int | None) -> int:
    """Give the number of chunks to keep on the cluster: two per worker thread, at least two."""
    if in_flight:
        return in_flight
    return max(2, 2 * sum(client.nthreads().values()))


def _connect(address_or_client: str | Client, timeout: str) -> tuple[Client, bool]:
    """Give a client for the scheduler and whether this runner opened it (and must close it)."""
    from distributed import Client

    if isinstance(address_or_client, Client):
        return address_or_client, False
    try:
        return Client(address_or_client, set_as_default=False, timeout=timeout), True
    except OSError as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address_or_client}: "
                           f"{exc}") from exc


def worker_versions() -> tuple[str, ...]:
    """Give `fingerprint()` as the process running it sees it (sent to workers by name)."""
    return fingerprint()


def check_workers(client: Client, expected: tuple[str, ...]) -> None:
    """Raise ClusterError unless the scheduler and every worker can run this project's tasks
    with the versions `expected`."""
    try:
        client.run_on_scheduler(worker_versions)
        found = client.run(worker_versions)
    except Exception as exc:  # a process that cannot unpickle this module's functions
        raise ClusterError(f"the scheduler or a worker cannot run newsquotes ({exc}): install "
                           "the project and its requirements on the scheduler and every worker"
                           ) from exc
    wrong = sorted(w for w, versions in found.items() if tuple(versions) != expected)
    if wrong:
        raise ClusterError(f"the workers {', '.join(wrong)} run other versions than the client "
                           f"{expected}: install the same newsquotes, spaCy and model everywhere")


def dask_runner(address_or_client: str | Client, aliases: dict[str, str] | None = None,
                in_flight: int | None = None, retries: int = RETRIES, timeout: str = "30s"):
    """Give a runner mapping chunks of articles to their statements, in order, on the cluster
    at `address_or_client` (a scheduler address, or a `distributed.Client` left open).

    At most `in_flight` chunks (default: two per worker thread) are on the cluster at once, so
    the client holds a bounded number of chunks and results whatever the corpus size.
    `timeout` bounds the wait for the scheduler to answer.
    """
    def run(chunks: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        client, opened = _connect(address_or_client, timeout)
        expected = fingerprint()
        waiting: deque = deque()
        try:
            check_workers(client, expected)
            source = iter(chunks)
            more = True
            while more or waiting:
                while more and len(waiting) < _window(client, in_flight):
                    chunk = next(source, None)
                    if chunk is None:
                        more = False
                        break
                    # The chunk travels inside the task, not scattered: a retry on another
                    # worker still has it after the first worker died.
                    waiting.append(client.submit(extract_chunk, chunk, aliases, expected,
                                                 retries=retries, pure=False))
                if waiting:
                    future = waiting.popleft()
                    yield future.result()
                    future.release()
        finally:
            for future in waiting:
                future.cancel()
            if opened:
                client.close()

    return run
