"""Two writers on one store: the second waits for the first and both updates land."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsquotes.records import Article
from newsquotes.store.parquet import Store

ROOT = Path(__file__).resolve().parents[2]

OTHER_WRITER = textwrap.dedent("""
    import sys
    from newsquotes.records import Article
    from newsquotes.store.parquet import Store
    store = Store(sys.argv[1])
    print("ready", flush=True)
    store.add_articles([Article(id="b2", title="Second", body="Fares fall.", origin="b.txt")])
    print("added", flush=True)
""")


def _article(aid: str) -> Article:
    return Article(id=aid, title="First", body="Fares rise.", origin=f"{aid}.txt")


def test_a_second_process_waits_for_the_lock_and_both_articles_land(tmp_path):
    store = Store(tmp_path / "s")
    with store.lock():
        other = subprocess.Popen([sys.executable, "-c", OTHER_WRITER, str(store.path)],
                                 cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert other.stdout.readline().strip() == "ready"
        # The other writer is blocked: it cannot finish while the lock is held.
        with contextlib.suppress(subprocess.TimeoutExpired):
            other.wait(timeout=2)
        assert other.poll() is None
        store.add_articles([_article("a1")])  # re-entrant for the holder
    assert other.wait(timeout=60) == 0
    assert other.stdout.read().strip() == "added"
    assert sorted(store.articles()["id"]) == ["a1", "b2"]


def test_the_lock_is_released_after_an_error_inside(tmp_path):
    store = Store(tmp_path / "s")
    with pytest.raises(RuntimeError), store.lock():
        raise RuntimeError("boom")
    assert store.add_articles([_article("a1")]) == (["a1"], [])
