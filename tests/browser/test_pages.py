"""Every page opens on the sample corpus and draws what it promises, without an exception."""

import pytest

pytestmark = pytest.mark.browser

# What each page draws on the sample corpus, at least: Plotly charts, images (word clouds),
# tables, file uploaders. From issue 5's page list.
EXPECTED = {
    "Overview": {"plotly": 2},  # top speakers, sentiment mix
    "Speakers": {"plotly": 1},  # counts by speaker and kind
    "Sentiment": {"plotly": 2},  # every statement as a point, distribution per speaker
    "Keywords": {"plotly": 1, "images": 1},  # distinctive terms, word cloud
    "Timeline": {"plotly": 2},  # statements over time, mean sentiment over time
    "Statements": {"dataframe": 1},
    "Articles": {},
    "Data": {"uploader": 1},
}


def test_navigation_lists_every_page(server):
    assert sorted(server.nav) == sorted(EXPECTED)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_page_draws_its_charts(dash, name):
    dash.open(name)
    want = EXPECTED[name]
    charts = dash.plotly_charts(at_least=want.get("plotly", 0))
    assert dash.exceptions() == []
    assert len(charts) >= want.get("plotly", 0)
    for chart in charts:
        assert chart["drawn"], chart
        assert chart["traces"] >= 1 and chart["points"] >= 1, chart
    if "images" in want:
        images = dash.images()
        assert len(images) >= want["images"]
        assert all(i["width"] > 0 and i["height"] > 0 for i in images), images
    for kind, selector in (("dataframe", "stDataFrame"), ("uploader", "stFileUploader")):
        if kind in want:
            found = dash.page.locator(f'[data-testid="{selector}"]')
            found.first.wait_for(state="attached")
            assert found.count() >= want[kind]
