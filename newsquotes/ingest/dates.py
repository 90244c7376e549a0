"""Dates as news copy and feeds write them: "Thu 10 March 2022:", "March 10, 2022",
"2022-03-10", "2025-01-20T06:45:00+00:00", "2019/11/19", "Tue, 19 Nov 2019 14:05:00 +0000"
(RFC 2822), "November 19, 2019 2:05 PM ET", "19 November 2019, 14:05 CET", "10/03/2022" (only
when the order is certain); in record fields also unix seconds or milliseconds and GDELT's
"20191119" / "20191119140500" / "20191119T140500Z". The date is the one written (no zone
conversion).

A date is never guessed: a numeric date whose day and month could be swapped, or a string
that is not clearly a date, gives None.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

MONTHS = {
    # English, with the abbreviations wire copy uses
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    # French, German and Spanish month names that differ from the English ones
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12, "januar": 1, "februar": 2, "märz": 3, "juni": 6,
    "juli": 7, "oktober": 10, "dezember": 12, "enero": 1, "febrero": 2, "marzo": 3,
    "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8, "septiembre": 9,
    "octubre": 10, "noviembre": 11, "diciembre": 12,
}
WEEKDAYS = (
    "monday|mon|tuesday|tue|tues|wednesday|wed|thursday|thu|thurs|friday|fri|saturday|sat|"
    "sunday|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|"
    "donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
)
_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_YEAR = r"(?P<year>\d{4})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er)?"
_PATTERNS = [
    re.compile(rf"{_YEAR}[-/](?P<mnum>\d{{1,2}})[-/](?P<day>\d{{1,2}})"
               r"(?:[T ][\d:.]+\s*(?:Z|[+-]\d\d:?\d\d|UTC|GMT)?)?", re.IGNORECASE),
    re.compile(rf"{_DAY}\.?\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?{_YEAR}", re.IGNORECASE),
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})"),
]
# What may stand around a date on a dateline: a weekday, "Published", "Updated", punctuation.
_FRAME = re.compile(
    rf"^(?:(?:published|updated|posted|date)\s*:?\s*)?(?:(?:{WEEKDAYS})\.?,?\s+)?"
    r"(?P<date>.+?),?\s*(?:(?:at|um|à|a las)\s+)?(?:\d{1,2}[:.h]\d{2}(?::\d{2})?\s*"
    r"(?:[ap]\.?m\.?)?\s*(?:uhr|hrs)?\s*(?:\(?(?:[a-z]{2,5}|[+-]\d\d:?\d\d)\)?)?)?\s*[:.,–—-]?$",
    re.IGNORECASE,
)


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_match(m: re.Match) -> dt.date | None:
    """Give the date a pattern matched, or None when it is no date or its order is uncertain."""
    groups = m.groupdict()
    year = int(groups["year"])
    if groups.get("mnum"):
        return _make(year, int(groups["mnum"]), int(groups["day"]))
    if groups.get("month"):
        month = MONTHS.get(groups["month"].lower())
        return _make(year, month, int(groups["day"])) if month else None
    a, b = int(groups["a"]), int(groups["b"])
    if a > 12 >= b:
        return _make(year, b, a)  # 25/03/2022: day first
    if b > 12 >= a:
        return _make(year, a, b)  # 03/25/2022: month first
    if a == b:
        return _make(year, a, b)
    return None  # 10/03/2022 is 10 March or 3 October: not ours to choose


def _rfc2822(value: str) -> dt.date | None:
    """Give the date of an RFC 2822 / 822 string ("Tue, 19 Nov 2019 14:05:00 +0000")."""
    if not re.search(r"\d{1,2}:\d{2}", value):
        return None
    try:
        stamp = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return stamp.date() if stamp else None


def parse_date(value: str) -> dt.date | None:
    """Give the date a whole string states ("2022-03-10", "Thu 10 March 2022:"), else None."""
    value = value.strip().replace("\u00a0", " ")
    iso = _PATTERNS[0].fullmatch(value)
    if iso:
        return _from_match(iso)
    rfc = _rfc2822(value)
    if rfc:
        return rfc
    frame = _FRAME.match(value)
    if not value or frame is None:
        return None
    inner = frame.group("date")
    for pattern in _PATTERNS:
        m = pattern.fullmatch(inner)
        if m:
            return _from_match(m)
    return None


_COMPACT = re.compile(r"(\d{4})(\d\d)(\d\d)(?:T?\d{6}Z?)?")
# Unix times of 1990 to 2100 in seconds or milliseconds: wider numbers are no timestamp.
_EPOCH_SECONDS = (631152000, 4102444800)


def parse_field_date(value) -> dt.date | None:
    """Give the date a record's date field holds: any form `parse_date` reads, GDELT's compact
    "20191119[140500]", or unix seconds / milliseconds (a number or digits, read as UTC)."""
    if isinstance(value, bool) or value is None:
        return None
    text = str(value).strip()
    compact = _COMPACT.fullmatch(text)
    if compact:
        return _make(*(int(g) for g in compact.groups()))
    if re.fullmatch(r"\d{9,13}(?:\.\d+)?", text):
        seconds = float(text)
        if seconds > _EPOCH_SECONDS[1]:
            seconds /= 1000
        if _EPOCH_SECONDS[0] <= seconds <= _EPOCH_SECONDS[1]:
            return dt.datetime.fromtimestamp(seconds, dt.UTC).date()
        return None
    return parse_date(text)


def looks_like_date(value: str) -> bool:
    """Give True when a whole string is written as a date, even one whose order is uncertain."""
    value = value.strip().replace("\u00a0", " ")
    frame = _FRAME.match(value)
    if _PATTERNS[0].fullmatch(value) or _rfc2822(value):
        return True
    if not value or frame is None:
        return False
    inner = frame.group("date")
    for pattern in _PATTERNS:
        m = pattern.fullmatch(inner)
        if m and (m.groupdict().get("month") is None or m.group("month").lower() in MONTHS):
            return True
    return False
