"""Plain-text article layouts: headline, desk line, byline, dateline, body, SOURCE, tail."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsquotes.ingest.dates import looks_like_date, parse_date
from newsquotes.ingest.textformat import parse_text

SAMPLE_SEED = Path(__file__).resolve().parents[2] / "sample_data" / "seed"

SEED_SHAPED = (
    "ORBITAL FERRY TALKS END WITHOUT DEAL, PORTMASTER SAYS\n\n"
    "News Desk Harbour\n\n"
    "Mon 3 April 2023:\n\n"
    "The portmaster’s office said talks on the\u00a0ferry timetable ended without a deal.\n\n"
    "“We will meet again,” said Alva Strand.\n\n"
    "SOURCE: TIDEWATER BULLETIN\n\n"
    "____________________________________\u00a0\n\n"
    "FOLLOW TIDEWATER BULLETIN:\n\n"
    "TWITTER (CLICK HERE)\u00a0\nhttps://social.example/tide\u00a0\n\n"
    "Think your friends would be interested? Share this story!\n\n"
    "Leave a Reply\n\n"
    "Your email address will not be published. Required fields are marked *"
)
SEED_BODY = (
    "The portmaster’s office said talks on the\u00a0ferry timetable ended without a deal.\n\n"
    "“We will meet again,” said Alva Strand."
)


def test_seed_shaped_layout():
    draft = parse_text(SEED_SHAPED)
    assert (draft.title, draft.date, draft.section, draft.source, draft.author) == (
        "ORBITAL FERRY TALKS END WITHOUT DEAL, PORTMASTER SAYS", dt.date(2023, 4, 3),
        "News Desk Harbour", "TIDEWATER BULLETIN", "")
    assert draft.body == SEED_BODY


def test_body_is_a_slice_of_the_text_as_read():
    draft = parse_text(SEED_SHAPED)
    assert draft.body in SEED_SHAPED  # NBSP and typographic quotes untouched
    assert "\u00a0" in draft.body and "’" in draft.body


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no desk line, no boilerplate
        ("Ferry fares rise\n\n10 March 2022\n\nFares rose on Monday, the operator said.",
         ("Ferry fares rise", dt.date(2022, 3, 10), "", "", "",
          "Fares rose on Monday, the operator said.")),
        # byline with outlet, US date, no blank lines in the header
        ("Ferry fares rise\nBy Jane Doe, Harbour Wire\nMarch 10, 2022\n\nFares rose, she said.",
         ("Ferry fares rise", dt.date(2022, 3, 10), "", "Harbour Wire", "Jane Doe",
          "Fares rose, she said.")),
        # byline and ISO date; the SOURCE line names the same outlet in capitals
        ("Ferry fares rise\n\nBy Jane Doe, Harbour Wire\n\n2022-03-10\n\nFares rose.\n\n"
         "SOURCE: HARBOUR WIRE",
         ("Ferry fares rise", dt.date(2022, 3, 10), "", "Harbour Wire", "Jane Doe",
          "Fares rose.")),
        # desk line, then byline, then date with weekday and comma
        ("Ferry fares rise\n\nCity\n\nBy Jane Doe\n\nThursday, March 10, 2022\n\nFares rose.",
         ("Ferry fares rise", dt.date(2022, 3, 10), "City", "", "Jane Doe", "Fares rose.")),
        # no date at all: the short label is the desk line, nothing is invented
        ("Ferry fares explained\n\nExplainer\n\nFares are set by the port board.",
         ("Ferry fares explained", None, "Explainer", "", "", "Fares are set by the port board.")),
        # a numeric date whose day and month could be swapped: a dateline, but no date
        ("Ferry fares rise\n\n10/03/2022\n\nFares rose.",
         ("Ferry fares rise", None, "", "", "", "Fares rose.")),
        # unambiguous day-first numeric date
        ("Ferry fares rise\n\n25/03/2022\n\nFares rose.",
         ("Ferry fares rise", dt.date(2022, 3, 25), "", "", "", "Fares rose.")),
        # Windows line ends; the tail starts at the rule without a SOURCE line
        ("Ferry fares rise\r\n\r\nFares rose.\r\n\r\nThey will rise again.\r\n\r\n_______\r\n"
         "Leave a Reply\r\n",
         ("Ferry fares rise", None, "", "", "", "Fares rose.\r\n\r\nThey will rise again.")),
    ],
)
def test_layouts(text, expected):
    d = parse_text(text)
    assert (d.title, d.date, d.section, d.source, d.author, d.body) == expected
    assert d.body in text


def test_first_body_paragraph_is_not_taken_for_a_desk_line():
    d = parse_text("Ferry fares rise\n\nFares rose by a tenth on Monday.\n\nMore follows.")
    assert (d.section, d.body) == ("", "Fares rose by a tenth on Monday.\n\nMore follows.")


def test_a_paragraph_opening_with_follow_stays_in_the_body():
    d = parse_text("Ferry fares rise\n\nFares rose.\n\nFollow-up talks are planned.\n\n"
                   "Follow us on social media\n\nhttps://social.example/tide")
    assert d.body == "Fares rose.\n\nFollow-up talks are planned."


def test_only_a_headline_gives_no_body():
    assert parse_text("Ferry fares rise\n\n").body == ""
    assert parse_text("").body == ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Thu 10 March 2022:", dt.date(2022, 3, 10)),
        ("March 10, 2022", dt.date(2022, 3, 10)),
        ("Jan. 5, 2024", dt.date(2024, 1, 5)),
        ("2022-03-10", dt.date(2022, 3, 10)),
        ("2025-01-20T06:45:00+00:00", dt.date(2025, 1, 20)),
        ("Published: 10 March 2022 14:30 GMT", dt.date(2022, 3, 10)),
        ("mercredi 5 mars 2025", dt.date(2025, 3, 5)),
        ("03/25/2022", dt.date(2022, 3, 25)),
        ("10/03/2022", None),  # 10 March or 3 October
        ("2025-02-30", None),
        ("March 10 2022 the talks", None),
        ("soon", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_an_ambiguous_date_still_looks_like_a_date():
    assert looks_like_date("10/03/2022") and not looks_like_date("News Desk World")


@pytest.mark.skipif(not (SAMPLE_SEED / "000_185a27f7b8b51c6b.txt").exists(),
                    reason="sample_data/seed not present")
def test_the_seed_in_sample_data():
    text = (SAMPLE_SEED / "000_185a27f7b8b51c6b.txt").read_text(encoding="utf-8")
    d = parse_text(text)
    assert d.title == "TALKS WITH RUSSIA FAIL TO MAKE PROGRESS TOWARDS CEASEFIRE, UKRAINE SAYS"
    assert (d.date, d.section, d.source) == (
        dt.date(2022, 3, 10), "News Desk World", "INDEPENDENT PRESS AND NEWS AGENCIES")
    assert d.body.startswith("Ukraine’s foreign minister said ")
    assert d.body.endswith("marked the first time Russia sent a minister for discussions on "
                           "the crisis.")
    assert d.body in text
    for tail in ("SOURCE", "FOLLOW", "Share this story", "Leave a Reply", "____"):
        assert tail not in d.body
