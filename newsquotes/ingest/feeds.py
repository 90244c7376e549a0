"""RSS 2.0 and Atom feeds, read by feedparser: each item an article from its full content
(`content:encoded`, Atom `content`); an item with only a summary is kept, flagged
`summary_only`; an item with neither is a rejection."""

from __future__ import annotations

import io
from collections.abc import Iterator

from newsquotes.ingest.dates import parse_date
from newsquotes.records import Draft, Rejection

_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def html_text(fragment: str) -> str:
    """Give the text of an HTML fragment, one paragraph a block, blank lines between."""
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on junk; the fragment is then plain text
        return fragment.strip()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n\n"))
    return "\n\n".join(line for line in lines if line)


def _item_text(entry) -> tuple[str, bool]:
    """Give (text, is full content) of a feed item."""
    for content in entry.get("content") or []:
        text = html_text(content.get("value") or "")
        if text:
            return text, True
    return html_text(entry.get("summary") or ""), False


def _item_date(entry):
    """Give the date an item was published (else updated, created), or None."""
    for key in ("published", "updated", "created"):
        if entry.get(key):
            return parse_date(entry[key])
    return None


def read_feed(text: str, origin: str) -> Iterator[tuple[str, Draft] | Rejection]:
    """Yield an article for each item of an RSS or Atom feed."""
    import feedparser

    # A stream, never a string: feedparser fetches a string that looks like a URL.
    feed = feedparser.parse(io.BytesIO(text.encode("utf-8")),
                            response_headers={"content-type": "application/xml; charset=utf-8"})
    if not feed.version and not feed.entries:
        yield Rejection(origin, "not an RSS or Atom feed")
        return
    outlet = feed.feed.get("title", "")
    for n, entry in enumerate(feed.entries, start=1):
        where = f"{origin}#item {n}"
        body, full = _item_text(entry)
        if not body:
            yield Rejection(where, "feed item has no text (neither content nor summary)")
            continue
        date = _item_date(entry)
        tags = [t.get("term", "") for t in entry.get("tags") or [] if t.get("term")]
        yield where, Draft(
            title=entry.get("title", ""), body=body, date=date, section=tags[0] if tags else "",
            source=outlet, author=entry.get("author", ""), url=entry.get("link", ""),
            flags=() if full else ("summary_only",))
