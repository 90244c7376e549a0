"""The command line: parse prints JSON, ingest stores and summarises, extract delegates."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsquotes import batch, cli
from newsquotes.extract.pipeline import Extraction

ROOT = Path(__file__).resolve().parent.parent
STORY = ("Ferry fares rise\n\nHarbour\n\nMarch 10, 2022\n\n"
         "Ferry fares rose by a tenth on Monday, the harbour board said.\n\n"
         "SOURCE: TIDE BULLETIN\n\nLeave a Reply\n")


@pytest.fixture
def story(tmp_path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_parse_prints_the_fields(story, capsys):
    assert cli.main(["parse", str(story)]) == 0
    [article] = json.loads(capsys.readouterr().out)
    assert {k: article[k] for k in ("title", "date", "section", "source", "author", "url",
                                     "body", "flags")} == {
        "title": "Ferry fares rise", "date": "2022-03-10", "section": "Harbour",
        "source": "TIDE BULLETIN", "author": "", "url": "",
        "body": "Ferry fares rose by a tenth on Monday, the harbour board said.", "flags": []}


def test_parse_reports_rejections_on_stderr(story, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert cli.main(["parse", str(story), str(bad)]) == 0
    out, err = capsys.readouterr()
    assert len(json.loads(out)) == 1
    assert err == f"rejected: {bad}: broken JSON: line 1 column 2: Expecting property name " \
                  "enclosed in double quotes\n"


def test_parse_with_nothing_readable_fails(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert cli.main(["parse", str(empty)]) == 1
    assert json.loads(capsys.readouterr().out) == []


def test_ingest_summary(story, tmp_path, capsys, monkeypatch):
    """Plumbing only: the extractor is replaced by a fake that finds nothing."""
    monkeypatch.setattr(batch, "extract_texts",
                        lambda texts, n_process=1: [Extraction([], []) for _ in texts])
    notes = tmp_path / "notes.md"
    notes.write_text("# notes", encoding="utf-8")
    store = tmp_path / "store"
    assert cli.main(["ingest", str(story), str(notes), "--store", str(store), "-q"]) == 0
    out = capsys.readouterr().out
    assert re.findall(r"^(read|added|already present|rejected):\s+(\d+)", out, re.M) == [
        ("read", "1"), ("added", "1"), ("already present", "0"), ("rejected", "1")]
    assert f"  {notes}: unknown extension '.md'" in out
    assert cli.main(["ingest", str(story), "--store", str(store), "-q"]) == 0
    again = capsys.readouterr().out
    assert re.findall(r"^(added|already present|files read before, skipped):\s+(\d+)", again,
                      re.M) == [("added", "0"), ("already present", "0"),
                                ("files read before, skipped", "1")]
    assert [p.name for p in (store / "articles").iterdir()] != []  # parts, not one file


def test_extract_calls_extract_jsonl(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(batch, "extract_jsonl",
                        lambda i, o, n_process: seen.append((i, o, n_process)) or 3)
    out = str(tmp_path / "out.jsonl")
    assert cli.main(["extract", "in.jsonl", "-o", out, "--processes", "3"]) == 0
    assert seen == [("in.jsonl", out, 3)]


def test_python_dash_m_runs_the_cli(story):
    done = subprocess.run([sys.executable, "-m", "newsquotes", "parse", str(story)],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)[0]["title"] == "Ferry fares rise"
