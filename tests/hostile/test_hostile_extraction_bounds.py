"""Issue 13.4: articles under the file limit that blew up extraction's memory (a long line
after an opening quotation mark, a 100 KB unpunctuated sentence) end in a flag beside the
statements of a good record, through `extract`; the bounds themselves, and 10,000 quotations
in one article, are tested in tests/extract/test_extract_bounds.py; time and memory are printed by
benchmarks/bench_hostile.py and bench_extract_limits.py (tests never assert timings)."""

from __future__ import annotations

import json

from tests.hostile.conftest import cli

LEAD = "Ana Pell said on Monday that the plan was late.\n"


def test_hostile_articles_are_flagged_and_the_good_one_keeps_its_statement(tmp_path):
    path, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    records = [{"id": "open", "text": LEAD + "Pell said: “" + "word " * 200_000},
               {"id": "run-on", "text": LEAD + "Pell said " + "and then the word " * 5_600},
               {"id": "good", "text": "“Fares will fall,” the chair said."}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    run = cli("extract", path, "-o", out, "--processes", "1")
    found = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert run.code == 0
    assert [(r["id"], r.get("flags")) for r in found] == [
        ("open", ["quote_too_long", "sentence_too_long", "too_much_text"]),
        ("run-on", ["sentence_too_long"]), ("good", None)]
    assert [q["text"] for q in found[2]["quotes"]] == ["Fares will fall"]
