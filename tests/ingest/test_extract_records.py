"""`extract` reads a JSON Lines file with ingest's field names, one bad line costing itself."""

from __future__ import annotations

import json

from newsquotes.ingest.readers import jsonl_texts


def test_each_line_gives_its_id_text_or_reason():
    lines = [
        json.dumps({"id": "a", "maintext": "Fares rose."}).encode(),
        b"",
        json.dumps({"stories_id": 7, "content": "Fares fell."}).encode(),
        b'{"id": "b", "text": "Fares rose \xff today."}',
        b"[" * 100_000,
        b'{"id": "c", "text": "bad \\ud800 text"}',
        b'{"id": "\\udc00", "text": "x \\udc00"}',
        json.dumps({"id": "d", "title": "no text"}).encode(),
        b"42",
    ]
    assert list(jsonl_texts(lines)) == [
        (1, "a", "Fares rose.", ""),
        (3, 7, "Fares fell.", ""),
        (4, "b", "Fares rose \ufffd today.", "1 byte(s) not UTF-8, replaced"),
        (5, 5, None, "JSON nested too deeply to read"),
        (6, "c", None, "a field holds a lone surrogate (U+D800), which is not text"),
        (7, 7, None, "a field holds a lone surrogate (U+DC00), which is not text"),
        (8, "d", None, "record has no text (expected a 'text', 'body', 'maintext', "
                       "'content' field)"),
        (9, 9, None, "expected a JSON object, found a int"),
    ]


def test_extract_fails_when_no_record_holds_a_text(tmp_path, capsys):
    from newsquotes import cli

    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text('{"id": 1, "title": "no text"}\n', encoding="utf-8")
    assert cli.main(["extract", str(src), "-o", str(out), "--processes", "1"]) == 1
    err = capsys.readouterr().err
    assert "line 1 (id 1): record has no text" in err and "no record holds a text" in err
    assert not out.exists() and not (tmp_path / "out.jsonl.part").exists()
