"""Save a PNG of every dashboard page, as served by `streamlit run`, for the README.

Run: python benchmarks/screenshots.py [--out docs/screenshots] [--max-height 2600]

Starts the app the way the browser tests do (tests/browser/streamlit_server.py): a fresh store
in a temp dir, built by the dashboard from sample_data/ on first start, and headless Chromium.
Streamlit scrolls its main area inside a div, so a "full page" shot of the document shows only
the viewport; the window is made as tall as the page's content instead (up to --max-height).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from streamlit_server import (  # noqa: E402
    VIEWPORT,
    find_chromium,
    launch_browser,
    running_dashboard,
    wait_for_run,
)

# The taller of the main area's content and the sidebar's, measured from the top of the window.
_CONTENT_HEIGHT_JS = """() => {
    const main = document.querySelector('[data-testid="stMainBlockContainer"]')
        || document.querySelector('[data-testid="stMain"]');
    const side = document.querySelector('[data-testid="stSidebarContent"]');
    const bottom = el => el ? el.getBoundingClientRect().top + el.scrollHeight : 0;
    return Math.ceil(Math.max(bottom(main), bottom(side)) + 48);
}"""
# Ready: no placeholder of an element still loading, and every Plotly chart drawn.
_READY_JS = """() => !document.querySelector('[data-testid="stSkeleton"]')
    && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
        .every(el => el.querySelector('.js-plotly-plot .main-svg'))"""


def ready(page) -> None:
    """Wait until the page's script has run and everything it draws is drawn."""
    page.locator('[data-testid="stMain"] h1').first.wait_for(timeout=60_000)
    wait_for_run(page)
    page.wait_for_function(_READY_JS, timeout=60_000)
    wait_for_run(page)


def shoot(page, url: str, target: Path, max_height: int) -> tuple[int, int]:
    """Open `url`, wait for its charts, save a PNG of the whole page; give its width and height."""
    page.set_viewport_size(VIEWPORT)
    page.goto(url, wait_until="domcontentloaded")
    ready(page)
    height = min(max(page.evaluate(_CONTENT_HEIGHT_JS), VIEWPORT["height"]), max_height)
    page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
    # Plotly redraws to the new window size and the app may rerun for it; wait that out too.
    page.wait_for_timeout(1500)
    ready(page)
    page.screenshot(path=str(target))
    # A 256-colour palette keeps a page of flat UI and charts at a fraction of the bytes.
    with Image.open(target) as shot:
        small = shot.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(target, optimize=True)
    return VIEWPORT["width"], height


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--max-height", type=int, default=2600)
    args = parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        sys.exit("screenshots need Chromium (/usr/bin/chromium or chromium on PATH)")
    args.out.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory() as workdir,
        launch_browser(chromium) as browser,
        running_dashboard(browser, Path(workdir)) as server,
    ):
        page = browser.new_context(viewport=VIEWPORT).new_page()
        for label, path in server.nav.items():
            name = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
            target = args.out / f"{name}.png"
            width, height = shoot(page, server.url + path, target, args.max_height)
            size_kb = target.stat().st_size / 1024
            print(f"{label:<12} {target}  {width}x{height}  {size_kb:.0f} KB")


if __name__ == "__main__":
    main()
