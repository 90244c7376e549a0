"""A speaker filter, set by link and by clicking a bar, narrows what every number counts."""

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

README = Path(__file__).resolve().parents[2] / "sample_data" / "README.md"


def sample_speakers() -> set[str]:
    """Give the speaker names in sample_data/README.md's speakers table."""
    text = README.read_text(encoding="utf-8")
    table = text.split("## Speakers", 1)[1].split("\n## ", 1)[0]
    names = set()
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 4 and cells[0] not in ("Name", "") and not set(cells[0]) <= set("-"):
            names.add(cells[0])
    return names


def top_speakers(dash) -> list[str]:
    """Give the bar categories of the Overview chart that plots sample speakers."""
    known = sample_speakers()
    for chart in dash.plotly_charts(at_least=1):
        for bars in chart["bars"]:
            named = [c for c in bars["categories"] if c in known]
            if named:
                return named
    raise AssertionError(f"no bar chart of speakers among {dash.plotly_charts(at_least=0)}")


def test_readme_table_parses():
    names = sample_speakers()
    assert {"Talia Vennholt", "Grey Lantern", "Kestragas"} <= names


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
    dash.page.wait_for_url(re.compile(r"/statements"))
    assert dash.query().get("speaker") == [speaker]


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
    dash.plotly_charts(at_least=1)
    dash.click_bar(speaker)
    assert dash.wait_for_metric_change("Statements", everything) == expected
    assert dash.exceptions() == []
    assert dash.query().get("speaker") == [speaker]
