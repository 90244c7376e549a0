"""An outlet named in markup shows as text in the Timeline's legend, never as a link.

The store is built here from one article of our own whose outlet is `<a href=...>Reuters</a>`,
and a second dashboard is served over it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from dashboard_driver import Dashboard
from streamlit_server import RUN_TIMEOUT_S, VIEWPORT, running_dashboard, settle

pytestmark = pytest.mark.browser

OUTLET = '<a href="http://x.example/">Reuters</a>'
BODY = ('The minister spoke on Monday. "We will cut gas prices next year," said Anna Berg, '
        'the energy minister. "Nobody will pay more," Berg said.')


def build_store(store) -> None:
    """Fill `store` with an article from OUTLET and one from AP (a legend needs two lines),
    their statements found by the extractor."""
    from newsquotes import pipeline, records
    from newsquotes.store import parquet

    articles = [records.Article(id=f"hostile-{i}", title="Gas prices", body=BODY,
                                date=dt.date(2025, 3, i), source=source)
                for i, source in enumerate((OUTLET, "AP"), start=1)]
    parquet.Store(store).add_articles(articles)
    pipeline.update_store(parquet.Store(store))


@pytest.fixture(scope="module")
def hostile(browser, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("hostile")
    build_store(workdir / "store")
    with running_dashboard(browser, workdir) as server:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.set_default_timeout(RUN_TIMEOUT_S * 1000)
        yield Dashboard(page, server)
        context.close()


def test_no_link_from_data_in_the_timeline_legend(hostile):
    hostile.open("Timeline")
    hostile.page.get_by_role("radio", name="outlet", exact=True).click()
    settle(hostile.page)
    hostile.plotly_charts(at_least=3)
    legend = hostile.page.locator('[data-testid="stPlotlyChart"] .legend').first
    legend.wait_for()
    assert OUTLET in legend.text_content()
    # Plotly draws an <a> of a label as an SVG <a> inside its drawing (.main-svg); the
    # toolbar's buttons are <a> too, outside it.
    assert hostile.page.locator('[data-testid="stPlotlyChart"] .main-svg a').count() == 0
    assert hostile.page.locator('a[href*="x.example"]').count() == 0
    assert hostile.exceptions() == []
