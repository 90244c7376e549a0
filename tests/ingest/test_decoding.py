"""Decoding: BOMs, UTF-16 without one, UTF-8 kept despite a stray byte, legacy charsets."""

from __future__ import annotations

import codecs

import pytest

from newsquotes.ingest.decoding import decode_bytes

TEXT = "The governor’s office said “no” to the für-Bürger plan."


@pytest.mark.parametrize(
    ("data", "text", "encoding", "bad"),
    [
        (TEXT.encode("utf-8"), TEXT, "utf-8", 0),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, "utf-8-sig", 0),
        (TEXT.encode("utf-16"), TEXT, "utf-16", 0),
        (TEXT.encode("utf-16-le"), TEXT, "utf-16-le", 0),
        (TEXT.encode("utf-16-be"), TEXT, "utf-16-be", 0),
        (TEXT.encode("utf-32"), TEXT, "utf-32", 0),
        # One stray byte in UTF-8: replaced, the rest kept, counted.
        (TEXT.encode("utf-8").replace(b"said", b"sa\xffid"),
         TEXT.replace("said", "sa\ufffdid"), "utf-8", 1),
        # A page that says UTF-8 with one bad byte and no other non-ASCII character.
        (b'<meta charset="utf-8"><p>Fares rose \x92 by a tenth.</p>',
         '<meta charset="utf-8"><p>Fares rose \ufffd by a tenth.</p>', "utf-8", 1),
        # A page that declares its legacy charset is read in it.
        ('<meta charset="windows-1251"><p>Тарифы выросли</p>'.encode("cp1251"),
         '<meta charset="windows-1251"><p>Тарифы выросли</p>', "cp1251", 0),
    ],
)
def test_decoding(data, text, encoding, bad):
    found = decode_bytes(data)
    assert (found.text, found.encoding, found.bad_bytes) == (text, encoding, bad)


def test_undeclared_cp1252_is_read_as_cp1252():
    text = "Fares rose “by a tenth”, the board’s chair said, café owners too. " * 5
    found = decode_bytes(text.encode("cp1252"))
    assert (found.text, found.encoding) == (text, "cp1252")


@pytest.mark.parametrize(
    ("data", "text", "encoding", "bad"),
    [
        # ASCII with one high byte: the cp1252 character where one is likely to stand there.
        (b"the board\x92s chair", "the board’s chair", "cp1252", 0),
        (b"caf\xe9 owners", "café owners", "cp1252", 0),
        (b"costs \xa35 now", "costs £5 now", "cp1252", 0),
        (b"it\x97he said", "it—he said", "cp1252", 0),
        (b"\x93no, he said", "“no, he said", "cp1252", 0),  # the detector said big5hkscs
        (b"the\xa0board", "the\xa0board", "cp1252", 0),
        (b"the 20\xba day", "the 20º day", "cp1252", 0),
        # ... and a stray byte, flagged, where cp1252 gives what is unlikely there.
        (b"a ten\xffth", "a ten\ufffdth", "utf-8", 1),
        (b"a ten\xb0th", "a ten\ufffdth", "utf-8", 1),
        (b"ab \x81 c", "ab \ufffd c", "utf-8", 1),  # undefined in cp1252
        (b"rose by 5\xe9 today", "rose by 5\ufffd today", "utf-8", 1),
    ],
)
def test_ascii_with_one_high_byte(data, text, encoding, bad):
    found = decode_bytes(data)
    assert (found.text, found.encoding, found.bad_bytes) == (text, encoding, bad)


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    bytes([1, 0, 2, 0, 3, 0, 4, 0, 5, 0]) * 100,  # NULs like UTF-16's, but controls between
])
def test_binary_is_no_text(data):
    assert decode_bytes(data) is None


def test_a_stray_byte_is_flagged_on_the_article(tmp_path, read):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Fares rise\n\nFares rose, the board\xe2\x80\x99s chair said \xff today.\n")
    (art,), _ = read(path)
    assert art.body == "Fares rose, the board’s chair said \ufffd today."
    assert "bad_bytes=1" in art.flags
