"""Issue 13.1: dates outside what pandas can hold (0001, 9999) in a batch: flagged, stored,
the batch whole. The date forms are tested in tests/ingest/test_dates.py."""

from __future__ import annotations

import json

from tests.hostile.conftest import BODY, GOOD, cli, outcomes, parse_beside_good


def test_dates_0001_and_9999_are_flagged_and_the_batch_is_stored(tmp_path):
    path = tmp_path / "dates.jsonl"
    path.write_text("".join(json.dumps({"text": f"{BODY} {n}.", "date": date}) + "\n"
                            for n, date in enumerate(["0001-01-01", "9999-12-31"])),
                    encoding="utf-8")
    run = parse_beside_good(tmp_path, path)
    assert outcomes(run, path) == [("stored", ("date_unparsed=0001-01-01",)),
                                   ("stored", ("date_unparsed=9999-12-31",))]
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    stored = cli("ingest", "--no-extract", "-q", "--store", tmp_path / "store",
                 tmp_path / "good.txt", path)
    assert (stored.code, "added:           3" in stored.stdout) == (0, True)
