"""Quotation-mark spans in raw article text, tolerant of the marks real copy uses.

Works on the text exactly as given (offsets never shift): typographic “ ” ‘ ’, guillemets « »,
ASCII " and ', mismatched pairs (“ ... “), and quotes running over several paragraphs (an
opening mark at each paragraph, a closing one only at the end).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from newsquotes.extract.limits import MAX_QUOTE_CHARS

DOUBLE_MARKS = "\"“”„‟«»"
SINGLE_MARKS = "'‘’‹›"
QUOTE_CHARS = DOUBLE_MARKS + SINGLE_MARKS
# What may stand right before an opening mark.
_OPEN_CONTEXT = " \t\n\r([{—–-/:\u00a0"
_TRIM_END = " \t\n\r,;:\u00a0" + QUOTE_CHARS
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation: `start`/`end` include the marks, `content_*` is the trimmed inside."""

    start: int
    end: int
    content_start: int
    content_end: int
    double: bool = True
    closed: bool = True


# Dashes the parser reads as words ("―", U+2015, the HuffPost aside dash), and the dash it
# knows for each: replaced one for one, offsets stay true.
_PARSER_MARKS = str.maketrans("―‒", "—–")


def for_parser(text: str) -> str:
    """Give `text` with each mark the parser misreads replaced by one it knows."""
    return text.translate(_PARSER_MARKS)


