"""Issue 13.10: special files named on the command line or met in a folder scan: a link to
/dev/zero, a FIFO, a dangling link, a link out of the folder; each rejected unread, by name.
Read in process: tests/ingest/test_special.py."""

from __future__ import annotations

import os

from tests.hostile.conftest import cli, outcomes, parse_beside_good


def test_special_files_are_rejected_unread(tmp_path):
    zero, fifo, gone = tmp_path / "zero.txt", tmp_path / "pipe.txt", tmp_path / "gone.txt"
    zero.symlink_to("/dev/zero")
    os.mkfifo(fifo)
    gone.symlink_to("/nonexistent/x.txt")
    scan = tmp_path / "scan"
    scan.mkdir()
    (scan / "passwd.txt").symlink_to("/etc/passwd")
    run = parse_beside_good(tmp_path, zero, fifo, gone, scan)
    assert [outcomes(run, p) for p in (zero, fifo, gone, scan / "passwd.txt")] == [
        [("rejected", ("a character device, not a file; not read",))],
        [("rejected", ("a FIFO, not a file; not read",))],
        [("rejected", ("dangling link (to /nonexistent/x.txt); not read",))],
        [("rejected", ("a link out of the folder; not followed",))],
    ]
    assert "root:" not in run.stdout


def test_ingest_of_a_fifo_alone_ends_and_stores_nothing(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    run = cli("ingest", "--no-extract", "-q", "--store", tmp_path / "store", fifo, timeout=60)
    assert (run.code, "rejected:        1" in run.stdout) == (0, True)
