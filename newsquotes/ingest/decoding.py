"""Bytes to text: a BOM first (UTF-8, UTF-16, UTF-32), UTF-16 without one, then UTF-8 (kept
despite a stray byte, which is replaced and counted), then the page's declared charset, then
ASCII with one high byte that is no likely cp1252 character there (a stray byte, replaced),
then charset-normalizer's best guess (cp1252 winning its ties with other Latin charsets)."""

from __future__ import annotations

import codecs
import contextlib
import re
import unicodedata
from dataclasses import dataclass
from itertools import islice

_BOMS = (  # UTF-32 first: its little-endian BOM begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])"""
                       rb"""([\w.:-]+)""", re.IGNORECASE)
# Above this share of NUL bytes at one parity, BOM-less text is UTF-16 (ASCII-range text in
# UTF-16 has a NUL in every other byte).
_UTF16_NULS = 0.3
# A page that declares UTF-8 is read as UTF-8 with up to this many invalid bytes even when it
# has no valid multi-byte character to vouch for it.
_STRAY_DECLARED = 3


@dataclass(frozen=True)
class Decoded:
    """A document's text, the encoding it was read in and how many bytes were replaced."""

    text: str
    encoding: str
    bad_bytes: int = 0


def _replaced(data: bytes, encoding: str) -> Decoded:
    text = data.decode(encoding, errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode(encoding.removesuffix("-sig")))
    return Decoded(text, encoding, max(bad, 0))


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = max(len(head) // 2, 1)
    if odd / half > _UTF16_NULS and even / half < 0.05:
        return "utf-16-le"
    if even / half > _UTF16_NULS and odd / half < 0.05:
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """Give the codec a page's `<meta charset>` or XML declaration names, if Python knows it."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _utf8_despite(data: bytes, declared: str | None) -> bool:
    """Give True when bytes that are not valid UTF-8 are still UTF-8 with a few stray bytes:
    more characters decode as multi-byte sequences than fail to, or the page says UTF-8 and
    only a couple fail (a wrong declaration shows as many failures and no good sequence)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return good >= bad or (declared == "utf-8" and bad <= _STRAY_DECLARED)


# What a lone high byte in ASCII text may really be in cp1252, by where it stands: an
# accented letter anywhere but next to a digit; quotation marks, apostrophes (and the acute
# accent used as one), dashes, an ellipsis or a no-break space anywhere; an ordinal sign after
# a letter or digit; other signs anywhere but inside a word. Anything else (ÿ, ¤, ¬, a byte
# cp1252 leaves undefined, "ten°th", "5é") is taken as a stray byte in UTF-8.
_HIGH = re.compile(rb"[\x80-\xff]")
_LETTERS = "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýŠšŽžŒœ"
_PLACES = (
    (_LETTERS, lambda b, a: not (b.isdigit() or a.isdigit())),
    ("’‘´–—…“”„«»‹›\xa0", lambda b, a: True),
    ("ºª", lambda b, a: b.isalnum()),  # ordinals: "20º", "nº"
    ("•·©®™×°½¼¾±€£¥¢§¶¿¡", lambda b, a: not (b.isalpha() and a.isalpha())),
)


def _lone_high_byte(data: bytes) -> Decoded | None:
    """Give the text of ASCII data with one high byte: the cp1252 character where one is
    likely to stand there, else the byte as a stray one in UTF-8 (replaced); None for data
    with more high bytes (for the detector, which misreads a lone byte: big5 for a quote)."""
    found = list(islice(_HIGH.finditer(data), 2))
    if len(found) != 1:
        return None
    at = found[0].start()
    with contextlib.suppress(UnicodeDecodeError):  # a byte cp1252 leaves undefined: stray
        char = data[at:at + 1].decode("cp1252")
        before, after = (data[at - 1:at] if at else b"").decode(), data[at + 1:at + 2].decode()
        if any(char in chars and likely(before, after) for chars, likely in _PLACES):
            return Decoded(data.decode("cp1252"), "cp1252")
    return _replaced(data, "utf-8")


def _guess(data: bytes) -> Decoded | None:
    """Give the text in charset-normalizer's best guess over the whole document."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    # On Latin text the detector often cannot tell cp1252 from cp1250 (equal chaos); cp1252 is
    # the legacy encoding western news copy is far likelier to be in, so it wins a tie.
    if any(m.chaos <= best.chaos and "cp1252" in m.could_be_from_charset for m in matches):
        with contextlib.suppress(UnicodeDecodeError):
            return Decoded(data.decode("cp1252"), "cp1252")
    return Decoded(str(best), best.encoding)


def _few_controls(text: str) -> bool:
    """Give True unless over 1% of the characters are controls (binary read as text)."""
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t\f")
    return controls <= len(text) / 100


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded | None:
    """Give the text of `data` (with `declared`, a charset the transport named), or None when
    the bytes are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _replaced(data, encoding)
    wide = _utf16_without_bom(data)
    if wide:
        found = _replaced(data, wide)
        return found if _few_controls(found.text) else None
    if b"\x00" in data:
        return None  # text in an 8-bit or UTF-8 encoding never holds NUL bytes
    with contextlib.suppress(UnicodeDecodeError):
        return Decoded(data.decode("utf-8"), "utf-8")
    declared = declared or declared_charset(data)
    if _utf8_despite(data, declared):
        return _replaced(data, "utf-8")
    if declared:
        with contextlib.suppress(UnicodeDecodeError):
            return Decoded(data.decode(declared), declared)
    found = _lone_high_byte(data) or _guess(data)
    return found if found is not None and _few_controls(found.text) else None


def decode(data: bytes) -> str | None:
    """Give the text of `data`, or None when the bytes are not text."""
    found = decode_bytes(data)
    return found.text if found else None
