"""Archives and compression: .zip, .tar (.tar.gz, .tgz) and .gz of any readable format.

Members are read in memory, never extracted to disk, so a member named `../x` cannot write
anywhere; links in an archive are never followed; an archive inside an archive is not read.
The limits (members, unpacked size, size per member) are the table's in `newsquotes.config`.
"""

from __future__ import annotations

import io
import re
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from newsquotes.config import Limits, size_text
from newsquotes.ingest.articles import read_document, shown
from newsquotes.ingest.warc import is_warc, read_warc
from newsquotes.records import Article, Rejection

GZIP_MAGIC = b"\x1f\x8b"
ARCHIVES = (".zip", ".tar", ".tgz", ".tar.gz")
Items = Iterator[Article | Rejection]


def archive_kind(name: str) -> str | None:
    """Give "zip", "tar" or "warc" for an archive's file name, else None."""
    lower = name.lower()
    if lower.endswith(".zip"):
        return "zip"
    if lower.endswith((".tar", ".tgz", ".tar.gz")):
        return "tar"
    if lower.endswith((".warc", ".warc.gz")):
        return "warc"
    return None


def gunzip(data: bytes, limit: int) -> bytes | None:
    """Give the unpacked bytes of gzip data (every member), or None past `limit` bytes."""
    out, rest = [], data
    size = 0
    while rest.startswith(GZIP_MAGIC):
        unpacker = zlib.decompressobj(31)
        out.append(unpacker.decompress(rest, limit + 1 - size))
        size += len(out[-1])
        if size > limit or unpacker.unconsumed_tail:
            return None
        rest = unpacker.unused_data
    return b"".join(out)


def unsafe(name: str) -> bool:
    """Give True for a member name that climbs out of the archive or is absolute."""
    path = PurePosixPath(name.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts or re.match(r"^[A-Za-z]:", name) is not None


def read_member(data: bytes, name: str, origin: str, limits: Limits, nested: bool) -> Items:
    """Give the articles of one file's bytes: unpacked first if gzipped, a WARC by its content
    whatever its name; an archive inside an archive (`nested`) is not read."""
    if data.startswith(GZIP_MAGIC):
        inner = name[:-3] if name.lower().endswith(".gz") else name
        # A crawl holds many pages: a .warc.gz may unpack to as much as an archive may.
        warc = inner.lower().endswith(".warc")
        limit = limits.max_unpacked_bytes if warc else limits.max_file_bytes
        try:
            unpacked = gunzip(data, limit)
        except zlib.error as exc:
            yield Rejection(origin, f"broken gzip: {exc}")
            return
        if unpacked is None:
            yield Rejection(origin, f"gzip unpacks to more than {size_text(limit)}, the limit")
            return
        data, name = unpacked, inner
    if is_warc(data[:8]):
        yield from read_warc(io.BytesIO(data), origin, limits)
    elif archive_kind(name) in ("zip", "tar") or data.startswith(b"PK\x03\x04"):
        yield Rejection(origin, "an archive inside an archive is not read" if nested
                        else "an archive given as a compressed file is not read")
    else:
        yield from read_document(data, name, origin)


def _member_skip(name: str, size: int, where: str, limits: Limits) -> Rejection | bool:
    """Give a rejection for a member not to read, True for archivers' own files, else False."""
    base = PurePosixPath(name.replace("\\", "/")).name
    if unsafe(name):
        return Rejection(where, "unsafe member path (absolute or with '..'); not read")
    if base.startswith(".") or name.startswith("__MACOSX/"):
        return True  # archivers' own files (.DS_Store, resource forks), not articles
    if size > limits.max_file_bytes:
        return Rejection(where, f"member is {size_text(size)}, over the size limit "
                                f"of {size_text(limits.max_file_bytes)} per file")
    return False


def _over(count: int, unpacked: int, kind: str, limits: Limits) -> str:
    """Give why an archive is not read at all (too many members, too large), else ""."""
    if count > limits.max_members:
        return (f"{kind} has {count} members, over the limit of {limits.max_members}; "
                f"nothing in it was read")
    if unpacked > limits.max_unpacked_bytes:
        return (f"{kind} unpacks to {size_text(unpacked)}, over the limit of "
                f"{size_text(limits.max_unpacked_bytes)}; nothing in it was read")
    return ""


def read_zip(path: Path, limits: Limits) -> Items:
    """Give the articles in a .zip archive, every member read in memory, never extracted."""
    origin = shown(str(path))
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield Rejection(origin, f"not a readable zip archive: {exc}")
        return
    with archive:
        members = [i for i in archive.infolist() if not i.is_dir()]
        why = _over(len(members), sum(i.file_size for i in members), "zip", limits)
        if why:
            yield Rejection(origin, why)
            return
        total = 0
        for info in members:
            where = f"{origin}!{shown(info.filename)}"
            skip = _member_skip(info.filename, info.file_size, where, limits)
            if skip:
                yield from [skip] if isinstance(skip, Rejection) else []
                continue
            try:
                with archive.open(info) as member:
                    # Read one byte past the limit: a header can lie about the unpacked size.
                    data = member.read(limits.max_file_bytes + 1)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
                yield Rejection(where, f"member could not be unpacked: {exc}")
                continue
            total += len(data)
            if len(data) > limits.max_file_bytes or total > limits.max_unpacked_bytes:
                yield Rejection(where, "member unpacks to more than its header says, over the "
                                       "size limit; the rest of the archive is not read")
                return
            name = PurePosixPath(info.filename.replace("\\", "/")).name
            yield from read_member(data, name, where, limits, nested=True)


def _tar_over(path: Path, limits: Limits) -> str:
    """Give why a tar is not read at all, from its headers (stopping once over a limit)."""
    count = unpacked = 0
    with tarfile.open(path, "r|*") as tar:
        for info in tar:
            count += 1
            unpacked += info.size if info.isfile() else 0
            why = _over(count, unpacked, "tar", limits)
            if why:
                return why.replace(f"has {count} members", f"has over {limits.max_members} "
                                                            f"members")
    return ""


def _tar_odd(info: tarfile.TarInfo, where: str) -> Rejection | None:
    if info.issym() or info.islnk():
        return Rejection(where, f"a link (to {shown(info.linkname)}) in the archive; "
                                "not followed")
    return None if info.isfile() else Rejection(where, "not a regular file; not read")


def read_tar(path: Path, limits: Limits) -> Items:
    """Give the articles in a .tar / .tar.gz / .tgz archive, read as a stream, in memory."""
    origin = shown(str(path))
    try:
        why = _tar_over(path, limits)
        if why:
            yield Rejection(origin, why)
            return
        with tarfile.open(path, "r|*") as tar:
            for info in tar:
                if info.isdir():
                    continue
                where = f"{origin}!{shown(info.name)}"
                skip = _member_skip(info.name, info.size, where, limits) or _tar_odd(info, where)
                if skip:
                    yield from [skip] if isinstance(skip, Rejection) else []
                    continue
                data = tar.extractfile(info).read(limits.max_file_bytes + 1)
                name = PurePosixPath(info.name).name
                yield from read_member(data, name, where, limits, nested=True)
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        yield Rejection(origin, f"not a readable tar archive: {exc}")
