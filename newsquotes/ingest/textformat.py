"""Plain-text articles as news sites and wires lay them out.

The layout: a headline; optionally a desk/section line, a byline ("By Jane Doe, Meridian
Wire") and a dateline ("Thu 10 March 2022:", "March 10, 2022", "2022-03-10"), each on its own
line, in any order; the body paragraphs; optionally a "SOURCE: ..." line; then optionally a tail
of site boilerplate (a rule of underscores, "FOLLOW ...", social links, "Share this story!",
"Leave a Reply", comment-form text), which never reaches the body.

The body is a slice of the text exactly as read (typographic quotes, non-breaking spaces and
all), so offsets computed in it point into the text that is stored and shown.
"""

from __future__ import annotations

import re

from newsquotes.ingest.dates import looks_like_date, parse_date
from newsquotes.records import Draft

# How many lines after the headline may hold the desk line, byline and dateline.
HEADER_LINES = 4
# A desk/section line is a short label ("News Desk World", "Politics and Diplomacy").
SECTION_MAX_WORDS = 5
# A lone line longer than this is a paragraph, not a headline (headlines run to about 15).
PARAGRAPH_MIN_WORDS = 25
_SOURCE = re.compile(r"^\s*source\s*:\s*(?P<source>\S.*?)\s*$", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*by\s+(?P<by>[^\W\d_].*?)\s*$", re.IGNORECASE)
# Lines that open the site's tail: nothing from here on is the article. "FOLLOW" only in
# capitals: a paragraph may well begin "Follow-up talks ...".
_BOILERPLATE = re.compile(
    r"^\s*(?:[_\-=*~]{5,}|(?-i:FOLLOW\b.*)|follow us\b.*|share this story!?"
    r"|.*\bshare this story!\s*"
    r"|leave a reply|leave a comment|your email address will not be published.*"
    r"|you must be logged in to post a comment.*|related (?:articles|stories)\s*:?"
    r"|.*\(click here\)|advertisement)\s*$",
    re.IGNORECASE,
)


def _lines(text: str) -> list[tuple[int, int]]:
    """Give (start, end) of each non-blank line, ends without the newline or trailing space."""
    spans = []
    for m in re.finditer(r"[^\r\n]+", text):
        line = m.group()
        if line.strip():
            lead = len(line) - len(line.lstrip())
            spans.append((m.start() + lead, m.start() + len(line.rstrip())))
    return spans


def _is_section(line: str) -> bool:
    """Give True for a short label line: no sentence punctuation, a few capitalised words."""
    words = line.split()
    if not words or len(words) > SECTION_MAX_WORDS or line[-1] in ".!?\"”’:;,":
        return False
    return words[0][0].isupper() and not any(ch.isdigit() for ch in line)


def _is_paragraph(line: str) -> bool:
    """Give True for a line that reads as prose, not a headline: sentence punctuation at its
    end, or longer than headlines run."""
    return line.rstrip()[-1] in ".!?\"”’" or len(line.split()) > PARAGRAPH_MIN_WORDS


def _byline(line: str) -> tuple[str, str] | None:
    """Give (author, outlet) from "By Jane Doe, Meridian Wire", or None for another line."""
    m = _BYLINE.match(line)
    if not m or len(line.split()) > 12:
        return None
    author, _, outlet = m.group("by").partition(",")
    return author.strip(), outlet.strip()


def _same_outlet(source: str, outlet: str) -> str:
    """Give the outlet as the byline spells it when it names the SOURCE line's outlet."""
    return outlet if outlet and source.casefold() == outlet.casefold() else source or outlet


def parse_text(text: str) -> Draft:
    """Give the headline, metadata and body of one plain-text article (body "" if none)."""
    lines = _lines(text)
    if not lines:
        return Draft(title="", body="")
    title = text[slice(*lines[0])]
    if len(lines) == 1 and _is_paragraph(title):
        return Draft(title="", body=title)
    date, date_text, section, author, outlet = None, "", "", "", ""
    i = 1
    while i < len(lines) and i <= HEADER_LINES:
        line = text[slice(*lines[i])]
        by = _byline(line) if not author else None
        if not date_text and looks_like_date(line):
            date_text, date = line, parse_date(line)
        elif by is not None:
            author, outlet = by
        elif not section and not date_text and not author and _is_section(line):
            section = line
        else:
            break
        i += 1
    source, end = "", len(lines)
    for j in range(i, len(lines)):
        line = text[slice(*lines[j])]
        m = _SOURCE.match(line)
        if m:
            source, end = m.group("source"), j
            break
        if _BOILERPLATE.match(line):
            end = j
            break
    body = text[lines[i][0]:lines[end - 1][1]] if i < end else ""
    return Draft(title=title, body=body, date=date, section=section,
                 source=_same_outlet(source, outlet), author=author)
