"""Issue 13.8: a damaged store through the command line: `check` names the damaged file,
`check --repair` sets it aside, the next ingest brings every statement back, and no command
shows a traceback; temp files a kill left are cleaned by the next writer. Each damage read in
process: tests/store/test_store_damage.py; the dashboard's message on a damaged store (the Data
page still usable): tests/test_app.py (test_a_damaged_store_says_so_plainly_...)."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from newsquotes.store.files import TEMP_SUFFIX
from tests.hostile.conftest import cli

SAID = ["“Fares will fall,” Ana Pell said on Monday.", "“The port will reopen,” Ben Ruiz said."]
NEW = "Harbour\n\nMarch 1, 2024\n\n“We open,” Cy Lund said.\n"


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:100])


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _garbage(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00 but not really" * 50)


DAMAGE = {  # what is damaged, how, and which file
    "statements part truncated": ("statements/part-*.parquet", _truncate),
    "articles part empty": ("articles/part-*.parquet", _empty),
    "names part a folder": ("names/part-*.parquet", _folder),
    "catalog garbage": ("catalog.sqlite", _garbage),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("built")
    (folder / "a.jsonl").write_text("".join(
        json.dumps({"text": t, "date": "2024-03-01", "source": "Wire"}) + "\n" for t in SAID),
        encoding="utf-8")
    assert cli("ingest", "-q", "--processes", "1", "--store", folder / "store",
               folder / "a.jsonl").code == 0
    return folder


def _statements(store: Path, out: Path) -> list[str]:
    assert cli("export", "--store", store, "--to", out).code == 0
    with open(out, newline="", encoding="utf-8") as f:
        return sorted(row["text"] for row in csv.DictReader(f))


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_store_is_named_repaired_and_whole_again(built, tmp_path, damage):
    store = tmp_path / "store"
    shutil.copytree(built / "store", store)
    pattern, harm = DAMAGE[damage]
    (target,) = store.glob(pattern)
    for extra in ("-wal", "-shm"):
        Path(f"{store / 'catalog.sqlite'}{extra}").unlink(missing_ok=True)
    harm(target)
    found = cli("check", "--store", store)
    assert (found.code, f"damaged: {target}" in found.stdout) == (1, True)
    assert cli("check", "--repair", "--store", store).code == 0
    assert (store / "damaged").is_dir() and list((store / "damaged").iterdir())
    assert cli("check", "--store", store).code == 0
    (tmp_path / "new.txt").write_text(NEW, encoding="utf-8")
    assert cli("ingest", "-q", "--processes", "1", "--store", store, built / "a.jsonl",
               tmp_path / "new.txt").code == 0
    assert _statements(store, tmp_path / "out.csv") == ["Fares will fall",
                                                         "The port will reopen", "We open"]


def test_temp_files_left_by_a_kill_are_cleaned_by_the_next_ingest(built, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(built / "store", store)
    left = store / "statements" / f".part-000009-abc.parquet.4242{TEMP_SUFFIX}"
    left.write_bytes(b"half")
    (tmp_path / "new.txt").write_text(NEW, encoding="utf-8")
    assert cli("ingest", "-q", "--no-extract", "--store", store, tmp_path / "new.txt").code == 0
    assert not left.exists()
