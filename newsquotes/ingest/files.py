"""Reading articles from files, folders and .zip archives into `Article` records.

Every file ends as articles or as a `Rejection` naming the file (and record) and the reason;
a rejection never stops the batch. Archives are read member by member in memory: nothing is
ever extracted to disk, so a member named `../x` cannot write anywhere.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from newsquotes.config import Limits, size_text
from newsquotes.ingest.language import language_of
from newsquotes.ingest.readers import READERS
from newsquotes.ingest.textformat import Draft
from newsquotes.records import Article, Rejection

FORMATS = (*READERS, ".zip")
_size = size_text


def decode(data: bytes) -> str | None:
    """Give the text of `data` (UTF-8 with or without BOM, UTF-16 with BOM, cp1252/Latin-1
    and others detected), or None when the bytes are not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data:
        return None  # text in an 8-bit or UTF-8 encoding never holds NUL bytes
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    text = str(best)
    # On Latin text the detector often cannot tell cp1252 from cp1250 (equal chaos); cp1252 is
    # the legacy encoding western news copy is far likelier to be in, so it wins a tie.
    if any(m.chaos <= best.chaos and "cp1252" in m.could_be_from_charset for m in matches):
        with contextlib.suppress(UnicodeDecodeError):
            text = data.decode("cp1252")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t\f")
    return None if controls > len(text) / 100 else text


def article_id(body: str) -> str:
    """Give the stable id of an article: a hash of its body with case, quotes and spaces
    normalised, so the same story read from two files is one article."""
    text = unicodedata.normalize("NFKC", body).casefold()
    text = re.sub(r"[\u2018\u2019\u201a\u201b\u2032`´]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f\u2033«»]", '"', text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = " ".join(text.split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def make_article(draft: Draft, origin: str) -> Article:
    """Give the stored record of a draft: id, language, word count and flags added."""
    language, english = language_of(draft.body)
    flags = []
    if draft.date is None:
        flags.append("no_date")
    if not english:
        flags.append("not_english")
    return Article(
        id=article_id(draft.body), title=draft.title, body=draft.body, date=draft.date,
        section=draft.section, source=draft.source, author=draft.author, url=draft.url,
        language=language, word_count=len(draft.body.split()), origin=origin,
        flags=tuple(flags),
    )


def read_bytes(data: bytes, name: str, origin: str) -> Iterator[Article | Rejection]:
    """Give the articles in one file's bytes; `name` gives the format by its extension."""
    suffix = PurePosixPath(name).suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        yield Rejection(origin, f"unknown extension '{suffix or '(none)'}' "
                                f"(expected one of {', '.join(FORMATS)})")
        return
    if not data.strip():
        yield Rejection(origin, "empty file")
        return
    text = decode(data)
    if text is None:
        yield Rejection(origin, "binary file: not text in any known encoding")
        return
    if not text.strip():
        yield Rejection(origin, "empty file")
        return
    try:
        for item in reader(text, origin):
            yield item if isinstance(item, Rejection) else make_article(item[1], item[0])
    except Exception as exc:  # a reader's bug on one odd file must not stop the batch
        yield Rejection(origin, f"could not be read: {type(exc).__name__}: {exc}")


def _unsafe(name: str) -> bool:
    """Give True for a member name that climbs out of the archive or is absolute."""
    path = PurePosixPath(name.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts or re.match(r"^[A-Za-z]:", name) is not None


def read_zip(path: Path, limits: Limits) -> Iterator[Article | Rejection]:
    """Give the articles in a .zip archive, every member read in memory, never extracted."""
    shown = str(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield Rejection(shown, f"not a readable zip archive: {exc}")
        return
    with archive:
        members = [i for i in archive.infolist() if not i.is_dir()]
        if len(members) > limits.max_members:
            yield Rejection(shown, f"zip has {len(members)} members, over the limit of "
                                   f"{limits.max_members}; nothing in it was read")
            return
        unpacked = sum(i.file_size for i in members)
        if unpacked > limits.max_unpacked_bytes:
            yield Rejection(shown, f"zip unpacks to {_size(unpacked)}, over the limit of "
                                   f"{_size(limits.max_unpacked_bytes)}; nothing in it was read")
            return
        total = 0
        for info in members:
            where = f"{shown}!{info.filename}"
            name = PurePosixPath(info.filename.replace("\\", "/")).name
            if _unsafe(info.filename):
                yield Rejection(where, "unsafe member path (absolute or with '..'); not read")
                continue
            if name.startswith(".") or info.filename.startswith("__MACOSX/"):
                continue  # archivers' own files (.DS_Store, resource forks), not articles
            if name.lower().endswith(".zip"):
                yield Rejection(where, "a zip inside a zip is not read")
                continue
            if info.file_size > limits.max_file_bytes:
                yield Rejection(where, f"member is {_size(info.file_size)}, over the size limit "
                                       f"of {_size(limits.max_file_bytes)} per file")
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
            yield from read_bytes(data, name, where)


def read_file(path: Path, limits: Limits | None = None) -> Iterator[Article | Rejection]:
    """Give the articles in one file (a .zip gives those of its members)."""
    limits = limits or Limits()
    shown = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield Rejection(shown, f"cannot be read: {exc.strerror or exc}")
        return
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        yield from read_bytes(b"", path.name, shown)
        return
    if size > limits.max_file_bytes and suffix != ".zip":
        yield Rejection(shown, f"file is {_size(size)}, over the size limit of "
                               f"{_size(limits.max_file_bytes)} per file")
        return
    if suffix == ".zip":
        yield from read_zip(path, limits)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(shown, f"cannot be read: {exc.strerror or exc}")
        return
    yield from read_bytes(data, path.name, shown)


def files_under(path: Path) -> list[Path]:
    """Give the files in a folder and its subfolders, sorted, hidden ones left out."""
    return sorted(p for p in path.rglob("*") if p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(path).parts))


def read_paths(paths: Iterable[str | Path], limits: Limits | None = None
               ) -> Iterator[Article | Rejection]:
    """Give an Article or a Rejection for everything in `paths` (files, folders, .zip)."""
    limits = limits or Limits()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in files_under(path):
                yield from read_file(file, limits)
        elif path.exists():
            yield from read_file(path, limits)
        else:
            yield Rejection(str(path), "no such file or folder")
