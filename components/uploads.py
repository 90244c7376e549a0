"""Adding uploaded files to the store: write them to a temporary folder under their own names,
read them with `ingest.read_paths`, add the articles, extract what is new. One bad file is a
rejection in the report, never the end of the batch; the store writes atomically."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from newsquotes.ingest.articles import shown
from newsquotes.ingest.files import UPLOAD_TYPES

FORMATS = UPLOAD_TYPES  # the file types ingest reads, from its own list


@dataclass
class UploadReport:
    """What one upload did: articles added and already present, rejections and why."""

    added: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    statements: int = 0
    error: str = ""

    def rejected_frame(self) -> pd.DataFrame:
        """Give the rejections as a table: file (and record), reason."""
        return pd.DataFrame(self.rejected, columns=["file", "reason"])


def safe_name(name: str) -> str:
    """Give an upload's file name without folders or odd characters ("../a b.txt" -> "a_b.txt")."""
    base = Path(name.replace("\\", "/")).name
    return re.sub(r"[^\w.\-]+", "_", base).strip("._") or "upload"


def _shown(origin: str, folder: Path) -> str:
    """Give a rejection's origin relative to the upload folder (the name the user gave)."""
    return origin.replace(str(folder) + "/", "").replace(str(folder), "")


def scheduler_address() -> str | None:
    """Give the Dask scheduler an upload may be handed to ($NEWSQUOTES_SCHEDULER), if any."""
    return os.environ.get("NEWSQUOTES_SCHEDULER") or None


def add_uploads(uploads, store_path: Path, progress=None,
                scheduler: str | None = None) -> UploadReport:
    """Add the articles in `uploads` (objects with .name and .getvalue()) to the store,
    finding their statements on the Dask cluster of `scheduler` if given, else here.

    `progress`, if given, is a Streamlit progress bar, moved per chunk stored.
    """
    from newsquotes.adding import add_files
    from newsquotes.store import StoreError
    # A damaged store, a broken alias/topic file; with a cluster, an unreachable or
    # mismatched one.
    failures: tuple[type[Exception], ...] = (StoreError, ValueError)
    runner = None
    if scheduler:
        from newsquotes.cluster import ClusterError, dask_runner

        failures += (ClusterError,)
        runner = dask_runner(scheduler)
    from newsquotes.store import parquet as stores

    report = UploadReport()
    with tempfile.TemporaryDirectory(prefix="newsquotes-upload-") as tmp:
        folder = Path(tmp)
        names = {}
        for i, upload in enumerate(uploads):
            target = folder / f"{i:03d}_{safe_name(upload.name)}"
            target.write_bytes(upload.getvalue())
            names[target.name] = upload.name

        def moved(files: int, total: int, articles: int, statements: int) -> None:
            if progress is not None:
                progress.progress(min(files / max(total, 1), 1.0),
                                  text=f"{articles} articles stored, {statements} statements…")

        try:
            done = add_files(stores.Store(store_path), [folder], progress=moved, runner=runner,
                             files_total=len(names))
        except failures as exc:
            report.error = f"Nothing more could be stored: {exc}"
            return report
    report.added, report.present = list(done.added), list(done.present)
    for item in done.rejected:
        origin = _shown(item.origin, folder)
        for stored, given in names.items():
            origin = origin.replace(stored, shown(given))
        report.rejected.append((origin, item.reason))
    report.statements = done.total_statements
    if progress is not None:
        progress.progress(1.0, text="Done")
    return report


def store_files(path: Path) -> pd.DataFrame:
    """Give the files in the store folder: name and size in kB."""
    # A temp file a killed writer left is never shown (the next writer removes it).
    files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.endswith(".tmp")
                   and p.name != ".lock") if path.is_dir() else []
    return pd.DataFrame({"file": [str(p.relative_to(path)) for p in files],
                         "kB": [round(p.stat().st_size / 1024, 1) for p in files]})
