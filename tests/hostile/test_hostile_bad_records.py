"""Issue 13.6: one bad record costs only itself, in `parse`/`ingest` and in `extract`. The
readers' own tests: tests/ingest/test_records.py (CSV long field, JSON Lines nesting, JSON
record nesting, lone surrogate) and tests/ingest/test_extract_records.py (extract's lines)."""

from __future__ import annotations

import json

from tests.hostile.conftest import BODY, cli, outcomes, parse_beside_good

GOOD_LINE = json.dumps({"text": BODY})


def test_each_bad_record_is_rejected_alone_in_one_batch(tmp_path):
    files = {
        "long.csv": f'title,text\nLong,"{"Fares. " * 28_572}"\nNext,"{BODY}"\n',
        "nested.jsonl": f"{GOOD_LINE}\n{'[' * 100_000}\n{GOOD_LINE[:-1]}, \"title\": \"B\"}}\n",
        "nested.json": f'[{GOOD_LINE}, {{"text": {"[" * 5000}{"]" * 5000}}}]',
        "surrogate.json": f'[{{"text": "bad \\ud800"}}, {GOOD_LINE}]',
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    run = parse_beside_good(tmp_path, *(tmp_path / name for name in files))
    deep = ("rejected", ("JSON nested too deeply to read",))
    assert {name: outcomes(run, tmp_path / name) for name in files} == {
        "long.csv": [("stored", ()), ("stored", ())],
        "nested.jsonl": [("stored", ()), ("stored", ()), deep],
        "nested.json": [("stored", ()), deep],
        "surrogate.json": [("stored", ()), ("rejected", (
            "a field holds a lone surrogate (U+D800), which is not text",))],
    }
    assert run.code == 0


def test_extract_writes_every_good_record_past_bad_ones_and_leaves_no_part_file(tmp_path):
    path, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    lines = [b'{"id": "s", "text": "bad \\ud800 text"}', b"[" * 100_000,
             json.dumps({"id": "ff", "text": '"We will cut fares," the board said.'}).encode()
             .replace(b"cut", b"c\xffut"),
             json.dumps({"id": "ok", "text": '"Fares will fall," the chair said.'}).encode()]
    path.write_bytes(b"\n".join(lines) + b"\n")
    run = cli("extract", path, "-o", out, "--processes", "1")
    found = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], len(r["quotes"])) for r in found] == [("s", 0), (2, 0), ("ff", 1),
                                                             ("ok", 1)]
    assert (run.code, list(tmp_path.glob("*.part"))) == (0, [])
    assert [line.split(": ", 2)[1] for line in run.stderr.splitlines() if "line" in line] == [
        "line 1 (id s)", "line 2 (id 2)", "line 3 (id ff)"]
