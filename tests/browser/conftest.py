"""The browser harness: one `streamlit run dashboard.py` and one headless Chromium per session.

The server opens on an empty store folder (env NEWSQUOTES_STORE in a temp dir), so the dashboard
builds its store from sample_data/ on first start, exactly as it does for a new user. The tests
skip only where Chromium is absent, and fail instead when NEWSQUOTES_REQUIRE_BROWSER=1 (CI).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from dashboard_driver import Dashboard
from streamlit_server import (
    RUN_TIMEOUT_S,
    VIEWPORT,
    Server,
    ServerError,
    find_chromium,
    launch_browser,
    running_dashboard,
)


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
    with launch_browser(chromium_path) as b:
        yield b


@pytest.fixture(scope="session")
def server(browser, tmp_path_factory) -> Iterator[Server]:
    """The dashboard running over a store it built itself, warmed up, with its page URLs."""
    failure = None
    try:
        with running_dashboard(browser, tmp_path_factory.mktemp("dashboard")) as srv:
            yield srv
    except ServerError as exc:
        failure = str(exc)
    if failure:
        pytest.fail(failure)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def dash(browser, server: Server, request, tmp_path) -> Iterator[Dashboard]:
    """A fresh tab (downloads accepted) on the running dashboard; log and screenshot on failure.

    Every test also checks, on teardown, that no JavaScript dialog opened: the sample corpus
    holds a statement with `alert(...)` in it, and text must never run.
    """
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(RUN_TIMEOUT_S * 1000)
    d = Dashboard(page, server)
    try:
        yield d
        assert d.dialogs == [], f"a JavaScript dialog opened: {d.dialogs}"
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
