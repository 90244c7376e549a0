"""Hostile classes of issue 13 that need the extractor or a store, for bench_hostile.py: each
builds its input beside a good article, runs the command line as a user does (one process a
command), and gives its outcome, whether the good article's statement survived, the wall time
and the peak memory (the largest process's peak RSS, spaCy's model included when it loads)."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOOD = {"text": "“The port will reopen,” Ben Ruiz said on Friday.", "date": "2024-03-02"}
GOOD_QUOTE = "The port will reopen"
LEAD = "Ana Pell said on Monday that the plan was late.\n"


class Runs:
    """The commands of one class: their time and largest peak RSS, added up as they run."""

    def __init__(self) -> None:
        self.seconds, self.peak_kb, self.tracebacks = 0.0, 0, 0

    def __call__(self, *args) -> tuple[int, str]:
        """Run `python -m newsquotes ARGS`; give (exit status, stdout)."""
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", _PEAK, *map(str, args)], cwd=ROOT,
                              capture_output=True, text=True)
        self.seconds += time.perf_counter() - start
        self.tracebacks += "Traceback" in proc.stderr
        peak = [int(x.split()[1]) for x in proc.stderr.splitlines() if x.startswith("PEAK_KB ")]
        self.peak_kb = max([self.peak_kb, *peak])
        return proc.returncode, proc.stdout


# The command line as `python -m newsquotes` runs it, printing its peak RSS (its own or a
# child's, whichever is larger) on stderr at exit.
_PEAK = """
import atexit, resource, runpy, sys
def peak():
    print("PEAK_KB", max(resource.getrusage(w).ru_maxrss for w in
                         (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)), file=sys.stderr)
atexit.register(peak)
sys.argv = ["newsquotes", *sys.argv[1:]]
runpy.run_module("newsquotes", run_name="__main__", alter_sys=True)
"""


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _extract(text: str) -> Callable[[Path, Runs], tuple[str, bool]]:
    def run(folder: Path, cli: Runs) -> tuple[str, bool]:
        src = _jsonl(folder / "in.jsonl", [{"id": "hostile", "text": text}, {"id": "good", **GOOD}])
        code, _ = cli("extract", src, "-o", folder / "out.jsonl", "--processes", "1")
        rows = [json.loads(x) for x in (folder / "out.jsonl").read_text().splitlines()]
        kept = [q["text"] for q in rows[1]["quotes"]] == [GOOD_QUOTE]
        return (f"exit {code}; {len(rows[0]['quotes'])} statements, flagged "
                f"{', '.join(rows[0].get('flags', [])) or 'nothing'}"), kept
    return run


def _exported(folder: Path, cli: Runs, store: Path) -> list[dict]:
    cli("export", "--store", store, "--to", folder / "out.csv")
    with open(folder / "out.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _ingest(records: list[dict], outcome: Callable[[Path, Runs, str], str]
            ) -> Callable[[Path, Runs], tuple[str, bool]]:
    def run(folder: Path, cli: Runs) -> tuple[str, bool]:
        src = _jsonl(folder / "in.jsonl", [*records, GOOD])
        _, out = cli("ingest", "-q", "--processes", "1", "--store", folder / "store", src)
        said = outcome(folder, cli, out)
        rows = _exported(folder, cli, folder / "store")
        return said, GOOD_QUOTE in [r["text"] for r in rows]
    return run


def _added(folder: Path, cli: Runs, out: str) -> str:
    lines = dict(line.split(":", 1) for line in out.splitlines() if ":" in line)
    return (f"stored: added {lines['added'].strip()}, rejected {lines['rejected'].strip()}, "
            f"statements {lines['statements'].split()[0]}")


FORMULAS = ['=HYPERLINK("http://evil.example/","click")', "+cmd|' /C calc'!A0", "@SUM(1+1)"]


def _inert(folder: Path, cli: Runs, out: str) -> str:
    cells = [c for r in _exported(folder, cli, folder / "store") for c in r.values() if c]
    live = [c for c in cells if c[0] in "=+@"]
    made = [c for c in cells if c[:2] in ("'=", "'+", "'@")]
    return f"exported: {len(made)} formula cells made inert, {len(live)} left live"


def _drawn(folder: Path, cli: Runs, out: str) -> str:
    sys.path.insert(0, str(ROOT))
    from components.charts import chart_labels

    outlets = sorted({r["outlet"] for r in _exported(folder, cli, folder / "store")} - {""})
    return "drawn as: " + " | ".join(chart_labels(outlets))


Build = Callable[[Path, Runs], tuple[str, bool]]


def _damaged(pattern: str, harm: Callable[[Path], None]) -> Build:
    def run(folder: Path, cli: Runs) -> tuple[str, bool]:
        store = folder / "store"
        src = _jsonl(folder / "in.jsonl", [{"text": "“Fares will fall,” Ana Pell said."}, GOOD])
        cli("ingest", "-q", "--processes", "1", "--store", store, src)
        for extra in ("-wal", "-shm"):
            Path(f"{store / 'catalog.sqlite'}{extra}").unlink(missing_ok=True)
        target = next(store.glob(pattern))
        harm(target)
        checked, said = cli("check", "--store", store)
        named = "named" if f"damaged: {target}" in said else "NOT named"
        repaired, _ = cli("check", "--repair", "--store", store)
        cli("ingest", "-q", "--processes", "1", "--store", store, src)
        rows = _exported(folder, cli, store)
        aside = len(list((store / "damaged").iterdir())) if (store / "damaged").is_dir() else 0
        return (f"check exit {checked} ({named}), repair exit {repaired}, {aside} set aside; "
                f"after the next ingest {len(rows)}/2 statements"), GOOD_QUOTE in [
                    r["text"] for r in rows]
    return run


# The Articles page run by Streamlit's AppTest on a store, its time and peak RSS printed.
_PAGE = """
import json, os, resource, sys, time
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=300)
at.run()
start = time.perf_counter()
at.switch_page("pages/articles.py").run()
print(json.dumps({"seconds": time.perf_counter() - start, "errors": len(at.exception),
                  "first": at.selectbox(key="art_pick").value,
                  "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def _articles_page(folder: Path, cli: Runs) -> tuple[str, bool]:
    quotes = "\n".join(f"“We will go number {i} today,” Pell said." for i in range(2_000))
    src = _jsonl(folder / "in.jsonl", [{"text": quotes, "date": "2024-03-01"}, GOOD])
    cli("ingest", "-q", "--processes", "1", "--store", folder / "store", src)
    env = {**os.environ, "NEWSQUOTES_STORE": str(folder / "store")}
    env.pop("NEWSQUOTES_SYNTHETIC", None)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _PAGE, str(ROOT / "dashboard.py")], cwd=ROOT,
                          capture_output=True, text=True, env=env)
    cli.seconds += time.perf_counter() - start
    cli.tracebacks += "Traceback" in proc.stderr
    if not proc.stdout.strip():
        return f"page run failed: {proc.stderr.strip().splitlines()[-1:]}", False
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    cli.peak_kb = max(cli.peak_kb, found["peak_kb"])
    rows = _exported(folder, cli, folder / "store")
    good = {r["article_id"] for r in rows if r["text"] == GOOD_QUOTE}
    which = "the latest (the good one)" if found["first"] in good else "the 1,000-statement one"
    return f"opens in {found['seconds']:.2f} s on {which}; {found['errors']} errors", bool(good)


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:100])


