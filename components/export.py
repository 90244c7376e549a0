"""Charts as files: standalone HTML, and PNG/SVG rendered by kaleido in a local Chrome/Chromium.

kaleido 1.x draws with a browser it finds through `choreographer` (env BROWSER_PATH first, then
`chromium`/`chrome` on PATH); it never downloads one here. One kaleido server is started on the
first export and kept, because starting Chromium costs seconds and an export after that ~0.3 s.
"""

from __future__ import annotations

import os
import shutil
import threading
import warnings
from pathlib import Path

import plotly.graph_objects as go

BROWSER_ENV = "BROWSER_PATH"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
NO_BROWSER = (
    "PNG and SVG files are drawn on the server by a Chrome or Chromium, and none is installed "
    "here (Debian: apt-get install chromium; or set BROWSER_PATH). The camera icon in the "
    "chart's toolbar still saves a PNG from your browser."
)
_server_lock = threading.Lock()


def find_browser() -> str | None:
    """Give the Chrome/Chromium kaleido will use, or None where there is none."""
    configured = os.environ.get(BROWSER_ENV)
    if configured and Path(configured).exists():
        return configured
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def to_html(fig: go.Figure) -> str:
    """Give the figure as one self-contained HTML page (plotly.js inlined: no network needed)."""
    return fig.to_html(include_plotlyjs=True, full_html=True)


def _ensure_server(browser: str) -> None:
    import kaleido

    with _server_lock:
        os.environ[BROWSER_ENV] = browser
        kaleido.start_sync_server(silence_warnings=True)


def to_image(fig: go.Figure, fmt: str, width: int = 1200, height: int = 700) -> bytes:
    """Give the figure as PNG or SVG bytes drawn by kaleido.

    Raises:
        RuntimeError: no Chrome/Chromium is installed (the message says what to do).
    """
    browser = find_browser()
    if browser is None:
        raise RuntimeError(NO_BROWSER)
    _ensure_server(browser)
    with warnings.catch_warnings():
        # plotly passes its own kaleido options, which a running server ignores (harmlessly).
        warnings.simplefilter("ignore", UserWarning)
        return fig.to_image(format=fmt, width=width, height=height, scale=2 if fmt == "png" else 1)
