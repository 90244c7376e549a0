"""Issue 13.11 (terminal hygiene) and its target of no traceback in the CLI: `parse` piped into
a reader that stops early (`| head`) ends without a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.hostile.conftest import BODY, ROOT


def test_parse_into_a_closed_pipe_ends_quietly(tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"text": f"{BODY} {n}."}) + "\n" for n in range(2000)),
                    encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "newsquotes", "parse", str(path)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(100)
    proc.stdout.close()  # the reader goes away long before the 2,000 articles are written
    err = proc.stderr.read().decode()
    assert (proc.wait(timeout=120), err) == (1, "")
