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

__all__ = ["FORMATS", "UPLOAD_TYPES", "Limits", "article_id", "decode", "files_under",
           "make_article", "read_file", "read_paths", "scan"]
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
    if path.is_symlink() and not path.exists():
        yield Rejection(origin, f"dangling link (to {shown(os.readlink(path))}); not read")
        return
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


def _link_out(path: Path, root: Path) -> Rejection | None:
    """Give a rejection for a link that leads out of the scanned folder, else None."""
    target = path.resolve()
    if target.exists() and not target.is_relative_to(root):
        return Rejection(shown(str(path)), "a link out of the folder; not followed")
    return None


def scan(root: Path) -> list[tuple[Path, Rejection | None]]:
    """Give each entry of a folder and its subfolders, in sorted order, hidden ones left out,
    with the rejection of a link that leads out of the folder (never followed)."""
    top, found = root.resolve(), []
    for folder, dirs, names in os.walk(root, followlinks=False):  # pruned as it goes
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(n for n in names if not n.startswith(".")):
            path = Path(folder) / name
            found.append((path, _link_out(path, top) if path.is_symlink() else None))
    return found


def files_under(root: Path) -> list[Path]:
    """Give the files a folder scan reads (links out of the folder left out; a dangling link
    or a FIFO is kept, for `read_file` to reject by name)."""
    return [path for path, why in scan(root) if why is None]


def read_paths(paths: Iterable[str | Path], limits: Limits | None = None) -> Items:
    """Give an Article or a Rejection for everything in `paths` (files, folders, archives)."""
    limits = limits or Limits()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file, why in scan(path):
                yield from [why] if why else read_file(file, limits)
        elif path.exists() or path.is_symlink():
            yield from read_file(path, limits)
        else:
            yield Rejection(shown(str(path)), "no such file or folder")
