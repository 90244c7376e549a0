"""Readers of HTML, JSON, JSON Lines and CSV: field names, records, broken input."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newsquotes.ingest.readers import read_csv, read_html, read_json, read_jsonl, read_text
from newsquotes.records import Rejection


def _drafts(items):
    return [(origin, d) for origin, d in (i for i in items if not isinstance(i, Rejection))]


def _rejections(items):
    return [(r.origin, r.reason) for r in items if isinstance(r, Rejection)]


@pytest.mark.parametrize(
    "record",
    [
        {"text": "Fares rose.", "title": "Fares", "date": "2022-03-10", "source": "Wire",
         "url": "https://x.example/1", "author": "Jane Doe"},
        {"body": "Fares rose.", "headline": "Fares", "published": "March 10, 2022",
         "outlet": "Wire", "link": "https://x.example/1", "byline": "Jane Doe"},
        {"Content": "Fares rose.", "Title": "Fares", "publish_date": "2022-03-10T08:00:00Z",
         "publisher": "Wire", "URL": "https://x.example/1", "authors": ["Jane Doe"]},
    ],
)
def test_field_names(record):
    [(origin, d)] = _drafts(read_json(json.dumps(record), "a.json"))
    assert origin == "a.json"
    assert (d.title, d.body, d.date, d.source, d.url, d.author) == (
        "Fares", "Fares rose.", dt.date(2022, 3, 10), "Wire", "https://x.example/1", "Jane Doe")


def test_json_list_names_each_record():
    text = json.dumps([{"text": "One."}, {"title": "No text"}, {"text": "Three."}, 7])
    items = list(read_json(text, "a.json"))
    assert [o for o, _ in _drafts(items)] == ["a.json#record 1", "a.json#record 3"]
    assert _rejections(items) == [
        ("a.json#record 2",
         "record has no text (expected a 'text', 'body', 'maintext', 'content' field)"),
        ("a.json#record 4", "expected an object with a 'text' field, found a int"),
    ]


def test_json_wrapper_object():
    text = json.dumps({"articles": [{"text": "One."}, {"text": "Two."}]})
    assert [d.body for _, d in _drafts(read_json(text, "a.json"))] == ["One.", "Two."]


def test_broken_json_names_line_and_column():
    assert _rejections(read_json('[{"text": "One."},\n {"text": }]', "a.json")) == [
        ("a.json", "broken JSON: line 2 column 11: Expecting value")]


def test_json_scalar_is_rejected():
    assert _rejections(read_json('"just a string"', "a.json")) == [
        ("a.json", "expected a JSON object or a list of objects, found a str")]


def test_text_field_that_is_not_text():
    assert _rejections(read_json('{"text": ["a", "b"]}', "a.json")) == [
        ("a.json", "the text field holds a list, not text")]


def test_jsonl_bad_line_does_not_stop_the_rest():
    text = '{"text": "One."}\n\n{"text": "Two.\n{"content": "Four."}\n[1]\n'
    items = list(read_jsonl(text, "f.jsonl"))
    assert [(o, d.body) for o, d in _drafts(items)] == [
        ("f.jsonl#line 1", "One."), ("f.jsonl#line 4", "Four.")]
    assert [o for o, _ in _rejections(items)] == ["f.jsonl#line 3", "f.jsonl#line 5"]
    assert _rejections(items)[0][1].startswith("broken JSON: column ")


def test_csv_multiline_fields_and_doubled_quotes():
    text = ('title,text,publish_date,publisher\n'
            'Fares,"Fares rose.\n\n""Too much,"" she said.",2022-03-10,Wire\n'
            'Empty,,2022-03-11,Wire\n')
    items = list(read_csv(text, "e.csv"))
    [(origin, d)] = _drafts(items)
    assert (origin, d.body, d.date, d.source) == (
        "e.csv#record 1", 'Fares rose.\n\n"Too much," she said.', dt.date(2022, 3, 10), "Wire")
    assert _rejections(items) == [
        ("e.csv#record 2",
         "record has no text (expected a 'text', 'body', 'maintext', 'content' field)")]


def test_csv_without_a_text_column():
    assert _rejections(read_csv("title,date\nFares,2022-03-10\n", "e.csv")) == [
        ("e.csv", "broken CSV: no text column in the header (expected one of text, body, "
                  "maintext, content); found: title, date")]


def test_csv_row_with_more_fields_than_the_header():
    items = list(read_csv("title,text\nA,One.\nB,Two.,extra\nC,Three.\n", "e.csv"))
    assert [d.body for _, d in _drafts(items)] == ["One.", "Three."]
    assert _rejections(items) == [
        ("e.csv#record 2", "broken CSV: line 3: more fields than the header has")]


def test_csv_unclosed_quote_names_the_record():
    items = list(read_csv('title,text\nA,One.\nB,"Two. never closed\n', "e.csv"))
    assert [d.body for _, d in _drafts(items)] == ["One."]
    [(origin, reason)] = _rejections(items)
    assert origin == "e.csv#record 2" and reason.startswith("broken CSV: line ")


HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry fares rise | Harbour Times</title>
<meta name="author" content="Jane Doe">
<meta property="og:site_name" content="Harbour Times">
<meta property="og:title" content="Ferry fares rise">
<meta property="og:url" content="https://harbour.example/fares">
<meta property="article:published_time" content="2022-03-10T06:45:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="cookie-banner"><p>We use cookies. Accept all?</p></div>
<article><h1>Ferry fares rise</h1>
<p>Ferry fares rose by a tenth on Monday, the harbour board said, the third rise this year
and the steepest since the crossing opened.</p>
<p>“We had no choice,” said Alva Strand, the board’s chair, adding that fuel costs had
doubled since the winter and that the board would review fares again in the autumn.</p>
<p>Passengers’ groups said the rise would hit commuters hardest and called for a cap on
season tickets before the summer timetable begins.</p>
</article>
<footer><p>© Harbour Times. All rights reserved. Contact us. Privacy policy.</p></footer>
</body></html>"""


def test_html_main_text_and_metadata():
    [(origin, d)] = _drafts(read_html(HTML, "p.html"))
    assert (d.title, d.date, d.author, d.source, d.url) == (
        "Ferry fares rise", dt.date(2022, 3, 10), "Jane Doe", "Harbour Times",
        "https://harbour.example/fares")
    assert d.body.startswith("Ferry fares rose by a tenth")
    assert "“We had no choice,” said Alva Strand" in d.body
    for chrome in ("cookies", "Home", "rights reserved"):
        assert chrome not in d.body


def test_html_without_article_text():
    assert _rejections(read_html("<html><body></body></html>", "p.html")) == [
        ("p.html", "no article text found in the HTML page")]


def test_text_with_only_a_headline():
    assert _rejections(read_text("Headline only\n", "t.txt")) == [
        ("t.txt", "no article text found (only a headline or boilerplate)")]
