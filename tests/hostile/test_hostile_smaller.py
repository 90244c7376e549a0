"""Issue 13.12, the smaller points: a one-paragraph .txt without headline is an article. Read in
process: tests/ingest/test_records.py."""

from __future__ import annotations

from tests.hostile.conftest import BODY, outcomes, parse_beside_good


def test_a_one_paragraph_txt_is_stored(tmp_path):
    path = tmp_path / "para.txt"
    path.write_text(BODY + "\n", encoding="utf-8")
    run = parse_beside_good(tmp_path, path)
    assert outcomes(run, path) == [("stored", ())]
