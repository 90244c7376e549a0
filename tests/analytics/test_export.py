"""CSV cells a spreadsheet would run as formulas are made inert; everything else is kept."""

import pandas as pd
import pytest

from newsquotes.analytics.export import inert_cells, inert_text


@pytest.mark.parametrize(("cell", "expected"), [
    ('=HYPERLINK("http://x","click")', '\'=HYPERLINK("http://x","click")'),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("said = nothing", "said = nothing"),
    ("", ""),
    ("'already", "'already"),
])
def test_inert_text(cell, expected):
    assert inert_text(cell) == expected


def test_inert_cells_quotes_text_keeps_numbers_lists_and_missing():
    frame = pd.DataFrame({
        "text": pd.Series(["=1+1", "plain", None], dtype="string"),
        "speaker": ["@bob", "Ann", "-"],
        "compound": [-0.5, 0.1, -1.0],
        "terms": [["=a"], [], ["b"]],
        "=evil": ["x", "y", "z"],
    })
    out = inert_cells(frame)
    assert out["text"].tolist() == ["'=1+1", "plain", pd.NA]
    assert str(out["text"].dtype) == str(frame["text"].dtype)
    assert out["speaker"].tolist() == ["'@bob", "Ann", "'-"]
    assert out["compound"].tolist() == [-0.5, 0.1, -1.0]
    assert out["terms"].tolist() == [["=a"], [], ["b"]]
    assert list(out.columns) == ["text", "speaker", "compound", "terms", "'=evil"]
    assert frame["speaker"].tolist() == ["@bob", "Ann", "-"]  # the input is left as it was


def test_csv_of_a_hostile_frame_holds_no_formula_cell():
    import csv
    import io

    from components.downloads import csv_bytes

    frame = pd.DataFrame({"outlet": ['=HYPERLINK("http://x","click")', "Reuters"],
                          "statements": [3, -1]})
    rows = list(csv.reader(io.StringIO(csv_bytes(frame).decode("utf-8"))))
    assert rows == [["outlet", "statements"], ['\'=HYPERLINK("http://x","click")', "3"],
                    ["Reuters", "-1"]]


@pytest.mark.parametrize(("name", "expected"), [
    ("\u202eBBC\u202c News", "BBC News"),
    ("Ann\u2066a\u2069 Lee\u200e", "Anna Lee"),
    ("A\x00B\x1b[2J\x85C", "AB[2JC"),
    (None, ""),
    ("Zoë Müller", "Zoë Müller"),
])
def test_without_controls(name, expected):
    from newsquotes.analytics.export import without_controls

    assert without_controls([name]).tolist() == [expected]
