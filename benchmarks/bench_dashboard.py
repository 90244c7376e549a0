"""Time of a dashboard rerun after a filter change, and the app's peak memory.

Run: python benchmarks/bench_dashboard.py [--sizes sample 10000] [--repeat 5]
         [--stores DIR ...] [--pages speakers ...]

A size is `sample` (sample_data/ ingested into a fresh store) or N: a synthetic store of N
articles (about 15 N statements, written by `newsquotes synth` into a temporary folder, not
timed); `--stores` names stores already written (e.g. by `python -m newsquotes synth`);
`--pages` times only the pages named (all of them by default).

Each size runs in a fresh process (peak RSS is per process). The corpus is read once (cached
loaders: no re-parsing, no re-extraction). Each page is opened once in a session of
Streamlit's AppTest (not timed), then a filter is changed in the sidebar widget and the app
rerun, `--repeat` times, each time to a value no earlier run in the process used (so no
filtered result is already cached): a rerun is the entrypoint (dashboard.py), the sidebar
and the page, as in a browser. Two filters: one speaker (narrow: a few hundred statements
at 100,000) and a sentiment range (wide: most of the corpus).

AppTest (1.67) resets `PagesManager.uses_pages_directory` before every run, and with a
pages/ folder beside dashboard.py it then runs a non-default page's file alone, without the
entrypoint; a server stops doing that once `st.navigation` has run. The benchmark sets the
flag as the server has it, so every timed run includes the entrypoint and the sidebar.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import count
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["overview", "speakers", "sentiment", "keywords", "timeline", "statements", "articles"]


def as_a_server() -> None:
    """Make AppTest run the entrypoint on every run, as a server does after st.navigation."""
    from streamlit.runtime import pages_manager

    init = pages_manager.PagesManager.__init__

    def patched(self, *args, **kwargs):
        pages_manager.PagesManager.uses_pages_directory = False
        init(self, *args, **kwargs)

    pages_manager.PagesManager.__init__ = patched


def timed_reruns(page: str, changes) -> tuple[float, list[float]]:
    """Give (first run seconds, rerun seconds per filter change) of `page`.

    `changes` gives (widget key, value) pairs: each sets one sidebar widget before a rerun.
    """
    from streamlit.testing.v1 import AppTest

    from components.sidebar import SEEDED

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
    at.session_state[SEEDED] = True
    at.switch_page(f"pages/{page}.py")
    start = time.perf_counter()
    at.run()
    first = time.perf_counter() - start
    reruns = []
    for key, value in changes:
        widget = at.multiselect(key=key) if key == "f_speakers" else at.slider(key=key)
        widget.set_value(value)
        start = time.perf_counter()
        at.run()
        reruns.append(time.perf_counter() - start)
        if at.exception:
            raise SystemExit(f"{page}: {at.exception[0].message}")
        if not at.sidebar.multiselect or at.title[0].value.lower() != _title(page):
            raise SystemExit(f"{page}: the rerun did not draw the sidebar and the page")
    return first, reruns


def _title(page: str) -> str:
    return "who said what" if page == "overview" else page


def child(size: str, repeat: int, pages: list[str]) -> None:
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    if size == "sample":
        from components import data

        store = Path(tempfile.mkdtemp(prefix="bench-store-")) / "store"
        start = time.perf_counter()
        data.build_sample_store(store)
        print(f"  sample store built in {time.perf_counter() - start:.1f} s (not timed below)")
        os.environ[data.STORE_ENV] = str(store)
    elif size.isdigit():
        from components import data
        from newsquotes.synthstore import synth_store

        store = Path(tempfile.mkdtemp(prefix="bench-store-")) / "store"
        start = time.perf_counter()
        written = synth_store(store, int(size))
        print(f"  synthetic store of {written:,} statements written in "
              f"{time.perf_counter() - start:.1f} s (not timed below)")
        os.environ[data.STORE_ENV] = str(store)
    else:
        from components import data

        os.environ[data.STORE_ENV] = size
    as_a_server()
    from streamlit.testing.v1 import AppTest

    start = time.perf_counter()
    options = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600).run().multiselect(
        key="f_speakers").options
    print(f"  first page (Overview, corpus read cold) {time.perf_counter() - start:.2f} s",
          flush=True)
    speakers = (options[i % len(options)] for i in count())
    # Ranges on the slider's 0.05 steps that keep most statements, a new one for every run.
    ranges = [(round(-0.95 + 0.05 * i, 2), round(0.95 - 0.05 * j, 2))
              for i in range(6) for j in range(8)]
    tones = (ranges[i % len(ranges)] for i in count())
    for page in pages:
        first, narrow = timed_reruns(page, [("f_speakers", [next(speakers)])
                                            for _ in range(repeat)])
        _first, wide = timed_reruns(page, [("f_sentiment", next(tones))
                                           for _ in range(repeat)])
        print(f"  {page:<11} first run {first:5.2f} s   rerun after a filter change, median (max): "
              f"speaker {statistics.median(narrow):.3f} ({max(narrow):.3f}) s, "
              f"sentiment range {statistics.median(wide):.3f} ({max(wide):.3f}) s", flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak RSS {peak_mb:,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="*", default=["sample", "10000"])
    parser.add_argument("--stores", nargs="*", default=[], help="stores already written")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pages", nargs="*", default=PAGES, choices=PAGES)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.repeat, args.pages)
        return
    for size in [*args.sizes, *args.stores]:
        label = ("sample corpus" if size == "sample"
                 else f"synthetic store, {int(size):,} articles" if size.isdigit()
                 else f"store {size}")
        print(f"{label}:", flush=True)
        subprocess.run([sys.executable, __file__, "--child", size, "--repeat", str(args.repeat),
                        "--pages", *args.pages], check=True)


if __name__ == "__main__":
    main()
