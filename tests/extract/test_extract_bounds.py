"""Hostile inputs the extractor must survive with a flag, not a crash or a blow-up: each is
built here (figures of time and memory: benchmarks/bench_extract_limits.py)."""

from __future__ import annotations

import json

import pytest

from newsquotes.batch import extract_jsonl
from newsquotes.extract import limits
from newsquotes.extract import pipeline as extraction
from newsquotes.extract.pipeline import at_most, bounded, extract_texts, statement_pieces
from newsquotes.extract.quotemarks import QuoteSpan, find_quotes

LEAD = "Ana Pell said on Monday that the plan was late.\n"


_RENNICK = "\nTavi Rennick said the vote was close."


@pytest.mark.parametrize("words, flags, speakers", [
    # 5 MB: past MAX_TEXT_CHARS the text is not read (Rennick's statement is beyond it)
    (1_000_000, [limits.QUOTE_TOO_LONG, limits.SENTENCE_TOO_LONG, limits.TOO_MUCH_TEXT],
     ["Ana Pell"]),
    # 15 KB: the quotation stands, its sentence is not parsed, the next paragraph is
    (3_000, [limits.SENTENCE_TOO_LONG], ["Ana Pell", "Tavi Rennick"]),
])
def test_a_long_line_after_an_opening_quote(words, flags, speakers):
    text = LEAD + "Pell said: “" + "word " * words + _RENNICK
    (found,) = extract_texts([text])
    assert found.flags == flags
    assert [s.speaker for s in found.statements] == speakers


def test_a_100_kb_unpunctuated_sentence():
    text = LEAD + "Pell said " + "and then the word " * 5_600 + "\nShe said it rained."
    (found,) = extract_texts([text])
    assert found.flags == [limits.SENTENCE_TOO_LONG]
    assert [(s.speaker, s.text) for s in found.statements] == [
        ("Ana Pell", "the plan was late"), ("Ana Pell", "it rained")]


def test_10000_quotes_in_one_article():
    text = LEAD + "\n".join(f"Pell said: “Number {i} is here now.”" if i == 0 else
                            f"“Number {i} is here now.”" for i in range(10_000))
    (found,) = extract_texts([text])
    # the first quotations are read, all Pell's (a run keeps its speaker): the lead's
    # statement and MAX_QUOTES quotations pass MAX_STATEMENTS too
    assert found.flags == [limits.TOO_MANY_QUOTES, limits.TOO_MANY_STATEMENTS]
    assert len(found.statements) == limits.MAX_STATEMENTS
    assert {s.speaker for s in found.statements} == {"Ana Pell"}
    assert found.statements[-1].text == f"Number {limits.MAX_STATEMENTS - 2} is here now."


def test_too_many_statements_keeps_the_first(monkeypatch):
    monkeypatch.setattr(extraction, "MAX_STATEMENTS", 2)
    text = "Ana Pell said it rained.\nShe said it snowed.\nShe said it was cold."
    (found,) = extract_texts([text])
    assert found.flags == [limits.TOO_MANY_STATEMENTS]
    assert [s.text for s in found.statements] == ["it rained", "it snowed"]


def test_too_much_text_parses_the_first_pieces(monkeypatch):
    monkeypatch.setattr(extraction, "MAX_PARSED_CHARS", 60)
    text = "Ana Pell said it rained.\nShe said it snowed.\nShe said it was cold."
    flags: set[str] = set()
    pieces = statement_pieces(text, find_quotes(text), flags)
    assert [text[a:b] for a, b in pieces] == ["Ana Pell said it rained.", "She said it snowed."]
    assert flags == {limits.TOO_MUCH_TEXT}


@pytest.mark.parametrize("items, most, expected, flagged", [
    ([1, 2, 3], 3, [1, 2, 3], False), ([1, 2, 3, 4], 3, [1, 2, 3], True), ([], 0, [], False),
])
def test_at_most(items, most, expected, flagged):
    flags: set[str] = set()
    assert at_most(items, most, "x", flags) == expected
    assert flags == ({"x"} if flagged else set())


def test_bounded_drops_overlong_quotations():
    flags: set[str] = set()
    short, long_ = QuoteSpan(0, 10, 1, 9), QuoteSpan(20, 20 + limits.MAX_QUOTE_CHARS + 1, 21, 30)
    assert bounded([short, long_], flags) == [short]
    assert flags == {limits.QUOTE_TOO_LONG}


def test_jsonl_output_carries_the_flags(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": LEAD + "Pell said " + "so and " * 1_000})
                   + "\n" + json.dumps({"id": "b", "text": LEAD}) + "\n", encoding="utf-8")
    extract_jsonl(src, tmp_path / "out.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [(r["id"], r.get("flags"), len(r["quotes"])) for r in rows] == [
        ("a", [limits.SENTENCE_TOO_LONG], 1), ("b", None, 1)]
