"""Drive the dashboard in a browser tab as a user would: open pages, read numbers, click, save."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from streamlit_server import RUN_TIMEOUT_S, Server, link_label, settle, wait_for_run

_CHARTS_JS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].map(el => {
    const gd = el.querySelector('.js-plotly-plot');
    if (!gd) return {drawn: false, traces: 0, points: 0, title: '', bars: []};
    const data = gd.data || [];
    const title = (gd.layout && gd.layout.title && gd.layout.title.text) || '';
    const points = data.reduce((n, t) => n + Math.max(
        (t.x || []).length || 0, (t.y || []).length || 0, (t.values || []).length || 0,
        (t.z || []).length || 0), 0);
    const bars = data.filter(t => t.type === 'bar').map(t => ({
        orientation: t.orientation || 'v',
        categories: Array.from((t.orientation === 'h' ? t.y : t.x) || []).map(String),
    }));
    return {drawn: !!gd.querySelector('.main-svg'), traces: data.length, points, title, bars};
})"""

_ALL_DRAWN_JS = """n => {
    const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
    return charts.length >= n && charts.every(el => el.querySelector('.js-plotly-plot .main-svg'));
}"""

_BAR_CATEGORIES_JS = """gd => (gd.data || []).filter(t => t.type === 'bar').map(
    t => Array.from((t.orientation === 'h' ? t.y : t.x) || []).map(String))"""


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
        # Every page starts with its title; the script state alone can read "notRunning" for a
        # moment before the first run of a new session begins.
        self.page.locator('[data-testid="stMain"] h1').first.wait_for()
        wait_for_run(self.page)

    def exceptions(self) -> list[str]:
        """Give the text of every exception box on the page."""
        return [e.inner_text() for e in self.page.locator('[data-testid="stException"]').all()]

    def metric(self, label: str) -> int:
        """Give the integer shown by the metric labelled `label`."""
        metrics = self.page.locator('[data-testid="stMetric"]')
        metrics.filter(has_text=label).first.wait_for()
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

    def plotly_charts(self, at_least: int = 1) -> list[dict]:
        """Wait for `at_least` Plotly charts, all drawn; give each one's traces, points, bars."""
        # Plotly draws several .main-svg layers per chart: count charts, not layers. A chart
        # element can be on the page a moment before Plotly has drawn into it.
        self.page.wait_for_function(
            _ALL_DRAWN_JS,
            arg=at_least,
        )
        return self.page.evaluate(_CHARTS_JS)

    def chart_titled(self, pattern: str) -> dict:
        """Wait for a drawn bar chart whose title matches `pattern` (any case); give it."""
        def find() -> dict | None:
            charts = self.page.evaluate(_CHARTS_JS)
            return next((c for c in charts if c["drawn"] and c["bars"]
                         and re.search(pattern, c["title"], re.IGNORECASE)), None)
        return self.eventually(find, lambda chart: chart is not None,
                               f"no drawn bar chart titled {pattern!r}")

    def eventually(self, read: Callable[[], Any], ok: Callable[[Any], bool], what: str,
                   timeout_s: float = RUN_TIMEOUT_S) -> Any:
        """Read the page after each run until `ok(read())` holds; give that reading.

        A page can be read between two runs (a rerun the app starts itself, a chart not yet
        drawn): only a state that lasts past `timeout_s` is a failure, told as `what`.
        """
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                wait_for_run(self.page, timeout_s)
                value = read()
            except AssertionError as exc:  # mid-rerun an element can be briefly missing
                value = exc
            if not isinstance(value, AssertionError) and ok(value):
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"{what} after {timeout_s} s; last seen: {value!r}; "
                                     f"exceptions: {self.exceptions()}")
            self.page.wait_for_timeout(250)

    def images(self) -> list[dict]:
        """Give every st.image on the page: its loaded pixel size and alt text."""
        self.page.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=\"stImage\"] img')]"
            ".every(i => i.complete)"
        )
        return self.page.evaluate(
            "() => [...document.querySelectorAll('[data-testid=\"stImage\"] img')]"
            ".map(i => ({width: i.naturalWidth, height: i.naturalHeight, alt: i.alt}))"
        )

    def text(self) -> str:
        """Give all text in the page body, hidden text included (table cells for readers)."""
        return self.page.locator("body").text_content() or ""

    def download_buttons(self) -> list[str]:
        """Give the labels of the page's download buttons, in page order."""
        buttons = self.page.locator('[data-testid="stDownloadButton"] button')
        return [b.inner_text().strip() for b in buttons.all()]

    def download(self, label: re.Pattern | str, folder: Path, nth: int = 0) -> Path:
        """Click the `nth` download button whose label matches; give the saved file."""
        pattern = label if isinstance(label, re.Pattern) else re.compile(re.escape(label))
        buttons = self.page.locator('[data-testid="stDownloadButton"] button').filter(
            has_text=pattern
        )
        try:
            # A page still drawing has not placed its buttons yet: wait, do not just count.
            buttons.nth(nth).wait_for(state="visible", timeout=RUN_TIMEOUT_S * 1000)
        except PlaywrightTimeoutError:
            raise AssertionError(
                f"no download button {pattern.pattern!r} (#{nth}); buttons: "
                f"{self.download_buttons()}"
            ) from None
        with self.page.expect_download() as info:
            buttons.nth(nth).click()
        download = info.value
        target = folder / download.suggested_filename
        download.save_as(target)
        settle(self.page)
        return target

    def wait_for_metric_change(self, label: str, old: int) -> int:
        """Wait until the metric labelled `label` shows something other than `old`; give it."""
        return self.eventually(lambda: self.metric(label), lambda value: value != old,
                               f"metric {label!r} still shows {old}")

    def nav_links(self) -> list[str]:
        """Give the labels of the sidebar's page links, in order."""
        links = self.page.locator('[data-testid="stSidebarNavLink"]').all_inner_texts()
        return [link_label(text) for text in links]

    def click_bar(self, category: str) -> None:
        """Click the first Plotly bar drawn for `category` (a bar chart's category axis)."""
        charts = self.page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot')
        for i in range(charts.count()):
            traces = charts.nth(i).evaluate(_BAR_CATEGORIES_JS)
            for t, categories in enumerate(traces):
                if category in categories:
                    bars = charts.nth(i).locator("g.trace.bars").nth(t).locator("g.point path")
                    # Plotly's hover layer sits over the bars; the click must reach the bar.
                    bars.nth(categories.index(category)).click(force=True)
                    return
        raise AssertionError(f"no bar for {category!r} in the page's Plotly charts")

    def query(self) -> dict[str, list[str]]:
        """Give the current URL's query string as name -> values."""
        return parse_qs(urlsplit(self.page.url).query)