def _garbage(path: Path) -> None:
    path.write_bytes(b"not a database" * 100)


CLI_CLASSES: list[tuple[str, Callable[[Path, Runs], tuple[str, bool]]]] = [
    ("5 MB line after an opening quote", _extract(LEAD + "Pell said: “" + "word " * 1_000_000)),
    ("10,000 quotes in one article (360 KB)", _extract("\n".join(
        f"“We will go number {i} today,” Pell said." if i % 2 else f"He added “yes {i}” and left."
        for i in range(10_000)))),
    ("100 KB unpunctuated sentence", _extract(LEAD + "Pell said " + "and then the word " * 5_600)),
    ("dates 0001 and 9999, extracted", _ingest(
        [{"text": f"The board met on day {n}.", "date": d} for n, d in
         enumerate(["0001-01-01", "9999-12-31"])], _added)),
    ("fresh store, articles without statements", _ingest(
        [{"text": f"The harbour reopened on day {n}."} for n in range(3)], _added)),
    ("formulas in quote, title and outlet", _ingest(
        [{"text": f"“{f} is the plan,” Ana Pell said on day {n}.", "title": f, "source": f}
         for n, f in enumerate(FORMULAS)], _inert)),
    ("outlets in markup and bidi controls", _ingest(
        [{"text": f"“Fares will fall,” Ana Pell said on day {n}.", "source": s} for n, s in
         enumerate(['<a href="http://evil.example/">Reuters</a>', "<b>Wire</b>",
                    "\u202eBBC\u202c News"])], _drawn)),
    ("Articles page by a 1,000-statement article", _articles_page),
    ("damaged store: statements part truncated", _damaged("statements/part-*", _truncate)),
    ("damaged store: garbage catalog", _damaged("catalog.sqlite", _garbage)),
]


def run_class(build: Callable[[Path, Runs], tuple[str, bool]], folder: Path
              ) -> tuple[str, bool, float, float]:
    """Give (outcome, good kept, seconds, peak MB) of one class run in `folder`."""
    cli = Runs()
    said, kept = build(folder, cli)
    if cli.tracebacks:
        said += f"; {cli.tracebacks} TRACEBACK(S)"
    shutil.rmtree(folder / "store", ignore_errors=True)
    return said, kept, cli.seconds, cli.peak_kb / 1024
