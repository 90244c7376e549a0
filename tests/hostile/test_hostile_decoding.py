"""Issue 13.7: decoding that went unnoticed (a stray byte, UTF-32 with a BOM, UTF-16 without
one, ASCII with one stray high byte), each read right or flagged in one batch. The decoder's
table: tests/ingest/test_decoding.py."""

from __future__ import annotations

from tests.hostile.conftest import BODY, outcomes, parse_beside_good

STORY = f"Ferry fares rise\n\nMarch 10, 2022\n\n{BODY}\n"


def test_each_encoding_is_read_right_or_flagged(tmp_path):
    files = {
        "stray.txt": (STORY.replace("board", "board’s chair").encode()
                      .replace(b"tenth", b"ten\xffth")),
        "wide32.txt": STORY.encode("utf-32"),
        "wide16.txt": STORY.encode("utf-16-le"),
        "ascii.txt": STORY.encode().replace(b"tenth", b"ten\xffth"),
        "apostrophe.txt": STORY.replace("board", "board’s").encode("cp1252"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    run = parse_beside_good(tmp_path, *(tmp_path / name for name in files))
    assert {name: outcomes(run, tmp_path / name) for name in files} == {
        "stray.txt": [("stored", ("bad_bytes=1",))], "wide32.txt": [("stored", ())],
        "wide16.txt": [("stored", ())], "ascii.txt": [("stored", ("bad_bytes=1",))],
        "apostrophe.txt": [("stored", ())],
    }
    bodies = {a["origin"].rsplit("/", 1)[1]: a["body"] for a in run.articles()}
    assert (bodies["wide32.txt"], bodies["wide16.txt"]) == (BODY, BODY)
    assert bodies["ascii.txt"] == BODY.replace("tenth", "ten\ufffdth")
    assert bodies["apostrophe.txt"] == BODY.replace("board", "board’s")
