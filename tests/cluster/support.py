"""Helpers of the cluster tests: the sample articles as chunks, comparing statements, free
ports, stopping the processes a test started."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
from pathlib import Path

import pandas as pd

from newsquotes.records import Article

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data" / "articles"
CHUNK = 8


def frame(articles: list[Article]) -> pd.DataFrame:
    """Give the articles as the streaming ingest hands them to a runner (what it reads)."""
    return pd.DataFrame({"id": [a.id for a in articles], "body": [a.body for a in articles],
                         "language": [a.language for a in articles]})


def exported(frames: list[pd.DataFrame]) -> str:
    """Give the statements as the JSON Lines export writes them, sorted by statement_id."""
    table = pd.concat(frames, ignore_index=True).sort_values("statement_id")
    return table.to_json(orient="records", lines=True, force_ascii=False)


def same(got: list[pd.DataFrame], want: list[pd.DataFrame]) -> None:
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        pd.testing.assert_frame_equal(g, w)
    assert exported(got) == exported(want)


def free_port() -> int:
    """Give a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(procs: list[subprocess.Popen]) -> None:
    """Stop the processes started here, workers first, each with its process group."""
    for proc in reversed(procs):
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
    for proc in reversed(procs):
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
