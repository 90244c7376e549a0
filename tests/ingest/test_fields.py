"""One table of field names: the export shapes of the tools news researchers use."""

from __future__ import annotations

import datetime as dt

import pytest

from newsquotes.ingest.fields import from_record
from newsquotes.records import Rejection

BODY = "Fares rose by a tenth, the board said."
D = dt.date(2019, 11, 19)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        # news-please / CC-News
        ({"maintext": BODY, "title": "Fares", "date_publish": "2019-11-19 14:05:00",
          "source_domain": "example.com", "authors": ["Jane Doe", "Li Wei"],
          "url": "https://example.com/a"},
         ("Fares", D, "example.com", "Jane Doe, Li Wei", "https://example.com/a", "", ())),
        # Media Cloud
        ({"text": BODY, "title": "Fares", "publish_date": "2019-11-19 14:05:00",
          "media_name": "The Example Times", "url": "https://example.com/a",
          "stories_id": 123},
         ("Fares", D, "The Example Times", "", "https://example.com/a", "", ())),
        # GDELT
        ({"text": BODY, "SOURCEURL": "https://example.com/a", "DATE": "20191119140500",
          "SourceCommonName": "example.com"},
         ("", D, "example.com", "", "https://example.com/a", "", ())),
        # Hugging Face news sets
        ({"text": BODY, "title": "Fares", "domain": "example.com", "published": "2019/11/19"},
         ("Fares", D, "example.com", "", "", "", ())),
        # NewsAPI: nested source.name, publishedAt
        ({"content": BODY, "title": "Fares", "publishedAt": "2019-11-19T14:05:00Z",
          "source": {"id": None, "name": "Example News"}, "author": "Jane Doe",
          "url": "https://example.com/a"},
         ("Fares", D, "Example News", "Jane Doe", "https://example.com/a", "", ())),
        # a flattened NewsAPI export (CSV column "source.name")
        ({"content": BODY, "source.name": "Example News", "publishedAt": "2019-11-19"},
         ("", D, "Example News", "", "", "", ())),
        # unix seconds and milliseconds
        ({"text": BODY, "timestamp": 1574172300}, ("", D, "", "", "", "", ())),
        ({"text": BODY, "epoch": "1574172300000"}, ("", D, "", "", "", "", ())),
        ({"text": BODY, "date": "Tue, 19 Nov 2019 14:05:00 +0000", "section": "Business"},
         ("", D, "", "", "", "Business", ())),
        # a date field that does not parse is named in the flag, not dropped
        ({"text": BODY, "date": "the week after next"},
         ("", None, "", "", "", "", ("date_unparsed=the week after next",))),
        # a date no publication has (pandas cannot hold it either)
        ({"text": BODY, "date": "0001-01-01"},
         ("", None, "", "", "", "", ("date_unparsed=0001-01-01",))),
        # the first date field that parses wins
        ({"text": BODY, "date": "soon", "published": "2019-11-19"},
         ("", D, "", "", "", "", ())),
    ],
)
def test_fields_of_each_export(record, expected):
    origin, draft = from_record(record, "x")
    assert draft.body == BODY
    assert (draft.title, draft.date, draft.source, draft.author, draft.url, draft.section,
            draft.flags) == expected


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"title": "Fares"}, "record has no text (expected a 'text', 'body', 'maintext', "
                             "'content' field)"),
        ({"text": 42}, "the text field holds a int, not text"),
        ({"text": "Fares rose \ud800 today."},
         "a field holds a lone surrogate (U+D800), which is not text"),
    ],
)
def test_records_without_usable_text(record, reason):
    assert from_record(record, "x") == Rejection("x", reason)


def test_newsapi_s_cut_content_is_flagged():
    record = {"content": "Ferry fares rose by a tenth on Monday, the board… [+2345 chars]"}
    assert from_record(record, "x")[1].flags == ("truncated",)
