"""The core's layering: it never imports Streamlit or `components`, and no stage imports a
stage above it. Read from the source (every import statement), not by running it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "newsquotes"

# What each part of the core may import from the core, lowest first. A part not named here
# (a new folder) fails the test until it is given its place.
BASE = {"records", "schema", "config", "nlp", "lexicon"}
ALLOWED = {
    "records": set(),
    "schema": set(),
    "config": set(),
    "nlp": set(),
    "lexicon": set(),
    "ingest": BASE,
    "speakers": BASE,
    "extract": BASE | {"speakers"},
    "analytics": BASE | {"speakers"},
    "store": BASE,
    "synthetic": BASE | {"analytics", "store"},
    "batch": BASE | {"extract", "analytics"},
    "pipeline": BASE | {"ingest", "speakers", "extract", "analytics", "store", "batch"},
    "cli": BASE | {"ingest", "speakers", "extract", "analytics", "store", "pipeline",
                   "synthetic", "batch"},
    "__main__": {"cli"},
    "__init__": set(),
}


def _part(path: Path) -> str:
    rel = path.relative_to(CORE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _imports(path: Path) -> set[str]:
    """Give every dotted module name `path` imports (absolute, or relative made absolute)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                pkg = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-node.level])
                base = f"{pkg}.{node.module}" if node.module else pkg
            else:
                base = node.module or ""
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)
    return found


CORE_FILES = sorted(CORE.rglob("*.py"))


def test_the_core_has_its_stages():
    assert {"ingest", "store", "extract", "speakers", "analytics"} <= {
        p.name for p in CORE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(CORE)))
def test_no_module_imports_streamlit_components_or_a_higher_stage(path):
    part = _part(path)
    assert part in ALLOWED, f"{part} has no place in the layering table"
    wrong = set()
    for name in _imports(path):
        top = name.split(".")[0]
        if top in ("streamlit", "components", "pages"):
            wrong.add(name)
        elif top == "newsquotes" and "." in name:
            used = name.split(".")[1]
            if used != part and used in ALLOWED and used not in ALLOWED[part]:
                wrong.add(name)
    assert not wrong, f"{path.relative_to(ROOT)} imports {sorted(wrong)}"


def test_the_layering_check_sees_a_bad_import(tmp_path):
    bad = CORE / "extract" / "_layering_probe.py"
    bad.write_text("from newsquotes.store.parquet import Store\nimport streamlit\n")
    try:
        with pytest.raises(AssertionError, match="imports"):
            test_no_module_imports_streamlit_components_or_a_higher_stage(bad)
    finally:
        bad.unlink()


def test_importing_every_core_module_leaves_streamlit_out():
    names = [".".join(p.relative_to(ROOT).with_suffix("").parts) for p in CORE_FILES
             if p.stem != "__main__"]
    names = [n.removesuffix(".__init__") for n in names]
    code = ("import importlib, sys\n"
            f"for name in {names!r}:\n"
            "    importlib.import_module(name)\n"
            "print('streamlit' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "False"
