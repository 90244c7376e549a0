"""The core package never imports streamlit, not even through a module it imports."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import newsquotes

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(m.name for m in pkgutil.iter_modules(newsquotes.__path__)
                 if m.name != "__main__")


def test_the_core_has_the_foundation_modules():
    assert {"cli", "dates", "ingest", "language", "pipeline", "readers", "records", "schema",
            "store", "textformat"} <= set(MODULES)


def test_importing_every_core_module_leaves_streamlit_out():
    code = ("import importlib, sys\n"
            f"for name in {MODULES!r}:\n"
            "    importlib.import_module('newsquotes.' + name)\n"
            "print('streamlit' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "False"
