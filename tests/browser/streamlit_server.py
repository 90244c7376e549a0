"""Start and stop `streamlit run serve.py` (the dashboard with its response headers) on a free
port over a given store folder.

Shared by the browser tests (conftest.py) and benchmarks/screenshots.py, so both see the app
exactly as `streamlit run` serves it to a user.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
HEALTH_TIMEOUT_S = 120
# The first script run builds the store (ingest + spaCy extraction) before it draws anything;
# on a 2-core CI box that is the slow step, so the first page gets far longer than the rest.
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
VIEWPORT = {"width": 1280, "height": 900}


class ServerError(RuntimeError):
    """The dashboard did not start or did not finish its first run; the message holds the log."""


def find_chromium() -> str | None:
    """Give the path of the system Chromium, or None where none is installed."""
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """A running `streamlit run dashboard.py`: base URL, log file, store folder, page URLs."""

    url: str
    log: Path
    store: Path
    process: subprocess.Popen
    nav: dict[str, str] = field(default_factory=dict)

    def log_tail(self, n_chars: int = 6000) -> str:
        """Give the end of the server's stdout and stderr."""
        if not self.log.exists():
            return "(no log)"
        return self.log.read_text(errors="replace")[-n_chars:]


def _wait_healthy(server: Server) -> None:
    deadline = time.monotonic() + HEALTH_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise ServerError(
                f"streamlit exited with {server.process.returncode}:\n{server.log_tail()}"
            )
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    raise ServerError(f"streamlit not healthy after {HEALTH_TIMEOUT_S} s:\n{server.log_tail()}")


def start_server(store: Path, log: Path) -> Server:
    """Start the dashboard on a free port over `store`; wait until its health check answers."""
    port = _free_port()
    env = {**os.environ, "NEWSQUOTES_STORE": str(store), "PYTHONUNBUFFERED": "1"}
    cmd = [
        sys.executable, "-m", "streamlit", "run", "serve.py",
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
    server = Server(url=f"http://127.0.0.1:{port}", log=log, store=store, process=process)
    try:
        _wait_healthy(server)
    except BaseException:
        stop_server(server)
        raise
    return server


def stop_server(server: Server) -> None:
    """Stop the server: terminate, then kill if it lingers."""
    process = server.process
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


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


def link_label(text: str) -> str:
    """Give a sidebar page link's label from its text."""
    # A Material icon is drawn from a ligature, so its name is text in the link too
    # ("dashboard\n\nOverview"): the label is the last line.
    return text.strip().splitlines()[-1].strip()


def warm_up(browser, server: Server) -> dict[str, str]:
    """Run the first script (which builds the store); give page label -> URL path from the nav."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto(server.url + "/", wait_until="domcontentloaded")
        try:
            wait_for_run(page, FIRST_RUN_TIMEOUT_S)
            page.locator('[data-testid="stSidebarNavLink"]').first.wait_for(timeout=30_000)
        except Exception as exc:
            raise ServerError(f"first page did not finish: {exc}\n{server.log_tail()}") from exc
        return {
            link_label(link.inner_text()): urlsplit(link.get_attribute("href") or "/").path
            for link in page.locator('[data-testid="stSidebarNavLink"]').all()
        }
    finally:
        context.close()


@contextmanager
def launch_browser(chromium: str) -> Iterator:
    """Give one headless Playwright Chromium, closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def running_dashboard(browser, workdir: Path) -> Iterator[Server]:
    """Give a warmed-up dashboard over a fresh store in `workdir`, stopped on exit."""
    store = workdir / "store"
    store.mkdir(parents=True, exist_ok=True)
    server = start_server(store, workdir / "streamlit.log")
    try:
        server.nav = warm_up(browser, server)
        yield server
    finally:
        stop_server(server)
