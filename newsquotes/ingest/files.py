"""Reading articles from files, folders and archives into `Article` records.

Every file ends as articles or as a `Rejection` naming the file (and record) and the reason;
a rejection never stops the batch. Only regular files are opened: a device, a FIFO or a socket
is rejected unread, a folder scan follows no link out of the folder and names dangling ones.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsquotes.config import Limits, size_text
from newsquotes.ingest.archives import archive_kind, read_member, read_tar, read_zip
from newsquotes.ingest.articles import article_id, make_article, shown
from newsquotes.ingest.decoding import decode
from newsquotes.ingest.readers import READERS
from newsquotes.ingest.warc import is_warc, read_warc
from newsquotes.records import Article, Rejection

__all__ = ["FORMATS", "UPLOAD_TYPES", "article_id", "decode", "make_article", "read_file",
           "read_paths"]
# Every file name ending read, compressed or not: the upload's accepted types come from here.
FORMATS = (*READERS, ".gz", ".zip", ".tar", ".tgz", ".warc")
UPLOAD_TYPES = [f.lstrip(".") for f in FORMATS]
Items = Iterator[Article | Rejection]


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def _known(name: str) -> bool:
    lower = name.lower().removesuffix(".gz")
    return archive_kind(name) is not None or any(lower.endswith(f) for f in READERS)


def read_file(path: Path, limits: Limits | None = None) -> Items:
    """Give the articles in one regular file (an archive gives those of its members)."""
    limits = limits or Limits()
    origin = shown(str(path))
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield Rejection(origin, f"{_kind(info.st_mode)}, not a file; not read")
            return
        kind = archive_kind(path.name)
        with open(path, "rb") as f:
            head = f.read(8)
        if kind == "warc" or is_warc(head):
            with open(path, "rb") as f:
                yield from read_warc(f, origin, limits)
            return
        if kind == "zip" or head.startswith(b"PK\x03\x04"):
            yield from read_zip(path, limits)
            return
        if kind == "tar":
            yield from read_tar(path, limits)
            return
        if not _known(path.name):
            yield Rejection(origin, f"unknown extension '{shown(path.suffix) or '(none)'}' "
                                    f"(expected one of {', '.join(FORMATS)})")
            return
        if info.st_size > limits.max_file_bytes:
            yield Rejection(origin, f"file is {size_text(info.st_size)}, over the size limit "
                                    f"of {size_text(limits.max_file_bytes)} per file")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(origin, f"cannot be read: {exc.strerror or exc}")
        return
    yield from read_member(data, path.name, origin, limits, nested=False)


def _link(path: Path, root: Path) -> Rejection | None:
    """Give why a link found in a folder scan is not read (None: it stays inside the folder)."""
    origin = shown(str(path))
    target = path.resolve()
    if not target.exists():
        return Rejection(origin, f"dangling link (to {shown(os.readlink(path))}); not read")
    if not target.is_relative_to(root):
        return Rejection(origin, "a link out of the folder; not followed")
    return None


def files_under(root: Path, limits: Limits) -> Items:
    """Give the articles of the files in a folder and its subfolders, in sorted order, hidden
    ones left out, links out of the folder not followed."""
    top = root.resolve()
    for folder, dirs, names in os.walk(root, followlinks=False):  # pruned as it goes
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(n for n in names if not n.startswith(".")):
            path = Path(folder) / name
            odd = _link(path, top) if path.is_symlink() else None
            yield from [odd] if odd else read_file(path, limits)


def read_paths(paths: Iterable[str | Path], limits: Limits | None = None) -> Items:
    """Give an Article or a Rejection for everything in `paths` (files, folders, archives)."""
    limits = limits or Limits()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from files_under(path, limits)
        elif path.exists():
            yield from read_file(path, limits)
        elif path.is_symlink():
            yield Rejection(shown(str(path)), "dangling link: its target does not exist")
        else:
            yield Rejection(shown(str(path)), "no such file or folder")
