"""The one table of field names exports and feeds use for each part of an article, shared by
`parse`, `ingest`, `extract` and uploads: a record (JSON object, CSV row) -> a draft.

Names are compared with case, `_`, `-` and spaces ignored (`publishedAt` = `published_at`), and
a dotted name reads a nested object (`source.name`) or a flattened column of that name.
"""

from __future__ import annotations

import re

from newsquotes.ingest.dates import parse_field_date
from newsquotes.records import Draft, Rejection

# In order of preference; where they come from: news-please / CC-News (maintext,
# date_publish, source_domain, authors), Media Cloud (media_name, publish_date, stories_id),
# GDELT (SOURCEURL, DocumentIdentifier, SourceCommonName, DATE, SQLDATE, seendate), Hugging
# Face news sets (domain, published), NewsAPI (content, publishedAt, source.name).
FIELDS = {
    "body": ("text", "body", "maintext", "articletext", "article", "articlebody", "fulltext",
             "story", "content"),
    "title": ("title", "headline", "heading", "name"),
    "date": ("date", "published", "publishdate", "publishedat", "datepublish",
             "datepublished", "publicationdate", "pubdate", "datetime", "createdat",
             "timestamp", "epoch", "seendate", "sqldate", "dateadded"),
    "source": ("medianame", "sourcename", "source.name", "source", "outlet", "publisher",
               "publication", "newspaper", "sitename", "site", "sourcecommonname",
               "sourcedomain", "domain"),
    "url": ("url", "link", "href", "permalink", "canonicalurl", "sourceurl",
            "documentidentifier"),
    "author": ("author", "authors", "byline", "creator", "writer"),
    "section": ("section", "category", "categories", "desk"),
    "id": ("id", "storiesid", "articleid", "docid", "uuid", "guid"),
}
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_CUT = re.compile(r"\[\+\d+ chars\]\s*$")
# pandas' datetime64[ns] spans 1677-2262; a date outside this is no publication date.
YEARS = range(1700, 2201)


def field_key(name: object) -> str:
    """Give a field name as the table spells it: lower case, no spaces, '_' or '-'."""
    return re.sub(r"[\s_\-]+", "", str(name)).lower()


def _value(value) -> str:
    """Give a field's value as text: lists joined ("A, B"), a dict's name, None as ""."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(v for v in (_value(x) for x in value) if v)
    if isinstance(value, dict):
        return _value(value.get("name") or value.get("title") or "")
    return str(value).strip()


def _raw(keyed: dict, name: str):
    """Give the value under a (normalised) name, a dotted one read as nested objects."""
    if name in keyed or "." not in name:
        return keyed.get(name)
    head, _, rest = name.partition(".")
    inner = keyed.get(head)
    return _raw(keyed_record(inner), rest) if isinstance(inner, dict) else None


def keyed_record(record: dict) -> dict:
    """Give a record with its field names normalised (the first of clashing names wins)."""
    out: dict = {}
    for k, v in record.items():
        if k is not None:
            out.setdefault(field_key(k), v)
    return out


def field(record: dict, part: str) -> str:
    """Give the text of the first field naming `part` that holds something, else ""."""
    rec = keyed_record(record)
    for name in FIELDS[part]:
        value = _value(_raw(rec, name))
        if value:
            return value
    return ""


def record_text(record: dict) -> tuple[str, str]:
    """Give (body, "") of a record, or ("", reason) when it has no usable text."""
    rec = keyed_record(record)
    raw = next((rec[n] for n in FIELDS["body"] if rec.get(n)), None)
    if raw is not None and not isinstance(raw, str):
        return "", f"the text field holds a {type(raw).__name__}, not text"
    body = (raw or "").strip()
    if not body:
        names = ", ".join(f"'{n}'" for n in ("text", "body", "maintext", "content"))
        return "", f"record has no text (expected a {names} field)"
    bad = next((v for v in rec.values() if isinstance(v, str) and LONE_SURROGATE.search(v)), None)
    if bad is not None:
        char = LONE_SURROGATE.search(bad).group()
        return "", f"a field holds a lone surrogate (U+{ord(char):04X}), which is not text"
    return body, ""


def record_date(record: dict):
    """Give (date or None, flags): the first date field that parses; a date field that does
    not parse (or lies outside 1700-2200) is named in a `date_unparsed=...` flag."""
    rec = keyed_record(record)
    values = [rec[n] for n in FIELDS["date"] if _value(rec.get(n))]
    for value in values:
        date = parse_field_date(value)
        if date is not None and date.year in YEARS:
            return date, ()
    if not values:
        return None, ()
    shown = re.sub(r"[;\x00-\x1f\x7f]+", " ", _value(values[0]))[:60]
    return None, (f"date_unparsed={shown}",)


def from_record(record: dict, origin: str) -> tuple[str, Draft] | Rejection:
    """Give the draft one JSON/CSV record holds, or a rejection naming what it lacks."""
    body, reason = record_text(record)
    if reason:
        return Rejection(origin, reason)
    date, flags = record_date(record)
    if _CUT.search(body):  # NewsAPI's free tier gives the first 200 characters only
        flags = (*flags, "truncated")
    return origin, Draft(
        title=field(record, "title"), body=body, date=date,
        section=field(record, "section"), source=field(record, "source"),
        author=field(record, "author"), url=field(record, "url"), flags=flags,
    )
