"""Issue 13.5 (and 13.1 through extraction): a fresh store given articles with no statements,
dated 0001 and 9999 among them, ingests with its extractor, exports and checks clean. In
process: tests/store/test_store_adding.py."""

from __future__ import annotations

import json

from tests.hostile.conftest import cli


def test_a_fresh_store_takes_articles_without_statements(tmp_path):
    path, store = tmp_path / "in.jsonl", tmp_path / "store"
    path.write_text("".join(json.dumps({"text": f"The harbour reopened on day {n}.",
                                        "date": date}) + "\n"
                            for n, date in enumerate(["0001-01-01", "9999-12-31", "2024-03-01"])),
                    encoding="utf-8")
    run = cli("ingest", "-q", "--processes", "1", "--store", store, path)
    assert (run.code, "added:           3" in run.stdout) == (0, True)
    assert "statements:      0 found" in run.stdout
    exported = cli("export", "--store", store, "--to", tmp_path / "out.csv")
    assert (exported.code, exported.stdout.strip()) == (
        0, f"0 statements written to {tmp_path / 'out.csv'}")
    assert cli("check", "--store", store).code == 0
