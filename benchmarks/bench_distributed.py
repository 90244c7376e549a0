"""Extraction on a Dask cluster against extraction here: articles/s with 1 and 2 Dask workers
(a LocalCluster of processes, one thread each) and with `--processes 1/2`, on the same articles,
and the cost of one chunk on the cluster beyond its extraction (scheduling and transfer).

Reads the polnear-dev article texts from shared/eval in a folder above the repository at run
time (never copied into it); without them, sample_data's articles repeated.

    python benchmarks/bench_distributed.py [--articles 200] [--chunk 64] [--empty 30]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsquotes import cluster, pipeline  # noqa: E402
from newsquotes.extract.pipeline import load_parser  # noqa: E402

# ../shared/eval beside the repository, or beside the folder of worktrees holding it.
CORPUS = next((p / "shared" / "eval" / "polnear-dev.jsonl" for p in ROOT.parents
               if (p / "shared" / "eval" / "polnear-dev.jsonl").is_file()), None)


def _articles(n: int) -> tuple[pd.DataFrame, str]:
    """Give `n` articles (id, body, language) and where they came from."""
    if CORPUS is not None:
        with open(CORPUS, encoding="utf-8") as f:
            rows = [json.loads(line) for _, line in zip(range(n), f, strict=False)]
        bodies, source = [r["text"] for r in rows], f"polnear-dev ({CORPUS})"
    else:
        from newsquotes.ingest.files import read_paths
        from newsquotes.records import Article

        found = [a.body for a in read_paths([ROOT / "sample_data" / "articles"])
                 if isinstance(a, Article)]
        bodies, source = [found[i % len(found)] for i in range(n)], "sample_data, repeated"
    return pd.DataFrame({"id": [f"a{i}" for i in range(len(bodies))], "body": bodies,
                         "language": "en"}), source


def _chunks(df: pd.DataFrame, size: int) -> list[pd.DataFrame]:
    return [df.iloc[lo:lo + size] for lo in range(0, len(df), size)]


def _timed(runner, chunks: list[pd.DataFrame]) -> tuple[float, int]:
    """Give the seconds `runner` took over `chunks` and the statements it gave."""
    start = time.perf_counter()
    found = sum(len(frame) for frame in runner(iter(chunks)))
    return time.perf_counter() - start, found


def _local(n_process: int):
    def run(chunks):
        for chunk in chunks:
            yield pipeline.build_statements(chunk, None, n_process=n_process)
    return run


def _line(name: str, seconds: float, articles: int, found: int) -> None:
    print(f"{name:36} {seconds:7.1f} s  {articles / seconds:6.1f} articles/s  "
          f"{found:6d} statements")


def _per_chunk(runner, chunks: list[pd.DataFrame]) -> float:
    seconds, _ = _timed(runner, chunks)
    return seconds / len(chunks) * 1000


def _on_cluster(workers: int, df: pd.DataFrame, args) -> None:
    from distributed import Client, LocalCluster

    start = time.perf_counter()
    with LocalCluster(n_workers=workers, processes=True, threads_per_worker=1,
                      host="127.0.0.1", dashboard_address=None) as lc, \
            Client(lc, set_as_default=False) as client:
        client.run(load_parser)  # the first task's model load, timed apart
        warm = time.perf_counter() - start
        seconds, found = _timed(cluster.dask_runner(client), _chunks(df, args.chunk))
        _line(f"Dask, {workers} worker{'s' * (workers > 1)} (chunks of {args.chunk})",
              seconds, len(df), found)
        print(f"{'':36} + {warm:.1f} s to start the workers and load spaCy on them")
        if workers == 1:
            _overhead(client, args.empty)


def _overhead(client, n: int) -> None:
    """Print the cost of a chunk beyond its extraction: one no-statement article per chunk,
    sent one at a time (in_flight=1, so nothing overlaps), on the cluster and here."""
    empty = pd.DataFrame({"id": [f"e{i}" for i in range(n)],
                          "body": ["The weather was mild and the port was quiet."] * n,
                          "language": "en"})
    chunks = _chunks(empty, 1)
    here = _per_chunk(_local(1), chunks)
    there = _per_chunk(cluster.dask_runner(client, in_flight=1), chunks)
    print(f"per chunk, no statements: {there:.1f} ms on the cluster, {here:.1f} ms here: "
          f"{there - here:.1f} ms scheduling and transfer")


def _transfer(df: pd.DataFrame, size: int) -> None:
    chunk = df.iloc[:size]
    found = pipeline.build_statements(chunk, None, n_process=1)
    print(f"a chunk of {len(chunk)} articles is {len(pickle.dumps(chunk)) / 1e3:.0f} kB to "
          f"send; its {len(found)} statements {len(pickle.dumps(found)) / 1e3:.0f} kB back")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--chunk", type=int, default=pipeline.CHUNK)
    parser.add_argument("--empty", type=int, default=30,
                        help="chunks of one no-statement article timed for the overhead")
    args = parser.parse_args()
    df, source = _articles(args.articles)
    print(f"{len(df)} articles from {source}; load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores at the start (other work on the machine slows every row)")
    load_parser()
    for n in (1, 2):
        # As `ingest --processes N` runs: chunks of CHUNK x N articles, N processes each.
        seconds, found = _timed(_local(n), _chunks(df, args.chunk * n))
        _line(f"here, --processes {n}", seconds, len(df), found)
    for workers in (1, 2):
        _on_cluster(workers, df, args)
    _transfer(df, args.chunk)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
