"""Readers for each article format: decoded text in, drafts (or rejections) out.

Every reader takes the decoded text of one file and the file's `origin` (its path as shown to
the user) and yields `(origin, Draft)` pairs, one per article, or `Rejection`s naming the file,
the record and the reason. A bad record never stops the records after it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from newsquotes.ingest.dates import parse_date
from newsquotes.ingest.textformat import Draft, parse_text
from newsquotes.records import Rejection

# Field names feeds and exports use for each part of an article, in order of preference.
FIELDS = {
    "body": ("text", "body", "content", "article", "full_text", "fulltext", "maintext",
             "article_text", "story"),
    "title": ("title", "headline", "heading", "name"),
    "date": ("date", "published", "publish_date", "published_at", "publication_date",
             "pubdate", "date_published", "datetime", "created_at", "timestamp"),
    "source": ("source", "outlet", "publisher", "site", "sitename", "site_name",
               "publication", "source_name", "newspaper"),
    "url": ("url", "link", "href", "permalink"),
    "author": ("author", "authors", "byline", "creator", "writer"),
    "section": ("section", "category", "desk", "categories"),
}
Read = Iterator[tuple[str, Draft] | Rejection]


def _value(value) -> str:
    """Give a field's value as text: lists joined ("A, B"), a dict's name, None as ""."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(v for v in (_value(x) for x in value) if v)
    if isinstance(value, dict):
        return _value(value.get("name") or value.get("title") or "")
    return str(value).strip()


def _field(record: dict, part: str) -> str:
    lowered = {str(k).strip().lower(): v for k, v in record.items() if k is not None}
    for name in FIELDS[part]:
        value = _value(lowered.get(name))
        if value:
            return value
    return ""


def from_record(record: dict, origin: str) -> tuple[str, Draft] | Rejection:
    """Give the draft one JSON/CSV record holds, or a rejection naming what it lacks."""
    raw_body = next((v for name in FIELDS["body"] for k, v in record.items()
                     if k is not None and str(k).strip().lower() == name and v), None)
    if raw_body is not None and not isinstance(raw_body, str):
        return Rejection(origin, f"the text field holds a {type(raw_body).__name__}, not text")
    body = (raw_body or "").strip()
    if not body:
        names = ", ".join(f"'{n}'" for n in FIELDS["body"][:3])
        return Rejection(origin, f"record has no text (expected a {names} field)")
    date_text = _field(record, "date")
    return origin, Draft(
        title=_field(record, "title"), body=body, date=parse_date(date_text) if date_text else None,
        section=_field(record, "section"), source=_field(record, "source"),
        author=_field(record, "author"), url=_field(record, "url"), date_text=date_text,
    )


def read_text(text: str, origin: str) -> Read:
    """Yield the one article of a plain-text file."""
    draft = parse_text(text)
    if not draft.body:
        yield Rejection(origin, "no article text found (only a headline or boilerplate)")
    else:
        yield origin, draft


def _records_in(data) -> list | None:
    """Give the article records a JSON document holds: a list, one article, or a wrapper."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if _field(data, "body"):
            return [data]
        lists = [v for v in data.values() if isinstance(v, list) and v
                 and all(isinstance(x, dict) for x in v)]
        if len(lists) == 1:  # {"articles": [...]} and the like
            return lists[0]
        return [data]
    return None


def read_json(text: str, origin: str) -> Read:
    """Yield the articles of a JSON file: one object, a list of objects, or {"articles": [...]}."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Rejection(origin, f"broken JSON: line {exc.lineno} column {exc.colno}: {exc.msg}")
        return
    records = _records_in(data)
    if records is None:
        yield Rejection(origin, f"expected a JSON object or a list of objects, "
                                f"found a {type(data).__name__}")
        return
    for n, record in enumerate(records, start=1):
        where = f"{origin}#record {n}" if len(records) > 1 or isinstance(data, list) else origin
        yield _object_record(record, where)


def _object_record(record: object, where: str) -> tuple[str, Draft] | Rejection:
    """Give the draft of a JSON record, or a rejection when the record is not an object."""
    if not isinstance(record, dict):
        return Rejection(where, f"expected an object with a 'text' field, "
                                f"found a {type(record).__name__}")
    return from_record(record, where)


def read_jsonl(text: str, origin: str) -> Read:
    """Yield the articles of a JSON Lines file, one object a line (blank lines skipped)."""
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}#line {n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(where, f"broken JSON: column {exc.colno}: {exc.msg}")
            continue
        yield _object_record(record, where)


def read_csv(text: str, origin: str) -> Read:
    """Yield the articles of a CSV file with a header row, one article a row."""
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect, strict=True)
    try:
        header = [str(h).strip().lower() for h in (reader.fieldnames or [])]
    except csv.Error as exc:
        yield Rejection(origin, f"broken CSV: line {reader.line_num}: {exc}")
        return
    if not any(name in header for name in FIELDS["body"]):
        names = ", ".join(FIELDS["body"][:3])
        yield Rejection(origin, f"broken CSV: no text column in the header (expected one of "
                                f"{names}); found: {', '.join(header) or 'nothing'}")
        return
    n = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Rejection(f"{origin}#record {n + 1}",
                            f"broken CSV: line {reader.line_num}: {exc}; the rest is not read")
            return
        n += 1
        where = f"{origin}#record {n}"
        if None in row:
            yield Rejection(where, f"broken CSV: line {reader.line_num}: "
                                   f"more fields than the header has")
            continue
        yield from_record(row, where)


def _drop_leading(text: str, labels: set[str]) -> str:
    """Give `text` as paragraphs, without leading lines that repeat the title or section."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    while lines and lines[0].casefold() in labels:
        lines.pop(0)
    # One paragraph a line from trafilatura; a blank line between them, as in plain text.
    return "\n\n".join(lines)


def read_html(text: str, origin: str) -> Read:
    """Yield the article of an HTML page: main text and metadata found by trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False)
    if doc is None or not (doc.text or "").strip():
        yield Rejection(origin, "no article text found in the HTML page")
        return
    categories = [c for c in (doc.categories or []) if c]
    labels = {x.casefold() for x in [doc.title or "", *categories] if x}
    date_text = doc.date or ""
    yield origin, Draft(
        title=(doc.title or "").strip(), body=_drop_leading(doc.text, labels),
        date=parse_date(date_text) if date_text else None,
        section=categories[0] if categories else "", source=doc.sitename or "",
        author=doc.author or "", url=doc.url or "", date_text=date_text,
    )


READERS = {
    ".txt": read_text, ".text": read_text,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".json": read_json, ".jsonl": read_jsonl, ".ndjson": read_jsonl, ".csv": read_csv,
}
