"""One document's bytes -> articles: decode, read by format, give each draft its id and flags."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from pathlib import PurePosixPath

from newsquotes.ingest.decoding import decode_bytes
from newsquotes.ingest.language import language_of
from newsquotes.ingest.readers import READERS
from newsquotes.records import Article, Draft, Rejection

# Control characters and the bidi controls that reorder text around them (U+202A-E, U+2066-9)
# and invisible marks: never kept in a name, a title or an outlet.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(name: str) -> str:
    """Give a file or member name fit for a terminal or a table: controls escaped (ESC as
    \\x1b, U+202E as \\u202e), so no name clears a screen or reverses a line."""
    def escape(m: re.Match) -> str:
        code = ord(m.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _CONTROLS.sub(escape, name)


def _clean(value: str) -> str:
    """Give a metadata field without control characters (newlines become spaces)."""
    return " ".join(_CONTROLS.sub(" ", value).split())


def article_id(body: str) -> str:
    """Give the stable id of an article: a hash of its body with case, quotes and spaces
    normalised, so the same story read from two files is one article."""
    text = unicodedata.normalize("NFKC", body).casefold()
    text = re.sub(r"[\u2018\u2019\u201a\u201b\u2032`´]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f\u2033«»]", '"', text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = " ".join(text.split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def make_article(draft: Draft, origin: str, flags: tuple[str, ...] = ()) -> Article:
    """Give the stored record of a draft: id, language, word count and flags added."""
    language, english = language_of(draft.body)
    found = list(flags) + list(draft.flags)
    if draft.date is None:
        found.append("no_date")
    if not english:
        found.append("not_english")
    return Article(
        id=article_id(draft.body), title=_clean(draft.title), body=draft.body, date=draft.date,
        section=_clean(draft.section), source=_clean(draft.source), author=_clean(draft.author),
        url=_clean(draft.url), language=language, word_count=len(draft.body.split()),
        origin=origin, flags=tuple(dict.fromkeys(found)),
    )


def read_document(data: bytes, name: str, origin: str, declared: str | None = None
                  ) -> Iterator[Article | Rejection]:
    """Give the articles in one document's bytes; `name` gives the format by its extension,
    `declared` a charset the transport named (a WARC record's HTTP header)."""
    suffix = PurePosixPath(name).suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        yield Rejection(origin, f"unknown extension '{shown(suffix) or '(none)'}'")
        return
    if not data.strip():
        yield Rejection(origin, "empty file")
        return
    found = decode_bytes(data, declared)
    if found is None:
        yield Rejection(origin, "binary file: not text in any known encoding")
        return
    if not found.text.strip():
        yield Rejection(origin, "empty file")
        return
    flags = (f"bad_bytes={found.bad_bytes}",) if found.bad_bytes else ()
    try:
        for item in reader(found.text, origin):
            yield item if isinstance(item, Rejection) else make_article(item[1], item[0], flags)
    except Exception as exc:  # a reader's bug on one odd file must not stop the batch
        yield Rejection(origin, f"could not be read: {type(exc).__name__}: {exc}")
