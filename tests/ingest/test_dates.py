"""Dates in every form the exports, feeds and datelines write them."""

from __future__ import annotations

import datetime as dt

import pytest

from newsquotes.ingest.dates import parse_date, parse_field_date

D = dt.date(2019, 11, 19)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Tue, 19 Nov 2019 14:05:00 +0000", D),  # RFC 2822, the usual RSS form
        ("19 Nov 2019 14:05 GMT", D),  # RFC 822 without weekday
        ("Tue, 19 Nov 2019 23:30:00 -0500", D),  # the date as written, not turned to UTC
        ("2019-11-19T14:05:00Z", D),
        ("2019-11-19T14:05:00.123+01:00", D),
        ("2019-11-19 14:05:00 UTC", D),
        ("2019/11/19", D),
        ("November 19, 2019 2:05 PM ET", D),
        ("Nov. 19, 2019, 2:05 p.m. EST", D),
        ("Updated: November 19, 2019 at 2:05 pm", D),
        ("19 November 2019, 14:05 CET", D),
        ("19. November 2019 um 14:05 Uhr", D),
        ("mardi 19 novembre 2019 à 14h05", D),
        ("10/03/2022", None),  # day and month could be swapped
        ("1996", None),  # a year alone is no date
        ("Fares rose 10% on March 3", None),
    ],
)
def test_parse_date(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize(
    ("value", "date"),
    [
        (1574172300, D), ("1574172300", D), (1574172300.5, D), (1574172300123, D),
        ("20191119", D), ("20191119140500", D), ("20191119T140500Z", D),
        (12, None), ("2019", None), (True, None), (None, None),
        ("Tue, 19 Nov 2019 14:05:00 +0000", D),
    ],
)
def test_parse_field_date(value, date):
    assert parse_field_date(value) == date
