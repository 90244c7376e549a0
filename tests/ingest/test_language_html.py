"""Language by py3langid on the body, and HTML dates only where the page declares one."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.ingest.conftest import STORY

PAGE = ("<html><head><title>Fares rise</title>{meta}</head><body><article><h1>Fares rise</h1>"
        "{dateline}<p>Ferry fares rose by a tenth on Monday, the harbour board said, blaming "
        "the price of fuel, which has doubled this year.</p><p>The chair said the rise would "
        "not last and that fares would fall again in the spring.</p><p>Passengers said they "
        "would take the bus instead, and the board said it would review the fares in May.</p>"
        "</article>"
        "<footer>© 1996-2019 Harbour Wire</footer></body></html>")


@pytest.mark.parametrize(
    ("meta", "dateline", "date"),
    [
        ('<meta property="article:published_time" content="2019-11-18T09:00:00Z">', "",
         dt.date(2019, 11, 18)),
        ('<meta name="date" content="2019-11-18">', "", dt.date(2019, 11, 18)),
        ("", '<p><time datetime="2019-11-18">18 November 2019</time></p>', dt.date(2019, 11, 18)),
        ("", "<p>Updated: November 18, 2019 2:05 PM ET</p>", dt.date(2019, 11, 18)),
        ("", "", None),  # no date declared: no_date, never 1996-01-01 from the copyright
    ],
)
def test_html_dates_only_where_declared(tmp_path, read, meta, dateline, date):
    path = tmp_path / "a.html"
    path.write_text(PAGE.format(meta=meta, dateline=dateline), encoding="utf-8")
    (art,), _ = read(path)
    assert art.date == date
    assert art.body.startswith("Ferry fares rose")  # a dateline is not body text
    assert ("no_date" in art.flags) == (date is None)


def test_html_tables_kept_as_text(tmp_path, read):
    rows = "".join(f"<tr><td>Seat {i}</td><td>{i * 100} votes</td></tr>" for i in range(1, 4))
    para = ("<p>Ferry fares rose by a tenth on Monday, the harbour board said, blaming the price "
            "of fuel, which has doubled this year and is expected to rise.</p>")
    path = tmp_path / "a.html"
    path.write_text(f"<html><head><title>Results</title></head><body><article><h1>Results</h1>"
                    f"{para * 3}<table>{rows}</table>{para}</article></body></html>",
                    encoding="utf-8")
    (art,), _ = read(path)
    assert [p for p in art.body.split("\n\n") if p.startswith("|")] == [
        "| Seat 1 | 100 votes |", "| Seat 2 | 200 votes |", "| Seat 3 | 300 votes |"]


@pytest.mark.parametrize(
    ("body", "language", "flagged"),
    [
        ("Les tarifs du ferry ont augmenté lundi, a déclaré le conseil du port, qui a dit "
         "que le prix du carburant a doublé.", "fr", True),
        ("Наши тарифы на паром выросли в понедельник, заявил совет порта, и цена топлива "
         "удвоилась.", "ru", True),
        ("Top stories\n\nElection results\n\nWeather\n\nSports scores\n\nMarkets today\n\n"
         "Opinion\n\nLetters to the editor\n\nObituaries", "", False),
    ],
)
def test_language_is_set_and_non_english_flagged(tmp_path, read, body, language, flagged):
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\n" + body + "\n", encoding="utf-8")
    (art,), _ = read(path)
    assert (art.language, "not_english" in art.flags) == (language, flagged)


def test_english_is_en(tmp_path, read):
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    (art,), _ = read(path)
    assert (art.language, art.flags) == ("en", ())
