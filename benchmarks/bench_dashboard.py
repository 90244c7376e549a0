"""Time of a dashboard rerun after a filter change, and the app's peak memory.

Run: python benchmarks/bench_dashboard.py [--sizes sample 100000] [--repeat 5]

Each size runs in a fresh process (peak RSS is per process). The corpus is read once (cached
loaders: no re-parsing, no re-extraction), then every run is timed: a speaker filter (changed on
each run) and the Overview page drawn from dashboard.py through Streamlit's AppTest. AppTest
(1.67) reruns only the page after its first run, so each timed run is a fresh AppTest whose
first run carries the changed filter: the entrypoint, the sidebar and the page, as a rerun.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["overview", "speakers", "sentiment", "keywords", "timeline", "statements", "articles"]


def timed_runs(repeat: int, page: str, options: list[str]) -> tuple[float, list[float]]:
    """Give (first run seconds, reruns seconds) of `page` with a changing speaker filter."""
    from streamlit.testing.v1 import AppTest

    from components.sidebar import SEEDED

    shared = {}

    def run(speakers: list[str]) -> tuple[float, AppTest]:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
        # A fresh AppTest scans installed packages for components (~1.2 s) before it runs the
        # script; a browser session never does, so the scan is done once and shared.
        if shared:
            at._bidi_component_manager = shared["components"]
        at.session_state[SEEDED] = True
        at.session_state["f_speakers"] = speakers
        start = time.perf_counter()
        at.run()
        if page != "overview":
            at.switch_page(f"pages/{page}.py").run()
        elapsed = time.perf_counter() - start
        shared.setdefault("components", at._bidi_component_manager)
        if at.exception:
            raise SystemExit(f"{page}: {at.exception[0].message}")
        return elapsed, at

    first, _at = run([])
    return first, [run([options[i % len(options)]])[0] for i in range(repeat)]


def child(size: str, repeat: int) -> None:
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    if size == "sample":
        from components import data

        store = Path(tempfile.mkdtemp(prefix="bench-store-")) / "store"
        start = time.perf_counter()
        data.build_sample_store(store)
        print(f"  sample store built in {time.perf_counter() - start:.1f} s (not timed below)")
        os.environ[data.STORE_ENV] = str(store)
    else:
        os.environ["NEWSQUOTES_SYNTHETIC"] = size
    from streamlit.testing.v1 import AppTest

    options = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600).run().multiselect(
        key="f_speakers").options
    for page in PAGES:
        first, reruns = timed_runs(repeat, page, options)
        print(f"  {page:<11} first run {first:6.2f} s   rerun after a filter change: median "
              f"{statistics.median(reruns):.3f} s, max {max(reruns):.3f} s")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak RSS {peak_mb:,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["sample", "100000"])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.repeat)
        return
    for size in args.sizes:
        label = ("sample corpus" if size == "sample"
                 else f"synthetic corpus, {int(size):,} statements")
        print(f"{label}:", flush=True)
        subprocess.run([sys.executable, __file__, "--child", size, "--repeat", str(args.repeat)],
                       check=True)


if __name__ == "__main__":
    main()
