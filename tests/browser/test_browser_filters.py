"""A speaker filter, set by link and by clicking a bar, narrows what every number counts."""

import re

import pytest
from streamlit_server import start_server, stop_server, wait_for_run

pytestmark = pytest.mark.browser


def top_speakers(dash) -> list[str]:
    """Give the speakers of the Overview's top-speakers bar chart, in the chart's order."""
    return dash.chart_titled("speaker")["bars"][0]["categories"]


def test_speaker_in_the_url_narrows_the_counts(dash):
    dash.open("Overview")
    everything = dash.metric("Statements")
    speaker = top_speakers(dash)[0]
    dash.open("Overview", speaker=speaker)
    assert dash.exceptions() == []
    narrowed = dash.metric("Statements")
    assert 0 < narrowed < everything
    assert dash.metric("Speakers") == 1
    # The filter survives a move to another page: the sidebar keeps it.
    dash.page.locator('[data-testid="stSidebarNavLink"]', has_text="Statements").click()
    dash.page.wait_for_url(re.compile(r"/statements\?(.*&)?speaker="))
    assert dash.query().get("speaker") == [speaker]
    caption = dash.page.get_by_text(re.compile(r"statements? match the filters"))
    assert caption.inner_text().startswith(f"{narrowed:,} statement")


def test_two_speakers_in_the_url_count_both(dash):
    dash.open("Overview")
    first, second = top_speakers(dash)[:2]
    dash.open("Overview", speaker=first)
    n_first = dash.metric("Statements")
    dash.open("Overview", speaker=second)
    n_second = dash.metric("Statements")
    dash.open("Overview", speaker=[first, second])
    assert dash.metric("Statements") == n_first + n_second
    assert dash.metric("Speakers") == 2


def test_clicking_a_speaker_bar_filters_to_that_speaker(dash):
    dash.open("Overview")
    everything = dash.metric("Statements")
    names = top_speakers(dash)
    # Not the top bar: a click that always landed on the first bar would pass by luck.
    speaker = names[1] if len(names) > 1 else names[0]
    dash.open("Overview", speaker=speaker)
    expected = dash.metric("Statements")

    dash.open("Overview")
    assert speaker in top_speakers(dash)
    dash.click_bar(speaker)
    assert dash.wait_for_metric_change("Statements", everything) == expected
    assert dash.exceptions() == []
    assert dash.query().get("speaker") == [speaker]


def test_a_shared_page_link_is_the_first_request_of_a_fresh_server(dash, browser, tmp_path):
    """A link to a page (not the main one) opened on a server nobody has visited yet runs
    through dashboard.py: the navigation and the sidebar filters are there, the filter holds."""
    speaker = "Sergey Lavrov"  # quoted in the seed article of sample_data
    path = dash.server.nav["Speakers"]
    fresh = start_server(dash.server.store, tmp_path / "fresh.log")  # the store is built
    try:
        dash.page.goto(f"{fresh.url}{path}?speaker={speaker.replace(' ', '+')}",
                       wait_until="domcontentloaded")
        dash.page.locator('[data-testid="stMain"] h1').first.wait_for()
        wait_for_run(dash.page)
        # Read after the app's own reroute, not before: what lasts is what the user sees.
        dash.eventually(dash.nav_links, lambda links: links[:3] == ["Overview", "Speakers",
                                                                    "Sentiment"],
                        "the navigation is not dashboard.py's")
        sidebar = dash.page.locator('[data-testid="stSidebar"]')
        assert sidebar.get_by_text("Filters", exact=True).is_visible()
        dash.eventually(lambda: dash.chart_titled("by speaker")["bars"][0]["categories"],
                        lambda speakers: speakers == [speaker],
                        f"the speaker chart is not narrowed to {speaker}")
    finally:
        stop_server(fresh)