def overlapping(quotes: list[QuoteSpan], lo: int, hi: int) -> list[QuoteSpan]:
    """Give the quotations of `quotes` (in order, never overlapping, as `find_quotes` gives
    them) that overlap text[lo:hi]."""
    first = bisect_right(quotes, lo, key=lambda q: q.end)
    return quotes[first:bisect_left(quotes, hi, lo=first, key=lambda q: q.start)]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Give the (start, end) of every non-blank line of `text`, in order."""
    out = []
    for m in _PARAGRAPH.finditer(text):
        if m.group().strip():
            out.append((m.start(), m.end()))
    return out


def _role(text: str, i: int, lo: int, hi: int, width: int = 1) -> str:
    """Give "open", "close" or "" for the double mark at `i`, from the letters around it."""
    ch = '"' if width == 2 else text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + width] if i + width < hi else " "
    before_space = prev in _OPEN_CONTEXT or prev in DOUBLE_MARKS
    after_space = nxt.isspace() or (not nxt.isalnum() and nxt not in "‘'¿¡…($£€#@-—–")
    if ch == "«":
        return "open"
    if ch == "»":
        return "close"
    if ch in "“„‟":
        # A “ glued to the word before it and followed by space or punctuation closes a quote
        # (copy that uses “ for both marks).
        return "close" if (not before_space and after_space) else "open"
    if ch == "”":
        return "open" if (before_space and not after_space) else "close"
    # ASCII " (or '' as some wires type it): decided by its neighbours alone.
    if before_space and not nxt.isspace():
        return "open"
    if not before_space:
        return "close"
    return ""


def _marks(text: str, lo: int, hi: int):
    """Give (offset, width) of the double quotation marks in text[lo:hi]; '' counts as one."""
    i = lo
    while i < hi:
        if text[i] in DOUBLE_MARKS:
            yield i, 1
        elif text.startswith("''", i) and i + 1 < hi:
            yield i, 2
            i += 1
        i += 1


def _content(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\n\r\u00a0" + QUOTE_CHARS:
        a += 1
    while b > a and text[b - 1] in _TRIM_END:
        b -= 1
    return a, b


# Longest inner quotation taken as nested in an open one (`alert("x")`, `id="main"`).
_NESTED_MAX = 40


def _nested(text: str, marks: list[tuple[int, int]], k: int, lo: int, hi: int) -> bool:
    """Give True when mark k opens a short quotation glued to the word before it (`alert("x")`)
    inside an open quotation: its closing mark follows soon and another mark after that can
    close the outer quotation."""
    i = marks[k][0]
    if i == lo or text[i - 1].isspace() or text[i - 1] in QUOTE_CHARS or k + 2 >= len(marks):
        return False
    j, width = marks[k + 1]
    return (j - i <= _NESTED_MAX and "\n" not in text[i:j]
            and _role(text, j, lo, hi, width) == "close")


def _double_spans(text: str, paras: list[tuple[int, int]]) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for pi, (lo, hi) in enumerate(paras):
        continuing = open_at is not None
        marks = list(_marks(text, lo, hi))
        skip = -1
        for k, (i, width) in enumerate(marks):
            if k == skip:
                continue  # the closing mark of a nested quotation
            role = _role(text, i, lo, hi, width)
            # `="` opens an attribute's value even though a mark glued to a word closes.
            if open_at is not None and (role == "open" or text[i - 1] in "=([{") and _nested(
                    text, marks, k, lo, hi):
                skip = k + 1
                continue
            if continuing and role == "open" and not text[lo:i].strip():
                continue  # the mark that re-opens a quote running over paragraphs
            continuing = False
            if open_at is None:
                if role == "open":
                    open_at = i
            elif role == "close":
                a, b = _content(text, open_at + 1, i)
                if b > a:
                    spans.append(QuoteSpan(open_at, i + width, a, b))
                open_at = None
            elif role == "open":
                # Two openers in a row: the first was never closed; end it before this one
                # if it holds a real passage, else drop it.
                a, b = _content(text, open_at + 1, i)
                if len(text[a:b].split()) > 3:
                    spans.append(QuoteSpan(open_at, b, a, b, closed=False))
                open_at = i
        if open_at is not None:
            nxt = paras[pi + 1][0] if pi + 1 < len(paras) else None
            width = 2 if nxt is not None and text.startswith("''", nxt) else 1
            if nxt is not None and (text[nxt] in "“\"«„" or width == 2) and _role(
                    text, nxt, nxt, paras[pi + 1][1], width):
                continue  # the quote goes on in the next paragraph
            a, b = _content(text, open_at + 1, hi)
            if len(text[a:b].split()) > 3:
                spans.append(QuoteSpan(open_at, hi, a, b, closed=False))
            open_at = None
    return spans


def _single_spans(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    """Give ‘single-quoted’ spans in text[lo:hi], telling quotes from apostrophes."""
    spans = []
    i = lo
    while i < hi:
        ch = text[i]
        prev = text[i - 1] if i > lo else " "
        nxt = text[i + 1] if i + 1 < hi else " "
        if text.startswith("''", i):
            i += 2
            continue
        if ch in "‘'‹" and (prev in _OPEN_CONTEXT or prev in DOUBLE_MARKS) and nxt.isalnum():
            closer = "›" if ch == "‹" else ("’" if ch == "‘" else "'")
            j = i + 2
            found = None
            # A closer further than the longest quotation is none (and the search stays linear).
            while j < min(hi, i + MAX_QUOTE_CHARS):
                c = text[j]
                after = text[j + 1] if j + 1 < hi else " "
                if c in (closer, "'") and not text[j - 1].isspace() and not after.isalnum():
                    found = j
                    break
                j += 1
            if found is not None:
                a, b = _content(text, i + 1, found)
                if b - a >= 2:  # rock 'n' roll
                    spans.append(QuoteSpan(i, found + 1, a, b, double=False))
                i = found + 1
                continue
        i += 1
    return spans


def find_quotes(text: str) -> list[QuoteSpan]:
    """Give the top-level quotation spans of `text`, in order and never overlapping."""
    paras = paragraphs(text)
    doubles = _double_spans(text, paras)
    singles: list[QuoteSpan] = []
    # Single quotes only count outside double ones (inside they are nested quotes).
    for lo, hi in paras:
        cursor = lo
        for q in overlapping(doubles, lo, hi):
            if q.start > cursor:
                singles.extend(_single_spans(text, cursor, q.start))
            cursor = max(cursor, q.end)
        if cursor < hi:
            singles.extend(_single_spans(text, cursor, hi))
    return sorted(doubles + singles, key=lambda q: q.start)
