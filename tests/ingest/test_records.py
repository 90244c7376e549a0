"""CSV, JSON and JSON Lines: one bad record costs only itself."""

from __future__ import annotations

import json

import pytest

from tests.ingest.conftest import BODY


def test_csv_standard_dialect_with_doubled_quotes(tmp_path, read):
    path = tmp_path / "a.csv"
    path.write_text('title,text,date\nScreens,"A 34"" screen, the shop said.",2019-11-19\n'
                    f'Fares,"{BODY}",2019/11/19\n', encoding="utf-8")
    arts, rejected = read(path)
    assert [(a.title, a.body, str(a.date)) for a in arts] == [
        ("Screens", 'A 34" screen, the shop said.', "2019-11-19"),
        ("Fares", BODY, "2019-11-19")]
    assert rejected == []


def test_csv_sniffed_when_the_standard_dialect_fails(tmp_path, read):
    path = tmp_path / "a.csv"
    path.write_text(f"title;text\nFares;{BODY}\n", encoding="utf-8")
    arts, rejected = read(path)
    assert [(a.title, a.body) for a in arts] == [("Fares", BODY)] and rejected == []


def test_csv_rejection_names_the_line(tmp_path, read):
    path = tmp_path / "a.csv"
    path.write_text(f'title,text\nA,"{BODY}"\nB,x,y\nC,"{BODY} Again."\n',
                    encoding="utf-8")
    arts, rejected = read(path)
    assert [a.title for a in arts] == ["A", "C"]
    assert rejected == [(f"{path}#record 2",
                         "broken CSV: line 3: more fields than the header has")]


def test_a_csv_field_over_131072_characters_keeps_the_rows_after_it(tmp_path, read):
    long = "Fares rose, the board said. " * 7000  # 196,000 characters
    path = tmp_path / "a.csv"
    path.write_text(f'title,text\nLong,"{long}"\nNext,"{BODY}"\n', encoding="utf-8")
    arts, rejected = read(path)
    assert [(a.title, len(a.body)) for a in arts] == [("Long", len(long.strip())),
                                                      ("Next", len(BODY))]
    assert rejected == []


def test_one_over_nested_jsonl_line_rejects_only_that_line(tmp_path, read):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": BODY}) + "\n" + "[" * 100_000 + "\n"
                    + json.dumps({"maintext": BODY + " Again."}) + "\n", encoding="utf-8")
    arts, rejected = read(path)
    assert [a.body for a in arts] == [BODY, BODY + " Again."]
    assert rejected == [(f"{path}#line 2", "JSON nested too deeply to read")]


def test_a_lone_surrogate_rejects_only_its_record(tmp_path, read):
    path = tmp_path / "a.json"
    path.write_text('[{"text": "Fares rose \\ud800 today, the board said."}, '
                    + json.dumps({"text": BODY}) + "]", encoding="utf-8")
    arts, rejected = read(path)
    assert [a.body for a in arts] == [BODY]
    assert rejected == [(f"{path}#record 1",
                         "a field holds a lone surrogate (U+D800), which is not text")]


def test_an_over_nested_json_file_is_one_rejection(tmp_path, read):
    path = tmp_path / "a.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    assert read(path) == ([], [(str(path), "JSON nested too deeply to read")])


@pytest.mark.parametrize("wrap", ["[{}]", '{{"source": "x", "articles": [{}]}}'])
def test_one_over_nested_record_in_a_json_file_rejects_only_that_record(tmp_path, read, wrap):
    deep = '{"text": "' + 'a \\" [ ] , { ' + '", "x": ' + "[" * 5000 + "]" * 5000 + "}"
    records = ", ".join([json.dumps({"text": BODY}), deep, json.dumps({"text": BODY + " And."})])
    path = tmp_path / "a.json"
    path.write_text(wrap.format(records), encoding="utf-8")
    arts, rejected = read(path)
    assert [a.body for a in arts] == [BODY, BODY + " And."]
    assert rejected == [(f"{path}#record 2", "JSON nested too deeply to read")]


def test_a_one_paragraph_txt_without_headline_is_an_article(tmp_path, read):
    path = tmp_path / "a.txt"
    path.write_text(BODY + "\n", encoding="utf-8")
    (art,), rejected = read(path)
    assert (art.title, art.body, rejected) == ("", BODY, [])


def test_a_headline_alone_is_still_rejected(tmp_path, read):
    path = tmp_path / "a.txt"
    path.write_text("Ferry fares rise\n", encoding="utf-8")
    assert read(path) == ([], [(str(path), "no article text found (only a headline or "
                                           "boilerplate)")])
