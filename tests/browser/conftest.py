"""The browser harness: one `streamlit run dashboard.py` and one headless Chromium per session.

The server opens on an empty store folder (env NEWSQUOTES_STORE in a temp dir), so the dashboard
builds its store from sample_data/ on first start, exactly as it does for a new user. The tests
skip only where Chromium is absent, and fail instead when NEWSQUOTES_REQUIRE_BROWSER=1 (CI).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
# The first script run builds the store (ingest + spaCy extraction) before it draws anything;
# on a 2-core CI box that is the slow step, so the first page gets far longer than the rest.
HEALTH_TIMEOUT_S = 120
FIRST_RUN_TIMEOUT_S = 300
RUN_TIMEOUT_S = 90
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGE_NAMES = (
    "Overview", "Speakers", "Sentiment", "Keywords", "Timeline", "Statements", "Articles", "Data",
)


def find_chromium() -> str | None:
    """Give the path of the system Chromium, or None where none is installed."""
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _log_tail(path: Path, n_chars: int = 6000) -> str:
    text = path.read_text(errors="replace") if path.exists() else "(no log)"
    return text[-n_chars:]


@dataclass
class Server:
    """A running `streamlit run dashboard.py`: its base URL, log file and store folder."""

    url: str
    log: Path
    store: Path
    process: subprocess.Popen
    nav: dict[str, str] = field(default_factory=dict)

    def log_tail(self) -> str:
        """Give the end of the server's stdout and stderr."""
        return _log_tail(self.log)


def _wait_healthy(process: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + HEALTH_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}:\n{_log_tail(log)}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    pytest.fail(f"streamlit not healthy after {HEALTH_TIMEOUT_S} s:\n{_log_tail(log)}")


def start_server(store: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """Start the dashboard on a free port over `store`; give the process and its base URL."""
    port = _free_port()
    env = {**os.environ, "NEWSQUOTES_STORE": str(store), "PYTHONUNBUFFERED": "1"}
    cmd = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py",
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        # Nothing edits the source during a run; the watcher only costs CPU.
        "--server.fileWatcherType", "none",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(
            cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
    url = f"http://127.0.0.1:{port}"
    _wait_healthy(process, url, log)
    return process, url


def stop_server(process: subprocess.Popen) -> None:
    """Stop the server: terminate, then kill if it lingers."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """The Chromium the tests drive; skip (or fail, in CI) where there is none."""
    path = find_chromium()
    if path is None:
        reason = "Chromium is not installed (/usr/bin/chromium, or chromium on PATH)"
        if os.environ.get("NEWSQUOTES_REQUIRE_BROWSER") == "1":
            pytest.fail(f"NEWSQUOTES_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator:
    """One headless Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def server(chromium_path: str, browser, tmp_path_factory) -> Iterator[Server]:
    """The dashboard running over a store it built itself, warmed up, with its page URLs."""
    workdir = tmp_path_factory.mktemp("dashboard")
    store = workdir / "store"
    store.mkdir()
    log = workdir / "streamlit.log"
    process, url = start_server(store, log)
    srv = Server(url=url, log=log, store=store, process=process)
    try:
        srv.nav = _warm_up(browser, srv)
        yield srv
    finally:
        stop_server(process)


def _warm_up(browser, srv: Server) -> dict[str, str]:
    """Run the first script (which builds the store); give page label -> URL from the nav."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(srv.url + "/", wait_until="domcontentloaded")
        try:
            wait_for_run(page, FIRST_RUN_TIMEOUT_S)
            page.locator('[data-testid="stSidebarNavLink"]').first.wait_for(timeout=30_000)
        except Exception as exc:
            pytest.fail(f"first page did not finish: {exc}\n{srv.log_tail()}")
        nav = {}
        for link in page.locator('[data-testid="stSidebarNavLink"]').all():
            label = link.inner_text().strip()
            nav[label] = urlsplit(link.get_attribute("href") or "/").path
        return nav
    finally:
        context.close()


def wait_for_run(page, timeout_s: float = RUN_TIMEOUT_S) -> None:
    """Wait until the app is connected and its script has finished running."""
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]'
        '[data-test-connection-state="CONNECTED"]',
        timeout=timeout_s * 1000,
    )


def settle(page, timeout_s: float = RUN_TIMEOUT_S) -> None:
    """Wait for a rerun that a click may have started to end."""
    # A click's rerun starts a moment after the click; give it that moment, then wait it out.
    page.wait_for_timeout(500)
    wait_for_run(page, timeout_s)


class Dashboard:
    """Drive the dashboard in one browser tab the way a user would."""

    def __init__(self, page, server: Server):
        self.page = page
        self.server = server
        self.dialogs: list[str] = []
        page.on("dialog", self._on_dialog)

    def _on_dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def url_for(self, name: str, **query) -> str:
        """Give the URL of the page labelled `name` with `query` as its query string."""
        if name not in self.server.nav:
            raise AssertionError(f"no page {name!r} in the navigation: {sorted(self.server.nav)}")
        qs = urlencode(query, doseq=True)
        return self.server.url + self.server.nav[name] + (f"?{qs}" if qs else "")

    def open(self, name: str, **query) -> None:
        """Open the page labelled `name` (with filters in the query string) and let it run."""
        self.page.goto(self.url_for(name, **query), wait_until="domcontentloaded")
        wait_for_run(self.page)
        self.page.locator('[data-testid="stMain"]').wait_for()

    def exceptions(self) -> list[str]:
        """Give the text of every exception box on the page."""
        return [e.inner_text() for e in self.page.locator('[data-testid="stException"]').all()]

    def metric(self, label: str) -> int:
        """Give the integer shown by the metric labelled `label`."""
        metrics = self.page.locator('[data-testid="stMetric"]')
        labels = []
        for m in metrics.all():
            text = m.locator('[data-testid="stMetricLabel"]').inner_text().strip()
            labels.append(text)
            if text == label:
                value = m.locator('[data-testid="stMetricValue"]').inner_text().strip()
                digits = re.sub(r"[,\s\u202f]", "", value)
                if not digits.isdigit():
                    raise AssertionError(f"metric {label!r} shows {value!r}, not a count")
                return int(digits)
        raise AssertionError(f"no metric labelled {label!r}; metrics: {labels}")

    def query(self) -> dict[str, list[str]]:
        """Give the current URL's query string as name -> values."""
        from urllib.parse import parse_qs

        return parse_qs(urlsplit(self.page.url).query)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def dash(browser, server: Server, request, tmp_path) -> Iterator[Dashboard]:
    """A fresh tab (downloads accepted) on the running dashboard; logs and a shot on failure."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(RUN_TIMEOUT_S * 1000)
    d = Dashboard(page, server)
    try:
        yield d
    finally:
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            shot = tmp_path / "failure.png"
            try:
                page.screenshot(path=str(shot), full_page=True)
                print(f"screenshot: {shot}")
            except Exception as exc:  # the tab may be gone; the log still helps
                print(f"no screenshot: {exc}")
            print(f"page URL: {page.url}\n--- streamlit log (tail) ---\n{server.log_tail()}")
        context.close()
