"""Flags are explained in plain words, with their values kept and unknown ones said so."""

import pytest

from newsquotes.analytics.flags import MEANINGS, explained, flag_name
from newsquotes.extract import limits
from newsquotes.pipeline import EXTRACTION_FLAGS


@pytest.mark.parametrize(("flags", "expected"), [
    ("", []),
    (None, []),
    ("no_date", [("no_date", MEANINGS["no_date"])]),
    ("bad_bytes=3;sentence_too_long", [("bad_bytes=3", MEANINGS["bad_bytes"]),
                                       ("sentence_too_long",
                                        MEANINGS[limits.SENTENCE_TOO_LONG])]),
    ("date_unparsed=0001-01-01", [("date_unparsed=0001-01-01", MEANINGS["date_unparsed"])]),
    ("made_up", [("made_up", "a flag of an earlier version")]),
])
def test_explained(flags, expected):
    assert explained(flags) == expected


def test_every_extraction_flag_has_a_meaning():
    assert set(MEANINGS) >= EXTRACTION_FLAGS
    assert flag_name("bad_bytes=12") == "bad_bytes"
