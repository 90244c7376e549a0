"""Special files, links and names: nothing is read that is not a regular file in the tree,
and no name reaches a terminal with its control characters raw."""

from __future__ import annotations

import datetime as dt
import os
import zipfile

from newsquotes.ingest.articles import shown
from newsquotes.ingest.files import files_under
from tests.ingest.conftest import BODY, STORY


def test_a_fifo_and_a_link_to_dev_zero_are_rejected_unread(tmp_path, read):
    fifo, zero = tmp_path / "a.txt", tmp_path / "b.txt"
    os.mkfifo(fifo)
    zero.symlink_to("/dev/zero")
    assert read(fifo, zero) == ([], [(str(fifo), "a FIFO, not a file; not read"),
                                     (str(zero), "a character device, not a file; not read")])


def test_a_folder_scan_follows_no_link_out_and_names_dangling_ones(tmp_path, read):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "out.txt").symlink_to("/etc/passwd")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "inside.txt").symlink_to(tmp_path / "a.txt")
    os.mkfifo(tmp_path / "sub" / "pipe.txt")
    arts, rejected = read(tmp_path)
    assert [a.origin for a in arts] == [str(tmp_path / "a.txt"),
                                        str(tmp_path / "sub" / "inside.txt")]
    assert files_under(tmp_path) == [tmp_path / n for n in ("a.txt", "gone.txt",
                                                            "sub/inside.txt", "sub/pipe.txt")]
    assert rejected == [
        (str(tmp_path / "gone.txt"), f"dangling link (to {tmp_path / 'missing.txt'}); not read"),
        (str(tmp_path / "out.txt"), "a link out of the folder; not followed"),
        (str(tmp_path / "sub" / "pipe.txt"), "a FIFO, not a file; not read"),
    ]


def test_a_dangling_link_named_on_the_command_line(tmp_path, read):
    link = tmp_path / "a.txt"
    link.symlink_to(tmp_path / "missing.txt")
    assert read(link) == ([], [(str(link), f"dangling link (to {tmp_path / 'missing.txt'}); "
                                           "not read")])


def test_names_are_shown_with_controls_escaped():
    assert shown("a\x1b[2Jb\u202etxt.exe\u2066\x07") == "a\\x1b[2Jb\\u202etxt.exe\\u2066\\x07"
    assert shown("Zürich “news”.txt") == "Zürich “news”.txt"


def test_member_names_with_escape_sequences_reach_no_terminal_raw(tmp_path, read):
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("\x1b[2Jevil\u202etxt.pdf", "x")
        z.writestr("ok\x1b]0;title\x07.txt", STORY)
    arts, rejected = read(path)
    assert [a.origin for a in arts] == [f"{path}!ok\\x1b]0;title\\x07.txt"]
    assert rejected == [(f"{path}!\\x1b[2Jevil\\u202etxt.pdf", "unknown extension '.pdf'")]
    assert all("\x1b" not in o and "\u202e" not in o for o, _ in rejected)


def test_bidi_controls_and_escapes_leave_titles_and_outlets(tmp_path, read):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "' + BODY + '", "title": "Fares \\u202erise", '
                    '"source": "\\u001b[31mWire\\u001b[0m", "date": "2019-11-19"}\n',
                    encoding="utf-8")
    (art,), _ = read(path)
    assert (art.title, art.source, art.date) == ("Fares rise", "[31mWire [0m",
                                                 dt.date(2019, 11, 19))
