"""Kill -9 an ingest at several points; running it again ends with exactly the statements of
an uninterrupted run, and every chunk finished before the kill was kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from newsquotes.store.parquet import Store
from tests.store.fake_extractor import write_stories

ROOT = Path(__file__).resolve().parents[2]
INGEST = textwrap.dedent("""
    import functools, sys
    sys.path.insert(0, {root!r})
    from newsquotes import batch, pipeline
    from tests.store import fake_extractor
    batch.extract_texts = functools.partial(fake_extractor.extract_texts, delay={delay})
    pipeline.CHUNK = 16
    from newsquotes import cli
    sys.exit(cli.main(["ingest", sys.argv[1], "--store", sys.argv[2], "-q",
                       "--processes", "1"]))
""")


def _ingest(corpus: Path, store: Path, delay: float) -> subprocess.Popen:
    code = INGEST.format(root=str(ROOT), delay=delay)
    return subprocess.Popen([sys.executable, "-c", code, str(corpus), str(store)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _statements(store: Path) -> list[tuple]:
    s = Store(store).statements()
    return sorted(zip(s["statement_id"], s["text"], s["speaker"], strict=True))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus") / "stories"
    write_stories(folder, 300)
    return folder


@pytest.fixture(scope="module")
def uninterrupted(corpus, tmp_path_factory) -> list[tuple]:
    store = tmp_path_factory.mktemp("whole") / "store"
    done = _ingest(corpus, store, 0.0)
    assert done.wait(timeout=300) == 0, done.stderr.read()
    found = _statements(store)
    assert len(found) == 600
    return found


def _stored(store: Path) -> int:
    if not (store / "catalog.sqlite").exists():
        return 0
    s = Store(store)
    try:
        return s.count("articles")
    finally:
        s.close()


def _kill_when(running: subprocess.Popen, store: Path, articles: int) -> None:
    """SIGKILL `running` once the store holds at least `articles` more articles (0: at once,
    while it is still starting)."""
    goal = _stored(store) + articles
    deadline = time.monotonic() + 120
    while articles and _stored(store) < goal and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(running.pid, signal.SIGKILL)


# Kill points: while starting, after the first chunks, in the middle, twice in a row.
@pytest.mark.parametrize("kills_after", [[0, 16], [40, 1, 100]])
def test_killed_ingests_resume_to_the_statements_of_an_uninterrupted_run(
        corpus, uninterrupted, tmp_path, kills_after):
    store = tmp_path / "store"
    kept = []
    for articles in kills_after:
        running = _ingest(corpus, store, 0.02)
        _kill_when(running, store, articles)
        running.wait()
        before = _stored(store)
        assert before >= (kept[-1] if kept else 0)  # nothing committed is ever lost
        kept.append(before)
    assert 0 < kept[-1] < 300  # killed midway, with finished chunks kept
    last = _ingest(corpus, store, 0.0)
    assert last.wait(timeout=300) == 0, last.stderr.read()
    assert _statements(store) == uninterrupted
    assert Store(store).count("articles") == 300
    leftovers = [p for p in store.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


REAL_INGEST = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from newsquotes import pipeline
    pipeline.CHUNK = 4
    from newsquotes import cli
    sys.exit(cli.main(["ingest", sys.argv[1], "--store", sys.argv[2], "-q",
                       "--processes", "1"]))
""")


def test_a_killed_ingest_with_the_real_extractor_resumes_to_the_same_statements(tmp_path):
    write_stories(tmp_path / "c", 24)
    code = REAL_INGEST.format(root=str(ROOT))

    def run(store: Path) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "c"), str(store)],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                text=True)

    whole = run(tmp_path / "whole")
    assert whole.wait(timeout=600) == 0, whole.stderr.read()
    killed = run(tmp_path / "s")
    _kill_when(killed, tmp_path / "s", 8)
    killed.wait()
    assert 8 <= _stored(tmp_path / "s") < 24
    again = run(tmp_path / "s")
    assert again.wait(timeout=600) == 0, again.stderr.read()
    assert _statements(tmp_path / "s") == _statements(tmp_path / "whole")
    assert len(_statements(tmp_path / "whole")) >= 24
