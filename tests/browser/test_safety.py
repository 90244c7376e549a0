"""Markup inside a quoted statement is shown as text: it neither runs nor becomes an element.

sample_data/articles/txt/14_hostile_fixture_ministry_site_defaced.txt quotes a hacker group's
message holding `<script>alert("x")</script>` and `<img src=x onerror=alert(1)>`.
"""

import pytest

pytestmark = pytest.mark.browser

HOSTILE = ('<script>alert("x")</script>', "<img src=x onerror=alert(1)>")
# Words of the same quote, free of markup, to find it by the text search filter.
QUOTE_WORDS = "ministry lies about the gas"


def assert_shown_as_text(dash) -> None:
    """The hostile strings are in the page's text, and nothing of them runs or renders."""
    # An injected <img> fails to load and its onerror fires at once; give it that moment.
    dash.page.wait_for_timeout(1000)
    text = dash.text()
    for markup in HOSTILE:
        assert markup in text, f"{markup!r} is not shown as text"
    assert dash.page.locator('img[src="x"]').count() == 0
    injected = dash.page.evaluate(
        "() => [...document.querySelectorAll('script')]"
        ".filter(s => s.text.includes('alert(')).length"
    )
    assert injected == 0
    assert dash.dialogs == []
    assert dash.exceptions() == []


def test_statements_table_shows_markup_as_text(dash):
    dash.open("Statements", q=QUOTE_WORDS)
    dash.page.locator('[data-testid="stDataFrame"]').wait_for()
    assert_shown_as_text(dash)


def test_article_reader_shows_markup_as_text(dash):
    dash.open("Articles", q=QUOTE_WORDS)
    assert_shown_as_text(dash)
