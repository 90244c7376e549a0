"""The hostile-input suite runs the command line as a user does, in a subprocess, one batch
holding the hostile input of a class beside a good article: the outcome must be a named
rejection or a flag, the good article kept, and no traceback on stderr.

Each module builds its own input (issue 13, one class a module); where the reading itself is
tested beside the module it hardens, the module says where instead of testing it again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD = "Harbour reopens\n\nMarch 11, 2022\n\nThe harbour reopened on Tuesday, its board said.\n"
GOOD_BODY = "The harbour reopened on Tuesday, its board said."
BODY = "Ferry fares rose by a tenth on Monday, the harbour board said, blaming fuel."


@dataclass
class Run:
    """What one run of the command line printed and returned."""

    code: int
    stdout: str
    stderr: str

    def articles(self) -> list[dict]:
        """Give the articles `parse` printed."""
        return json.loads(self.stdout)

    def rejected(self) -> list[str]:
        """Give each rejection `parse` printed on stderr, as "origin: reason"."""
        return [line.removeprefix("rejected: ") for line in self.stderr.splitlines()
                if line.startswith("rejected: ")]


def cli(*args, timeout: float = 300) -> Run:
    """Run `python -m newsquotes ARGS` from the project folder; its stderr holds no traceback."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-m", "newsquotes", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=timeout)
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    return Run(proc.returncode, proc.stdout, proc.stderr)


def parse_beside_good(folder: Path, *paths) -> Run:
    """Run `parse` on a good article and `paths` in one batch; the good article is read."""
    good = folder / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    run = cli("parse", good, *paths)
    assert [a["body"] for a in run.articles() if a["origin"] == str(good)] == [GOOD_BODY]
    return run


def outcomes(run: Run, path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """Give ("stored", flags) for each article read from `path` (flags without no_date) and
    ("rejected", (reason,)) for each rejection naming it, in order: articles first."""
    def mine(origin: str) -> bool:  # the file itself, a record (#) or a member (!) of it
        return origin == str(path) or origin.startswith((f"{path}#", f"{path}!"))

    found = [("stored", tuple(f for f in a["flags"] if f != "no_date"))
             for a in run.articles() if mine(a["origin"])]
    return found + [("rejected", (line.split(": ", 1)[1],)) for line in run.rejected()
                    if mine(line.split(": ", 1)[0])]


@pytest.fixture
def beside_good(tmp_path):
    """Give a function that parses paths beside a good article (see `parse_beside_good`)."""
    return lambda *paths: parse_beside_good(tmp_path, *paths)
