"""Issue 13.2: formulas from an article (a quotation, a title, an outlet) reach the CSV the
command line exports as inert text. The cell rule: tests/analytics/test_export.py; every CSV
the dashboard offers goes through it (tests/analytics/test_export.py,
test_csv_of_a_hostile_frame_...)."""

from __future__ import annotations

import csv
import json

from tests.hostile.conftest import cli

FORMULAS = ['=HYPERLINK("http://evil.example/","click")', "+cmd|' /C calc'!A0", "@SUM(1+1)",
            "-2+3"]


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_the_exported_csv_holds_no_formula_cell(tmp_path):
    path, store, out = tmp_path / "in.jsonl", tmp_path / "store", tmp_path / "out.csv"
    path.write_text("".join(json.dumps({
        "text": f"“{formula} is the plan,” Ana Pell said on day {n}.", "title": formula,
        "source": formula, "date": "2024-03-01"}) + "\n" for n, formula in enumerate(FORMULAS)),
        encoding="utf-8")
    assert cli("ingest", "-q", "--processes", "1", "--store", store, path).code == 0
    assert cli("export", "--store", store, "--to", out).code == 0
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    cells = [cell for row in rows for cell in row.values() if cell]
    assert [c for c in cells if c[0] in "=+-@\t\r" and not _number(c)] == []
    assert sorted(row["outlet"] for row in rows) == sorted(f"'{f}" for f in FORMULAS)
    assert [f for f in FORMULAS if not any(f in row["text"] for row in rows)] == []
