"""Markup inside a quoted statement is shown as text: it neither runs nor becomes an element.

sample_data/articles/txt/14_hostile_fixture_ministry_site_defaced.txt quotes a hacker group's
message holding `<script>alert("x")</script>` and `<img src=x onerror=alert(1)>`.
"""

import pytest

pytestmark = pytest.mark.browser

HOSTILE = ('<script>alert("x")</script>', "<img src=x onerror=alert(1)>")
# Words of the hostile quote itself, free of markup, to find it by the text search filter.
QUOTE_WORDS = "ministry lies about the gas"
# Words of another statement in the same article (the ministry's reply), to open the article.
SAME_ARTICLE_WORDS = "vandalism, not espionage"


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


def open_searching(dash, page: str, words: str) -> None:
    """Open `page` with the text search set to `words`, which must find a statement."""
    dash.open(page, q=words)
    assert dash.page.get_by_text("No statement matches").count() == 0, (
        f"the search {words!r} finds no statement"
    )
    dash.page.locator('[data-testid="stDataFrame"]').first.wait_for()


def test_statements_table_shows_markup_as_text(dash):
    open_searching(dash, "Statements", QUOTE_WORDS)
    assert_shown_as_text(dash)


def test_article_reader_shows_markup_as_text(dash):
    open_searching(dash, "Articles", SAME_ARTICLE_WORDS)
    # The reader draws the article body itself (st.html): the hostile quote is in it.
    body = dash.page.locator('[data-testid="stHtml"]').filter(has_text="Grey Lantern was here")
    body.first.wait_for()
    for markup in HOSTILE:
        assert markup in body.first.inner_text()
    assert_shown_as_text(dash)


def test_another_site_cannot_frame_the_dashboard(browser, server):
    """Clickjacking: the served pages carry X-Frame-Options and CSP frame-ancestors (serve.py),
    so a page of another origin that frames the dashboard gets an empty frame."""
    page = browser.new_page()
    try:
        headers = page.request.get(server.url).headers
        assert headers["x-frame-options"] == "SAMEORIGIN"
        assert headers["content-security-policy"] == "frame-ancestors 'self'"
        page.set_content(f'<iframe id="app" src="{server.url}" width="800" height="600">'
                         "</iframe>")
        page.wait_for_timeout(3000)
        framed = page.frame_locator("#app")
        assert framed.locator("[data-testid='stApp']").count() == 0
        assert framed.get_by_text("Who said what").count() == 0
    finally:
        page.close()
