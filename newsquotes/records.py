"""The small typed records the core passes around: articles, rejections, statements."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields


@dataclass(frozen=True)
class Draft:
    """An article as one file or record gives it, before it gets its id and flags."""

    title: str
    body: str
    date: dt.date | None = None
    section: str = ""
    source: str = ""
    author: str = ""
    url: str = ""
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Article(Draft):
    """One news article, as stored: a draft with its id, language, word count and origin.

    `body` is kept exactly as read (typographic quotes, non-breaking spaces), so that
    statement offsets point into the text that is stored and shown.
    """

    id: str
    language: str = "en"
    word_count: int = 0
    origin: str = ""

    def to_dict(self) -> dict:
        """Give the article as a plain dict (date as a `datetime.date` or None)."""
        d = asdict(self)
        d["flags"] = list(self.flags)
        return d


@dataclass(frozen=True)
class Rejection:
    """A file or record that did not become an article, and why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True)
class Statement:
    """One statement in an article body: what was said, how, and by whom.

    `body[start:end] == text`. `kind` is "direct", "indirect" or "mixed".
    `speaker` is the canonical name; `speaker_mention` the words in the text that name
    the speaker at this statement (a name, a pronoun, a role phrase), with its offsets.
    """

    start: int
    end: int
    text: str
    kind: str
    cue: str = ""
    speaker: str = ""
    speaker_mention: str = ""
    speaker_mention_start: int | None = None
    speaker_mention_end: int | None = None
    speaker_type: str = ""
    role: str = ""
    affiliation: str = ""
    article_id: str = ""

    def to_dict(self) -> dict:
        """Give the statement as a plain dict."""
        return asdict(self)


STATEMENT_FIELDS = tuple(f.name for f in fields(Statement))
