"""Downloads give real files: a chart's data as CSV, the chart as HTML and PNG, the table as CSV."""

import csv
import io
import re

import pytest

pytestmark = pytest.mark.browser

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
CSV = re.compile(r"csv", re.IGNORECASE)


def read_csv(path) -> list[dict[str, str]]:
    """Give the rows of a CSV file (header required), failing on anything that is not CSV."""
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text), strict=True)
    rows = list(reader)
    assert reader.fieldnames and all(name.strip() for name in reader.fieldnames), reader.fieldnames
    assert all(None not in row for row in rows), "a row has more fields than the header"
    return rows


def test_overview_chart_downloads(dash, tmp_path):
    dash.open("Overview")
    dash.plotly_charts(at_least=1)

    data = dash.download(CSV, tmp_path)
    assert data.suffix == ".csv"
    assert len(read_csv(data)) >= 2

    page = dash.download(re.compile(r"html", re.IGNORECASE), tmp_path)
    assert page.suffix == ".html"
    html = page.read_text(encoding="utf-8")
    assert "plotly" in html.lower() and "<div" in html

    image = dash.download(re.compile(r"png", re.IGNORECASE), tmp_path)
    assert image.suffix == ".png"
    assert image.read_bytes().startswith(PNG_MAGIC)
    assert image.stat().st_size > 1000
    assert dash.exceptions() == []


def test_statements_table_csv_holds_the_filtered_statements(dash, tmp_path):
    dash.open("Overview")
    everything = dash.metric("Statements")
    dash.open("Statements")
    (tmp_path / "all").mkdir()
    (tmp_path / "one").mkdir()
    rows = read_csv(dash.download(CSV, tmp_path / "all"))
    assert len(rows) == everything
    speaker_column = next(c for c in rows[0] if c.lower() == "speaker")
    speaker = rows[0][speaker_column]

    dash.open("Overview", speaker=speaker)
    narrowed = dash.metric("Statements")
    dash.open("Statements", speaker=speaker)
    some = read_csv(dash.download(CSV, tmp_path / "one"))
    assert len(some) == narrowed < everything
    assert {row[speaker_column] for row in some} == {speaker}



def test_word_cloud_downloads_as_png_and_svg(dash, tmp_path):
    dash.open("Keywords")
    dash.images()
    image = dash.download("PNG", tmp_path)
    assert image.suffix == ".png" and image.read_bytes().startswith(PNG_MAGIC)
    drawing = dash.download("SVG", tmp_path)
    assert drawing.suffix == ".svg"
    svg = drawing.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and svg.count("<text") >= 10
    assert dash.exceptions() == []
