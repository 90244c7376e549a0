"""How the store's costs grow with the corpus: adding one article to an empty store and to one
of ~1,000,000 statements (made by `synth`), quoting a new name and the store's most quoted
one, ingest peak memory, and synth time per size.

    python benchmarks/bench_scale.py [--synth 10000 100000] [--big 67000] [--rounds 3]
        [--stores DIR ...]

`--stores` names stores already written (e.g. by `python -m newsquotes synth`, at 10^5 and
10^6 articles): each is copied into a temporary folder, and one article is added to the copy
`--rounds` times, then the sample corpus by a separate ingest process (its peak memory).

The one-article figures are timed in one process after a warm-up add (so spaCy is loaded
once, as in a long-running dashboard or a streaming ingest); the peak memory is that of a
separate `python -m newsquotes ingest` process, read from the kernel (its own VmHWM).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsquotes.adding import add_files  # noqa: E402
from newsquotes.store.parquet import Store  # noqa: E402
from newsquotes.synthstore import synth_store  # noqa: E402

STORY = ("Ferry fares rise {n}\n\nHarbour\n\nMarch 10, 2022\n\n"
         "“Fares will rise by a tenth on the northern route {n},” said {given} {surname}, the "
         "harbour board's chair. {surname} added that the board had “no other choice this "
         "winter”.\n")
# Names no synthetic store holds, a different one each add: a name new to the store (its
# words new too, so the keys of any name holding them are looked up) each time.
NEW_GIVEN = ["Maren", "Ilka", "Orla", "Bertil", "Signe", "Aksel", "Runa", "Edvin", "Tove",
             "Lasse", "Frida", "Henrik"]
NEW_SURNAMES = ["Holt", "Fenwick", "Brandt", "Okafor", "Lindahl", "Marsh", "Quenby", "Rask",
                "Solberg", "Tarrant", "Ueland", "Vickery"]
# The synthetic stores' most quoted name (`synthstore`): its key holds one names row in 24.
POPULAR_NAME = ("Anna", "Varga")


def _story(folder: Path, n: int, name: tuple[str, str]) -> Path:
    path = folder / f"story{n}.txt"
    path.write_text(STORY.format(n=n, given=name[0], surname=name[1]), encoding="utf-8")
    return path


def one_article(store: Path, folder: Path, rounds: int, first: int,
                name: tuple[str, str] | None = None) -> list[float]:
    """Give the seconds of each of `rounds` one-article adds to `store`, each quoting `name`
    (None: a name new to every store, another each add, given by `first` and the round)."""
    times = []
    for n in range(first, first + rounds):
        path = _story(folder, n, name or (NEW_GIVEN[n % len(NEW_GIVEN)],
                                          NEW_SURNAMES[n * 7 % len(NEW_SURNAMES)]))
        start = time.perf_counter()
        report = add_files(Store(store), [path])
        times.append(time.perf_counter() - start)
        assert len(report.added) == 1, report
    return times


def synth_times(sizes: list[int], folder: Path) -> dict[int, tuple[float, int]]:
    """Give size -> (seconds, statements) of `synth` into a fresh store."""
    found = {}
    for n in sizes:
        start = time.perf_counter()
        written = synth_store(folder / f"synth{n}", n)
        found[n] = (time.perf_counter() - start, written)
        print(f"synth {n:>9,} articles: {found[n][0]:7.1f} s, {written:,} statements",
              flush=True)
    return found


# Runs `python -m newsquotes ARGS...` in this process, then prints its own peak memory (MB):
# VmHWM, the peak of this process's own memory map (ru_maxrss is not: Linux carries it over
# fork and exec, so a child of this bench would report the bench's own size).
_MEASURED = ("import runpy, sys\n"
             "sys.argv = ['newsquotes'] + sys.argv[1:]\n"
             "try:\n    runpy.run_module('newsquotes', run_name='__main__')\n"
             "finally:\n"
             "    with open('/proc/self/status') as f:\n"
             "        kb = next(int(line.split()[1]) for line in f if line.startswith('VmHWM'))\n"
             "    print(kb / 1024, file=sys.stderr)\n")


def ingest_memory(store: Path, corpus: Path) -> float:
    """Give the peak resident memory (MB) of an ingest process adding `corpus` to `store`."""
    done = subprocess.run([sys.executable, "-c", _MEASURED, "ingest", str(corpus), "--store",
                           str(store), "-q", "--processes", "1"], cwd=ROOT, check=True,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return float(done.stderr.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synth", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--big", type=int, default=67_000,
                        help="synthetic articles of the big store (~15 statements each)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--stores", type=Path, nargs="*", default=[],
                        help="stores already written, each copied and added to")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        folder = Path(tmp)
        synth_times(args.synth, folder)
        big = folder / "big"
        synth_store(big, args.big)
        print(f"big store: {Store(big).count('statements'):,} statements of "
              f"{Store(big).count('articles'):,} articles", flush=True)
        one_article(folder / "warmup", folder, 1, 0)  # spaCy and the topic model loaded
        empty = [one_article(folder / f"empty{r}", folder, 1, 100 + r)[0]
                 for r in range(args.rounds)]
        full = one_article(big, folder, args.rounds, 200)
        print(f"one article into an empty store:      median {statistics.median(empty):.2f} s "
              f"({', '.join(f'{t:.2f}' for t in empty)})")
        print(f"one article into the big store:       median {statistics.median(full):.2f} s "
              f"({', '.join(f'{t:.2f}' for t in full)})")
        print(f"ratio big / empty:                    "
              f"{statistics.median(full) / statistics.median(empty):.2f}")
        popular = one_article(big, folder, args.rounds, 250, POPULAR_NAME)
        print(f"one article quoting the big store's most quoted name: median "
              f"{statistics.median(popular):.2f} s ({', '.join(f'{t:.2f}' for t in popular)})"
              f"; ratio to empty {statistics.median(popular) / statistics.median(empty):.2f}",
              flush=True)
        corpus = ROOT / "sample_data" / "articles"
        print(f"ingest peak memory (sample corpus into the big store, one process): "
              f"{ingest_memory(big, corpus):.0f} MB")
        for n, given in enumerate(args.stores):
            copy = folder / f"copy{n}"
            shutil.copytree(given, copy)
            size = f"{Store(copy).count('statements'):,} statements"
            times = one_article(copy, folder, args.rounds, 300 + 10 * n)
            print(f"one article into {given} ({size}): median {statistics.median(times):.2f} s "
                  f"({', '.join(f'{t:.2f}' for t in times)}); ratio to empty "
                  f"{statistics.median(times) / statistics.median(empty):.2f}", flush=True)
            popular = one_article(copy, folder, args.rounds, 350 + 10 * n, POPULAR_NAME)
            print(f"  quoting its most quoted name: median {statistics.median(popular):.2f} s "
                  f"({', '.join(f'{t:.2f}' for t in popular)}); ratio to empty "
                  f"{statistics.median(popular) / statistics.median(empty):.2f}", flush=True)
            print(f"ingest peak memory (sample corpus into {given}, one process): "
                  f"{ingest_memory(copy, corpus):.0f} MB", flush=True)
            shutil.rmtree(copy)


if __name__ == "__main__":
    main()
